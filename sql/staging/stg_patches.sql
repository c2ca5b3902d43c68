-- description: 卫片图斑 rows of the latest version of each unit × period snapshot, with the monitoring batch split into year and quarter.
-- column submission_id: Registry key of the snapshot the row comes from
-- column unit_code: Reporting unit code
-- column period: Reporting period of the snapshot, e.g. 2023Q2
-- column source_row: Row number in the source sheet or CSV file
-- column patch_id: 图斑编号
-- column batch: 监测批次, e.g. 2023Q1
-- column batch_year: Year of the monitoring batch
-- column batch_quarter: Quarter of the monitoring batch, 1–4
-- column occupied_farmland_mu: 新增建设占用耕地面积, 亩
-- column illegal_farmland_mu: 违法占用耕地面积, 亩
-- column judgement: 判定类型: 合法, 违法 or 其他
-- column rectification_status: 整改状态
-- materialized: view

with

latest as (
    select * from stg_submissions where table_name = '卫片图斑'
),

raw_rows as (
    select * from raw_patches
),

final as (
    select
        latest.submission_id,
        latest.unit_code,
        latest.period,
        raw_rows.source_row,
        raw_rows.patch_id,
        raw_rows.batch,
        try_cast(substr(raw_rows.batch, 1, 4) as integer)  as batch_year,
        try_cast(substr(raw_rows.batch, 6, 1) as integer) as batch_quarter,
        raw_rows.occupied_farmland_mu,
        raw_rows.illegal_farmland_mu,
        raw_rows.judgement,
        raw_rows.rectification_status
    from raw_rows
    join latest on latest.submission_id = raw_rows.submission_id
)

select * from final

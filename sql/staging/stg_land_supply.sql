-- description: 供地台账 rows of the latest version of each unit × period ledger, with the due dates that approved extensions set.
-- column submission_id: Registry key of the snapshot the row comes from
-- column unit_code: Reporting unit code
-- column period: Reporting period of the ledger snapshot, e.g. 2023Q2
-- column source_row: Row number in the source sheet or CSV file
-- column parcel_id: 地块编号
-- column project_name: 项目名称
-- column supply_method: 供地方式: 出让 or 划拨
-- column land_use: 土地用途: 工业, 商服, 住宅, 公共管理与公共服务, 交通运输, 其他
-- column area_mu: 供地面积, 亩
-- column is_stock: 是否存量
-- column price_wan: 成交价款, 万元 (null for 划拨)
-- column supply_date: 供地日期
-- column start_due_date: Date the parcel must start: 延期开工日期 where an extension was approved, else 约定开工日期
-- column completion_due_date: Date the parcel must be completed: 延期竣工日期 where an extension was approved, else 约定竣工日期
-- column actual_start_date: 实际开工日期
-- column actual_completion_date: 实际竣工日期
-- materialized: view

-- kpi_due_date and the other rule macros: sql/macros/kpi.sql (stored by the build, since this
-- view is expanded by whatever connection reads it).

with

latest as (
    select * from stg_submissions where table_name = '供地台账'
),

raw_rows as (
    select * from raw_land_supply
),

final as (
    select
        latest.submission_id,
        latest.unit_code,
        latest.period,
        raw_rows.source_row,
        raw_rows.parcel_id,
        raw_rows.project_name,
        raw_rows.supply_method,
        raw_rows.land_use,
        raw_rows.area_mu,
        raw_rows.is_stock,
        raw_rows.price_wan,
        raw_rows.supply_date,
        kpi_due_date(raw_rows.extended_start_date, raw_rows.agreed_start_date)           as start_due_date,
        kpi_due_date(raw_rows.extended_completion_date, raw_rows.agreed_completion_date) as completion_due_date,
        raw_rows.actual_start_date,
        raw_rows.actual_completion_date
    from raw_rows
    join latest on latest.submission_id = raw_rows.submission_id
)

select * from final

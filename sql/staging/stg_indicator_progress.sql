-- description: 指标进度 rows of the latest version of each unit × period snapshot (declared summary values).
-- column submission_id: Registry key of the snapshot the row comes from
-- column unit_code: Reporting unit code
-- column period: Reporting period, e.g. 2023Q2
-- column source_row: Row number in the source sheet or CSV file
-- column indicator_code: Catalogue code (indicators.code)
-- column cumulative_value: 累计完成: year-to-date value in the indicator's unit (cumulative and level indicators)
-- column numerator: 分子 of a rate indicator
-- column denominator: 分母 of a rate indicator
-- column remark: 备注

with

latest as (
    select * from stg_submissions where table_name = '指标进度'
),

raw_rows as (
    select * from raw_indicator_progress
),

final as (
    select
        latest.submission_id,
        latest.unit_code,
        latest.period,
        raw_rows.source_row,
        trim(raw_rows.indicator_code)   as indicator_code,
        raw_rows.cumulative_value,
        raw_rows.numerator,
        raw_rows.denominator,
        raw_rows.remark
    from raw_rows
    join latest on latest.submission_id = raw_rows.submission_id
)

select * from final

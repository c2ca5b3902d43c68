-- description: Latest version of every submitted table snapshot (unit or division × period × table), from the registry view `submission_versions`; earlier versions are superseded and left out.
-- column submission_id: Registry key of the latest version (submissions.submission_id)
-- column unit_code: Reporting unit code (units.code), or the division's code (divisions.code) for 重点工作进展
-- column period: Reporting period, e.g. 2023Q2
-- column period_year: Year of the period
-- column period_quarter: Quarter of the period, 1–4
-- column period_end: Last day of the period
-- column table_name: Submitted table: 指标进度, 供地台账, 卫片图斑 (units) or 重点工作进展 (divisions)
-- column source: The table as a source: summary, land_supply or patches (indicators.source), key_tasks for 重点工作进展
-- column version: Version number of this latest snapshot (1 = first submission)
-- column version_count: How many versions of this unit × period × table were loaded
-- column file_name: File the latest version came from
-- column row_count: Data rows in the latest version
-- column loaded_at: When the latest version was loaded
-- column warning_count: Warnings raised when the latest version was loaded

-- The latest version has one home, the registry view submission_versions (sql/migrations/030):
-- this model keeps its rows where is_latest, never a window of its own.

with

versions as (
    select * from submission_versions
),

final as (
    select
        submission_id,
        unit_code,
        period,
        cast(substr(period, 1, 4) as integer)              as period_year,
        cast(substr(period, 6, 1) as integer)             as period_quarter,
        last_day(make_date(cast(substr(period, 1, 4) as integer), cast(substr(period, 6, 1) as integer) * 3, 1)) as period_end,
        table_name,
        case table_name
            when '指标进度' then 'summary'
            when '供地台账' then 'land_supply'
            when '卫片图斑' then 'patches'
            when '重点工作进展' then 'key_tasks'
        end                                           as source,
        version,
        version_count,
        file_name,
        row_count,
        loaded_at,
        cast(len(warnings) as integer)                as warning_count
    from versions
    where is_latest
)

select * from final

-- description: Which tables arrived: one row per reporting unit × period × submitted table (指标进度, 供地台账, 卫片图斑), with the latest version, when it was loaded and from which file.
-- column period: Period code
-- column period_end: Last day of the period
-- column unit_code: Reporting unit code
-- column unit_name: Unit name
-- column display_order: Order of the unit in tables and charts
-- column table_name: Submitted table: 指标进度, 供地台账 or 卫片图斑
-- column arrived: The table was submitted for the period
-- column version: Latest version loaded (1 = first); null where it has not arrived
-- column version_count: Versions loaded so far; 0 where it has not arrived
-- column loaded_at: When the latest version was loaded
-- column file_name: File the latest version came from
-- column row_count: Data rows in the latest version
-- column warning_count: Warnings raised when the latest version was loaded

with

reporting_units as (
    select code, name, display_order from units where kind in ('county', 'zone')
),

periods as (
    select * from int_periods
),

submitted_tables as (
    select * from (values ('指标进度', 1), ('供地台账', 2), ('卫片图斑', 3)) as t(table_name, table_order)
),

snapshots as (
    select * from stg_submissions
),

final as (
    select
        periods.period,
        periods.period_end,
        reporting_units.code                        as unit_code,
        reporting_units.name                        as unit_name,
        reporting_units.display_order,
        submitted_tables.table_name,
        snapshots.submission_id is not null         as arrived,
        snapshots.version,
        coalesce(snapshots.version_count, 0)        as version_count,
        snapshots.loaded_at,
        snapshots.file_name,
        snapshots.row_count,
        snapshots.warning_count
    from periods
    cross join reporting_units
    cross join submitted_tables
    left join snapshots
        on snapshots.unit_code = reporting_units.code
       and snapshots.period = periods.period
       and snapshots.table_name = submitted_tables.table_name
    order by periods.period, reporting_units.display_order, submitted_tables.table_order
)

select * from final

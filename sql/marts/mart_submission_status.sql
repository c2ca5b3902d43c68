-- description: Which tables arrived: one row per reporting unit × period × submitted table (指标进度, 供地台账, 卫片图斑), with the latest version, when it was loaded, from which file (name and sha256) and the warnings raised at load. What `nrp status` shows and the bulletin's data-sources annex lists.
-- column period: Period code
-- column period_end: Last day of the period
-- column unit_code: Reporting unit code
-- column unit_name: Unit name
-- column unit_short_name: Short unit name for narrow columns
-- column display_order: Order of the unit in tables and charts
-- column table_name: Submitted table: 指标进度, 供地台账 or 卫片图斑
-- column table_order: Order of the table in lists (指标进度, 供地台账, 卫片图斑)
-- column arrived: The table was submitted for the period
-- column version: Latest version loaded (1 = first); null where it has not arrived
-- column version_count: Versions loaded so far; 0 where it has not arrived
-- column loaded_at: When the latest version was loaded
-- column file_name: File the latest version came from
-- column row_count: Data rows in the latest version
-- column warning_count: Warnings raised when the latest version was loaded
-- column submission_id: Registry key of the latest version (submissions.submission_id); null where it has not arrived
-- column sha256: SHA-256 of the file the latest version came from
-- column warnings: The warnings raised when the latest version was loaded (Chinese, a line break, English); empty where none

-- The latest version is stg_submissions' (one home: submission_versions); the registry is
-- read here only by that version's key, for the two columns staging does not carry.

with

reporting_units as (
    select code, name, coalesce(short_name, name) as short_name, display_order from units where kind in ('county', 'zone')
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

registry as (
    select submission_id, sha256, warnings from submissions
),

final as (
    select
        periods.period,
        periods.period_end,
        reporting_units.code                        as unit_code,
        reporting_units.name                        as unit_name,
        reporting_units.short_name                  as unit_short_name,
        reporting_units.display_order,
        submitted_tables.table_name,
        submitted_tables.table_order,
        snapshots.submission_id is not null         as arrived,
        snapshots.version,
        coalesce(snapshots.version_count, 0)        as version_count,
        snapshots.loaded_at,
        snapshots.file_name,
        snapshots.row_count,
        snapshots.warning_count,
        snapshots.submission_id,
        registry.sha256,
        coalesce(registry.warnings, []::varchar[]) as warnings
    from periods
    cross join reporting_units
    cross join submitted_tables
    left join snapshots
        on snapshots.unit_code = reporting_units.code
       and snapshots.period = periods.period
       and snapshots.table_name = submitted_tables.table_name
    left join registry
        on registry.submission_id = snapshots.submission_id
    order by periods.period, reporting_units.display_order, submitted_tables.table_order
)

select * from final

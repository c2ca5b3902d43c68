-- description: Which tables arrived: one row per period × submitter × expected table — each reporting unit × 指标进度, 供地台账, 卫片图斑, then each division that leads a key task of the period's year × 重点工作进展 — with the latest version, when it was loaded, from which file (name and sha256) and the warnings raised at load. What `nrp status` shows and the bulletin's data-sources annex lists.
-- column period: Period code
-- column period_end: Last day of the period
-- column unit_code: Reporting unit code (units.code), or the division's code (divisions.code)
-- column unit_name: Unit name, or the division's name
-- column unit_short_name: Short name for narrow columns (a division's first alias where shorter than its name, else its name)
-- column display_order: Order of the unit among the units, or of the division among the divisions
-- column table_name: Submitted table: 指标进度, 供地台账 or 卫片图斑 (units); 重点工作进展 (divisions)
-- column table_order: Order of the table in lists (指标进度, 供地台账, 卫片图斑, 重点工作进展)
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
-- column submitter_kind: unit (a reporting unit) or division (a division that leads a key task): rows are ordered units first, then divisions

-- The latest version is stg_submissions' (one home: submission_versions); the registry is
-- read here only by that version's key, for the two columns staging does not carry.
-- A division is expected to send 重点工作进展 for a period when it leads at least one task of
-- the period's year (int_key_task_milestones resolves the lead); a division that leads none has
-- nothing to report and no row. submitter_kind is the last column, so the units' rows read as
-- before.

with

reporting_units as (
    select code, name, coalesce(short_name, name) as short_name, display_order from units where kind in ('county', 'zone')
),

periods as (
    select * from int_periods
),

unit_tables as (
    select * from (values ('指标进度', 1), ('供地台账', 2), ('卫片图斑', 3)) as t(table_name, table_order)
),

leading_divisions as (
    select distinct
        divisions.year,
        divisions.code,
        divisions.name,
        -- The first alias where it is shorter than the name (规划处 for 国土空间规划处), else the name.
        case when len(divisions.aliases) > 0 and length(divisions.aliases[1]) < length(divisions.name)
             then divisions.aliases[1] else divisions.name end as short_name,
        divisions.display_order
    from divisions
    join int_key_task_milestones milestones
      on milestones.year = divisions.year
     and milestones.lead_code = divisions.code
),

-- Who is expected to send which table in which period: every unit its three tables, every
-- leading division of the period's year its 重点工作进展.
expected as (
    select
        periods.period,
        periods.period_end,
        'unit'                        as submitter_kind,
        1                             as kind_order,
        reporting_units.code,
        reporting_units.name,
        reporting_units.short_name,
        reporting_units.display_order,
        unit_tables.table_name,
        unit_tables.table_order
    from periods
    cross join reporting_units
    cross join unit_tables
    union all
    select
        periods.period,
        periods.period_end,
        'division',
        2,
        leading_divisions.code,
        leading_divisions.name,
        leading_divisions.short_name,
        leading_divisions.display_order,
        '重点工作进展',
        4
    from periods
    join leading_divisions on leading_divisions.year = periods.period_year
),

snapshots as (
    select * from stg_submissions
),

registry as (
    select submission_id, sha256, warnings from submissions
),

final as (
    select
        expected.period,
        expected.period_end,
        expected.code                               as unit_code,
        expected.name                               as unit_name,
        expected.short_name                         as unit_short_name,
        expected.display_order,
        expected.table_name,
        expected.table_order,
        snapshots.submission_id is not null         as arrived,
        snapshots.version,
        coalesce(snapshots.version_count, 0)        as version_count,
        snapshots.loaded_at,
        snapshots.file_name,
        snapshots.row_count,
        snapshots.warning_count,
        snapshots.submission_id,
        registry.sha256,
        coalesce(registry.warnings, []::varchar[]) as warnings,
        expected.submitter_kind
    from expected
    left join snapshots
        on snapshots.unit_code = expected.code
       and snapshots.period = expected.period
       and snapshots.table_name = expected.table_name
    left join registry
        on registry.submission_id = snapshots.submission_id
    order by expected.period, expected.kind_order, expected.display_order, expected.table_order
)

select * from final

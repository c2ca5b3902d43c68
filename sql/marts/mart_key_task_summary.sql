-- description: Key-task roll-ups (key-tasks.md, "Marts"): one row per period × scope — the city, each section, each division — with milestones counted by status, the on-time rate (节点按期完成率) and the completion rate (节点完成率).
-- column period: Period code
-- column scope_kind: city, section or division
-- column scope_code: city; the section's numeral (一 … 八); the division's code (D05 …)
-- column scope_name: 全市; the section's title; the division's name
-- column milestones: All of the scope's milestones
-- column due_count: Milestones with due ≤ period end
-- column done_count: done_on_time + done_late (a milestone finished ahead of a later deadline counts here)
-- column done_on_time: Milestones done_on_time (按期完成)
-- column done_late: Milestones done_late (逾期完成)
-- column overdue: Milestones overdue (逾期未完成)
-- column lagging: Milestones lagging (滞后序时)
-- column on_track: Milestones on_track (序时推进)
-- column not_reported: Milestones not_reported (未报送)
-- column on_time_rate: 节点按期完成率: 100 × (milestones due by the period end that are done_on_time) / due_count; null where due_count is 0
-- column completion_pct: 节点完成率: 100 × done_count / milestones; null where the scope has no milestones
-- column light: The worst light of the scope's milestones (red > yellow > grey > green); null where it has none
-- column display_order: Order within the scope kind: 0 for the city, the section's number, the division's display order
-- column tasks: Key tasks the scope's milestones belong to (全市30项重点工作: the city's count of tasks)
-- column light_severity: How bad that light is (key_task_statuses.light_severity: green 1 … red 4), to order scopes by their light; null where the scope has no milestones

-- A division's scope is the milestones of the tasks it leads (co-leads are not counted). Every
-- division of the year has a row, also one that leads no task (milestones 0).
-- The city's scope is every milestone of the year: scope_code 'city', named 全市 as in the
-- bulletin's sentence (全市30项重点工作共N个节点…).

with

progress as (
    select * from mart_key_task_progress
),

statuses as (
    select * from key_task_statuses
),

periods as (
    select distinct progress.period, cast(substr(progress.period, 1, 4) as integer) as period_year
    from progress
),

sections as (
    select distinct year, section, section_order, section_title from int_key_task_milestones
),

scopes as (
    select periods.period, 'city' as scope_kind, 1 as kind_order, 'city' as scope_code, '全市' as scope_name, 0 as display_order
    from periods
    union all
    select periods.period, 'section', 2, sections.section, sections.section_title, sections.section_order
    from periods
    join sections on sections.year = periods.period_year
    union all
    select periods.period, 'division', 3, divisions.code, divisions.name, divisions.display_order
    from periods
    join divisions on divisions.year = periods.period_year
),

-- Each milestone once per scope it belongs to.
membership as (
    select period, 'city' as scope_kind, 'city' as scope_code, task_code, due_date, status_code from progress
    union all
    select period, 'section', section, task_code, due_date, status_code from progress
    union all
    select period, 'division', lead_code, task_code, due_date, status_code from progress
),

counts as (
    select
        membership.period,
        membership.scope_kind,
        membership.scope_code,
        count(*)                                                                   as milestones,
        count(distinct membership.task_code)                                       as tasks,
        count(*) filter (where membership.due_date <= p.period_end)                as due_count,
        count(*) filter (where membership.status_code in ('done_on_time', 'done_late')) as done_count,
        count(*) filter (where membership.status_code = 'done_on_time')            as done_on_time,
        count(*) filter (where membership.status_code = 'done_late')               as done_late,
        count(*) filter (where membership.status_code = 'overdue')                 as overdue,
        count(*) filter (where membership.status_code = 'lagging')                 as lagging,
        count(*) filter (where membership.status_code = 'on_track')                as on_track,
        count(*) filter (where membership.status_code = 'not_reported')            as not_reported,
        count(*) filter (where membership.due_date <= p.period_end and membership.status_code = 'done_on_time') as due_done_on_time,
        max(statuses.light_severity)                                               as severity
    from membership
    join int_periods p on p.period = membership.period
    join statuses on statuses.status_code = membership.status_code
    group by membership.period, membership.scope_kind, membership.scope_code
),

lights as (
    select distinct light, light_severity from statuses
),

final as (
    select
        scopes.period,
        scopes.scope_kind,
        scopes.scope_code,
        scopes.scope_name,
        cast(coalesce(counts.milestones, 0) as integer)   as milestones,
        cast(coalesce(counts.due_count, 0) as integer)    as due_count,
        cast(coalesce(counts.done_count, 0) as integer)   as done_count,
        cast(coalesce(counts.done_on_time, 0) as integer) as done_on_time,
        cast(coalesce(counts.done_late, 0) as integer)    as done_late,
        cast(coalesce(counts.overdue, 0) as integer)      as overdue,
        cast(coalesce(counts.lagging, 0) as integer)      as lagging,
        cast(coalesce(counts.on_track, 0) as integer)     as on_track,
        cast(coalesce(counts.not_reported, 0) as integer) as not_reported,
        cast(kpi_rate(counts.due_done_on_time, counts.due_count) as double) as on_time_rate,
        cast(kpi_rate(counts.done_count, counts.milestones) as double)      as completion_pct,
        lights.light,
        cast(scopes.display_order as integer)             as display_order,
        cast(coalesce(counts.tasks, 0) as integer)        as tasks,
        cast(lights.light_severity as integer)            as light_severity
    from scopes
    left join counts
      on counts.period = scopes.period
     and counts.scope_kind = scopes.scope_kind
     and counts.scope_code = scopes.scope_code
    left join lights on lights.light_severity = counts.severity
    order by scopes.period, scopes.kind_order, scopes.display_order, scopes.scope_code
)

select * from final

-- description: key-task roll-ups add up: the status counts make milestones, done = on time + late, due ≤ milestones, rates within 0–100 (on_time_rate null exactly where nothing is due), and each scope counts what mart_key_task_progress holds for it
with progress as (
    select p.*, i.period_end
    from mart_key_task_progress p
    join int_periods i on i.period = p.period
),
recount as (
    select period, 'city' as scope_kind, 'city' as scope_code, count(*) as milestones,
           count(*) filter (where due_date <= period_end) as due_count,
           count(*) filter (where status_code = 'not_reported') as not_reported
    from progress group by period
    union all
    select period, 'section', section, count(*), count(*) filter (where due_date <= period_end),
           count(*) filter (where status_code = 'not_reported')
    from progress group by period, section
    union all
    select period, 'division', lead_code, count(*), count(*) filter (where due_date <= period_end),
           count(*) filter (where status_code = 'not_reported')
    from progress group by period, lead_code
)
select s.period, s.scope_kind, s.scope_code, 'counts do not add up' as problem
from mart_key_task_summary s
where s.done_on_time + s.done_late + s.overdue + s.lagging + s.on_track + s.not_reported <> s.milestones
   or s.done_count <> s.done_on_time + s.done_late
   or s.due_count > s.milestones
   or s.on_time_rate < 0 or s.on_time_rate > 100
   or s.completion_pct < 0 or s.completion_pct > 100
   or (s.on_time_rate is null) <> (s.due_count = 0)
   or (s.completion_pct is null) <> (s.milestones = 0)
union all
select s.period, s.scope_kind, s.scope_code, 'differs from mart_key_task_progress'
from mart_key_task_summary s
left join recount r on r.period = s.period and r.scope_kind = s.scope_kind and r.scope_code = s.scope_code
where s.milestones <> coalesce(r.milestones, 0)
   or s.due_count <> coalesce(r.due_count, 0)
   or s.not_reported <> coalesce(r.not_reported, 0)
union all
select r.period, r.scope_kind, r.scope_code, 'milestones of a scope without a summary row'
from recount r
where not exists (
    select 1 from mart_key_task_summary s
    where s.period = r.period and s.scope_kind = r.scope_kind and s.scope_code = r.scope_code)

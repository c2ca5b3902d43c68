-- description: key-task rows tell one story: a done milestone has a completion date and progress 100; a not-reported one carries no report and progress 0; a row from the period's own snapshot names it; 序时进度 is in (0, 100] and never falls over the year; overdue only past the due date, lagging and on_track only before it; and lagging rows are further behind schedule than on_track ones
-- Invariants, not the status rule itself: the rule is tested at every boundary against
-- hand-computed rows in test/models/key-tasks*.test.ts.
with progress as (
    select p.*, i.period_end
    from mart_key_task_progress p
    join int_periods i on i.period = p.period
),
problems as (
    select period, task_code, milestone_no, 'done without 完成日期 or progress 100' as problem
    from progress
    where status_code in ('done_on_time', 'done_late') and (completed_on is null or progress_pct <> 100)
    union all
    select period, task_code, milestone_no, 'completion date on a milestone not done'
    from progress
    where status_code not in ('done_on_time', 'done_late') and completed_on is not null
    union all
    select period, task_code, milestone_no, 'completed after the period end'
    from progress
    where completed_on > period_end
    union all
    select period, task_code, milestone_no, 'not_reported with a report or progress'
    from progress
    where status_code = 'not_reported'
      and (reported_in_period or submission_version is not null or report_period is not null or progress_pct <> 0)
    union all
    select period, task_code, milestone_no, 'own report that does not name its period'
    from progress
    where reported_in_period and (report_period is distinct from period or submission_version is null or not lead_reported)
    union all
    select period, task_code, milestone_no, 'carried report that is not an earlier completion of the year'
    from progress
    where not reported_in_period and report_period is not null
      and (status_code not in ('done_on_time', 'done_late') or report_period >= period or substr(report_period, 1, 4) <> substr(period, 1, 4))
    union all
    select period, task_code, milestone_no, 'schedule_pct outside (0, 100] or progress outside [0, 100]'
    from progress
    where not (schedule_pct > 0 and schedule_pct <= 100) or not (progress_pct between 0 and 100)
    union all
    select period, task_code, milestone_no, 'overdue before the due date, or lagging / on_track after it'
    from progress
    where (status_code = 'overdue' and due_date > period_end)
       or (status_code in ('lagging', 'on_track') and due_date <= period_end)
),
schedule_falls as (
    select later.period, later.task_code, later.milestone_no, 'schedule_pct falls from ' || earlier.period as problem
    from progress later
    join progress earlier
      on earlier.task_code = later.task_code
     and earlier.milestone_no = later.milestone_no
     and substr(earlier.period, 1, 4) = substr(later.period, 1, 4)
     and earlier.period < later.period
    where later.schedule_pct < earlier.schedule_pct
),
behind as (
    select period,
           max(progress_pct - schedule_pct) filter (where status_code = 'lagging')  as lagging_max,
           min(progress_pct - schedule_pct) filter (where status_code = 'on_track') as on_track_min
    from progress
    group by period
)
select * from problems
union all
select * from schedule_falls
union all
select period, null, null, 'a lagging milestone is less behind than an on_track one'
from behind
where lagging_max >= on_track_min

-- description: key-task statuses, lights and scope kinds are in their accepted sets, and each status has one name and one light
select 'progress' as mart, period, task_code as code, status_code, light
from mart_key_task_progress
where status_code is null
   or status_code not in ('done_on_time', 'done_late', 'overdue', 'lagging', 'on_track', 'not_reported')
   or light not in ('green', 'yellow', 'red', 'grey')
   or task_light not in ('green', 'yellow', 'red', 'grey')
   or status_name is null
union all
select 'summary', period, scope_kind || ' ' || scope_code, null, light
from mart_key_task_summary
where scope_kind not in ('city', 'section', 'division')
   or light not in ('green', 'yellow', 'red', 'grey')
   or (milestones > 0 and light is null)
union all
select 'progress', null, status_code, count(distinct status_name) || ' names', count(distinct light) || ' lights'
from mart_key_task_progress
group by status_code
having count(distinct status_name) <> 1 or count(distinct light) <> 1

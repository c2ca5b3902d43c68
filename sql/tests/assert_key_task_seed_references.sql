-- description: the key-task seeds agree with each other: each task's lead and co-leads name exactly one division of its year, each milestone belongs to a task of its year and appears once, each task has a milestone, units_involved names known units
select 'lead does not name exactly one division' as problem, t.year, t.code as task_code, t.lead as detail
from key_tasks t
where (select count(*) from divisions d
        where d.year = t.year and (d.name = t.lead or list_contains(d.aliases, t.lead))) <> 1
union all
select 'co-lead does not name exactly one division', t.year, t.code, c.co_lead
from key_tasks t, unnest(t.co_leads) as c(co_lead)
where (select count(*) from divisions d
        where d.year = t.year and (d.name = c.co_lead or list_contains(d.aliases, c.co_lead))) <> 1
union all
select 'milestone of an unknown task', m.year, m.task_code, cast(m.milestone_no as varchar)
from key_task_milestones m
where not exists (select 1 from key_tasks t where t.year = m.year and t.code = m.task_code)
union all
select 'milestone number twice', year, task_code, cast(milestone_no as varchar)
from key_task_milestones
group by year, task_code, milestone_no
having count(*) > 1
union all
select 'task without milestones', t.year, t.code, null
from key_tasks t
where not exists (select 1 from key_task_milestones m where m.year = t.year and m.task_code = t.code)
union all
select 'task code twice', year, code, null
from key_tasks
group by year, code
having count(*) > 1
union all
select 'milestone without a due date', year, task_code, cast(milestone_no as varchar)
from key_task_milestones
where due_date is null
union all
select 'unknown unit in units_involved', t.year, t.code, u.unit_name
from key_tasks t, unnest(t.units_involved) as u(unit_name)
where u.unit_name not in (select name from units)
union all
select 'section without a number (一 … 二十)', year, null, section
from int_key_task_milestones
where section_order is null
group by year, section

-- description: every period of a plan year with key tasks holds every milestone of that year's catalogue and nothing else; 2023's catalogue (key-tasks.md) has 138 milestones
with expected as (
    select p.period, m.task_code, m.milestone_no
    from int_periods p
    join key_task_milestones m on m.year = p.period_year
),
present as (
    select period, task_code, milestone_no from mart_key_task_progress
)
select 'absent from the mart' as problem, period, task_code, milestone_no from (select * from expected except select * from present)
union all
select 'unexpected in the mart', period, task_code, milestone_no from (select * from present except select * from expected)
union all
select 'not 138 milestones in a 2023 period', period, null, count(*)
from present
where substr(period, 1, 4) = '2023'
group by period
having count(*) <> 138

-- description: mart_key_task_summary has, for every period with key tasks, one city row, one row per section of the year's catalogue and one per division of the year, and no scope twice
with periods as (
    select distinct period, cast(substr(period, 1, 4) as integer) as year from mart_key_task_progress
),
expected as (
    select period, 'city' as scope_kind, 'city' as scope_code from periods
    union all
    select distinct periods.period, 'section', key_tasks.section
    from periods join key_tasks on key_tasks.year = periods.year
    union all
    select periods.period, 'division', divisions.code
    from periods join divisions on divisions.year = periods.year
),
present as (
    select period, scope_kind, scope_code from mart_key_task_summary
)
select 'absent' as problem, * from (select * from expected except select * from present)
union all
select 'unexpected', * from (select * from present except select * from expected)
union all
select 'twice', period, scope_kind, scope_code from present group by period, scope_kind, scope_code having count(*) > 1

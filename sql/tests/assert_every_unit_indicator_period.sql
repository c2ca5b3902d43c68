-- description: every unit and aggregate × indicator of the year × period is present, and nothing else
with expected as (
    select p.period, u.code as unit_code, i.code as indicator_code
    from int_periods p
    cross join units u
    join indicators i on i.year = p.period_year
),
present as (
    select period, unit_code, indicator_code from mart_indicator_progress
)
select 'absent from the mart' as problem, * from (select * from expected except select * from present)
union all
select 'unexpected in the mart', * from (select * from present except select * from expected)

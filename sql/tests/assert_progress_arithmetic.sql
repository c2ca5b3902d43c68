-- description: completion, expected and gap agree with each other and with actual and target (checked backwards: completion × target = 100 × actual, gap + expected = completion; for rates and levels target + target_margin = actual); expected_pct is one schedule per period × indicator that never falls over the year
with cumulative as (
    select *
    from mart_indicator_progress
    where kind = 'cumulative'
),
arithmetic as (
    select period, unit_code, indicator_code, 'completion_pct × target ≠ 100 × actual' as problem
    from cumulative
    where completion_pct is not null
      and abs(completion_pct * target - 100 * actual) > 1e-6 * greatest(1, abs(100 * actual))
    union all
    select period, unit_code, indicator_code, 'completion_pct missing where actual and a target exist'
    from cumulative
    where completion_pct is null and actual is not null and target is not null and target <> 0
    union all
    select period, unit_code, indicator_code, 'gap_pp + expected_pct ≠ completion_pct'
    from cumulative
    where (gap_pp is null) <> (completion_pct is null)
       or abs(gap_pp + expected_pct - completion_pct) > 1e-9 * greatest(1, abs(completion_pct))
),
schedules as (
    select period, indicator_code, min(expected_pct) as lo, max(expected_pct) as hi
    from cumulative
    group by period, indicator_code
),
schedule_problems as (
    select period, null as unit_code, indicator_code, 'expected_pct differs between units' as problem
    from schedules
    where lo <> hi
    union all
    select later.period, null, later.indicator_code, 'expected_pct falls from ' || earlier.period
    from schedules later
    join schedules earlier
      on earlier.indicator_code = later.indicator_code
     and substr(earlier.period, 1, 4) = substr(later.period, 1, 4)
     and earlier.period < later.period
    where later.lo < earlier.hi
),
margins as (
    select period, unit_code, indicator_code, 'target + target_margin ≠ actual' as problem
    from mart_indicator_progress
    where kind <> 'cumulative'
      and ((target_margin is null) <> (actual is null or target is null)
           or abs(target + target_margin - actual) > 1e-8 * greatest(1, abs(actual)))
    union all
    select period, unit_code, indicator_code, 'target_margin on a cumulative indicator'
    from cumulative
    where target_margin is not null
)
select * from arithmetic
union all
select * from schedule_problems
union all
select * from margins

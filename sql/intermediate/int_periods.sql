-- description: The periods the marts cover: every quarter of each plan year in the `indicators` seed, up to the latest period for which any table was submitted.
-- column period: Period code, e.g. 2023Q2
-- column period_year: Year of the period
-- column period_quarter: Quarter, 1–4
-- column period_start: First day of the period's year (figures are year-to-date)
-- column period_end: Last day of the period
-- column prev_period: The previous quarter of the same year (null for Q1)

-- Why up to the latest submission: a quarter nobody has reported yet would show every unit as
-- missing, which says nothing; a quarter between reported ones must show who is missing.

with

plan_years as (
    select distinct year from indicators
),

latest_submission as (
    select max(period_year * 10 + period_quarter) as latest_key from stg_submissions
),

quarters as (
    select quarter from (values (1), (2), (3), (4)) as q(quarter)
),

final as (
    select
        plan_years.year || 'Q' || quarters.quarter                  as period,
        plan_years.year                                             as period_year,
        quarters.quarter                                            as period_quarter,
        make_date(plan_years.year, 1, 1)                            as period_start,
        last_day(make_date(plan_years.year, quarters.quarter * 3, 1)) as period_end,
        case when quarters.quarter > 1 then plan_years.year || 'Q' || (quarters.quarter - 1) end as prev_period
    from plan_years
    cross join quarters
    cross join latest_submission
    where plan_years.year * 10 + quarters.quarter <= latest_submission.latest_key
)

select * from final

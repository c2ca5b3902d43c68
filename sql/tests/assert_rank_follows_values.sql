-- description: among the ranked units of a period × indicator, rank = 1 + the number of units with a strictly better value (completion_pct for cumulative, actual for rates and levels, lower is better for max), so ties share a rank and the next one skips
with ranked as (
    select
        period,
        indicator_code,
        unit_code,
        rank,
        -- larger is better; rounded as kpis.md's ties are equal in decimals
        round(case
            when kind = 'cumulative' then completion_pct
            when direction = 'max' then -actual
            else actual
        end, 9) as score
    from mart_indicator_progress
    where rank is not null
),
counted as (
    select
        r.period, r.indicator_code, r.unit_code, r.rank, r.score,
        (select count(*) from ranked o
          where o.period = r.period and o.indicator_code = r.indicator_code and o.score > r.score) as better
    from ranked r
)
select * from counted where rank <> better + 1

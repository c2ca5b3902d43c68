-- description: within a period × indicator the lights are ordered along the distance to the target, whatever the band: every red row is further behind than every yellow one, and every yellow further than every green one
-- Not a copy of the status rule (that is tested against hand-computed rows at every band edge in
-- test/models/status-bands.test.ts): an invariant any banding by gap or margin must keep.
-- Distance: gap_pp for cumulative indicators; actual − target for min and target − actual for max
-- (rates share one threshold; levels have a target per unit, hence the margin).
with rated as (
    select
        period,
        indicator_code,
        status,
        case
            when kind = 'cumulative' then gap_pp
            when direction = 'max' then target - actual
            else actual - target
        end as margin
    from mart_indicator_progress
    where status in ('green', 'yellow', 'red')
),
bounds as (
    select
        period,
        indicator_code,
        max(margin) filter (where status = 'red')    as red_max,
        min(margin) filter (where status = 'yellow') as yellow_min,
        max(margin) filter (where status = 'yellow') as yellow_max,
        min(margin) filter (where status = 'green')  as green_min,
        count(*) filter (where margin is null)       as without_margin
    from rated
    group by period, indicator_code
)
select *
from bounds
where red_max >= yellow_min
   or yellow_max >= green_min
   or red_max >= green_min
   or without_margin > 0

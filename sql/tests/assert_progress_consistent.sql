-- description: completion_pct, gap_pp and status follow kpis.md from actual, target, expected_pct and the yellow band
with rows as (
    select m.*, i.yellow_band
    from mart_indicator_progress m
    join indicators i on i.code = m.indicator_code and i.year = cast(left(m.period, 4) as integer)
),
expected as (
    select
        *,
        case
            when kind = 'cumulative' and actual is not null and target is not null and target <> 0 then 100 * actual / target
        end as want_completion,
        case
            when status = 'missing' then 'missing'
            when target is null or (kind = 'cumulative' and target = 0) then 'no_target'
            when actual is null then 'no_data'
            when kind = 'cumulative' and 100 * actual / target - expected_pct >= -1e-9 then 'green'
            when kind = 'cumulative' and 100 * actual / target - expected_pct >= -yellow_band - 1e-9 then 'yellow'
            when kind = 'cumulative' then 'red'
            when direction = 'min' and actual >= target - 1e-9 then 'green'
            when direction = 'min' and actual >= target - yellow_band - 1e-9 then 'yellow'
            when direction = 'max' and actual <= target + 1e-9 then 'green'
            when direction = 'max' and actual <= target + yellow_band + 1e-9 then 'yellow'
            else 'red'
        end as want_status
    from rows
)
select period, unit_code, indicator_code, kind, actual, target, completion_pct, want_completion, expected_pct, gap_pp, status, want_status
from expected
where status <> want_status
   or (completion_pct is null) <> (want_completion is null)
   or abs(completion_pct - want_completion) > 1e-9
   or (kind = 'cumulative' and ((gap_pp is null) <> (completion_pct is null) or abs(gap_pp - (completion_pct - expected_pct)) > 1e-9))

-- description: the layout columns of the marts are filled and agree with the seeds: every mart_indicator_progress row has its unit's order, short name and kind and its indicator's catalogue order; a main target's indicators carry its heading; one city row per period × indicator; in mart_submission_status a table that arrived has its file's sha256 and as many warnings as warning_count
select 'layout column missing' as problem, period, unit_code, indicator_code
from mart_indicator_progress
where unit_order is null or unit_short_name is null or unit_kind is null or indicator_order is null or is_city is null
   or (main_target is not null and main_target_title is null)
   or (main_target is null and main_target_title is not null)
union all
select 'unit order differs from the seed', m.period, m.unit_code, m.indicator_code
from mart_indicator_progress m
join units u on u.code = m.unit_code
where m.unit_order <> u.display_order or m.unit_kind <> u.kind or m.is_city <> coalesce(u.is_city, false)
union all
select 'not one city row', period, cast(count(*) filter (where is_city) as varchar), indicator_code
from mart_indicator_progress
group by period, indicator_code
having count(*) filter (where is_city) <> 1
union all
select 'arrived without sha256, or warnings disagree', period, unit_code, table_name
from mart_submission_status
where (arrived and (sha256 is null or len(warnings) <> warning_count))
   or (not arrived and (sha256 is not null or len(warnings) <> 0))

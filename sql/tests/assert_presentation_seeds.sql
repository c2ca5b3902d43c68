-- description: the seeds the outputs lay out by agree: exactly one unit is the city and it is an aggregate; every heading in main_targets belongs to a main target of its year's catalogue; catalogue order is unique within a year; unit_chart and fraction_unit fit the indicator's kind
select 'not exactly one city' as problem, cast(count(*) filter (where is_city) as varchar) as detail
from units
having count(*) filter (where is_city) <> 1
union all
select 'the city is not an aggregate', code from units where is_city and kind <> 'aggregate'
union all
select 'heading of no main target', m.year || ' ' || m.main_target
from main_targets m
where not exists (select 1 from indicators i where i.year = m.year and i.main_target = m.main_target)
union all
select 'catalogue order missing or repeated', year || ' ' || coalesce(cast(display_order as varchar), 'null')
from indicators
group by year, display_order
having display_order is null or count(*) > 1
union all
select 'unit_chart does not fit the kind', year || ' ' || code
from indicators
where (unit_chart = 'rank' and kind <> 'cumulative')
   or (unit_chart = 'rate' and kind <> 'rate')
   or (unit_chart is not null and unit_chart not in ('rank', 'rate'))
   or (fraction_unit is not null and kind <> 'rate')
union all
select 'unit without a short name', code from units where short_name is null or short_name = ''

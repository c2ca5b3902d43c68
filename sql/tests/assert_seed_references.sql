-- description: the seeds agree with each other: aggregate members are reporting units, targets name a known indicator of their year and a known unit, one target per year × indicator × unit
select 'aggregate member is not a reporting unit' as problem, a.code as unit_code, m.member as detail
from units a, unnest(a.members) as m(member)
where a.kind = 'aggregate'
  and m.member not in (select code from units where kind in ('county', 'zone'))
union all
select 'target for an unknown indicator of its year', t.unit_code, t.year || ' ' || t.indicator_code
from targets t
where not exists (select 1 from indicators i where i.year = t.year and i.code = t.indicator_code)
union all
select 'target for an unknown unit', t.unit_code, t.year || ' ' || t.indicator_code
from targets t
where t.unit_code not in (select code from units)
union all
select 'more than one target', unit_code, year || ' ' || indicator_code
from targets
group by year, indicator_code, unit_code
having count(*) > 1

-- description: an aggregate is incomplete exactly when a member is missing; missing_units names every missing member, only those, once, in display order
-- Checked by splitting the list the mart wrote, not by building the same string again.
with members as (
    select a.code as aggregate_code, unnest(a.members) as member_code from units a where a.kind = 'aggregate'
),
missing_members as (
    select members.aggregate_code, m.period, m.indicator_code, u.name, u.display_order
    from members
    join mart_indicator_progress m on m.unit_code = members.member_code
    join units u on u.code = members.member_code
    where m.status = 'missing'
),
aggregates as (
    select a.period, a.unit_code, a.indicator_code, a.incomplete, a.missing_units
    from mart_indicator_progress a
    join units u on u.code = a.unit_code
    where u.kind = 'aggregate'
),
named as (
    select period, unit_code, indicator_code,
           unnest(string_split(missing_units, '、'))                         as name,
           unnest(range(1, len(string_split(missing_units, '、')) + 1))       as position
    from aggregates
    where missing_units is not null
),
named_members as (
    select named.*, missing_members.display_order
    from named
    left join missing_members
      on missing_members.aggregate_code = named.unit_code
     and missing_members.period = named.period
     and missing_members.indicator_code = named.indicator_code
     and missing_members.name = named.name
)
select period, unit_code, indicator_code, name, 'named but not a missing member' as problem
from named_members
where display_order is null
union all
select m.period, m.aggregate_code, m.indicator_code, m.name, 'missing member not named'
from missing_members m
where not exists (
    select 1 from named n
    where n.unit_code = m.aggregate_code and n.period = m.period and n.indicator_code = m.indicator_code and n.name = m.name)
union all
select period, unit_code, indicator_code, null, 'named twice or out of display order'
from named_members
group by period, unit_code, indicator_code
having list(display_order order by position) <> list_sort(list(display_order))
    or count(distinct name) <> count(*)
union all
select a.period, a.unit_code, a.indicator_code, null, 'incomplete disagrees with the missing members'
from aggregates a
where a.incomplete is distinct from exists (
    select 1 from missing_members m
    where m.aggregate_code = a.unit_code and m.period = a.period and m.indicator_code = a.indicator_code)

-- description: an aggregate is incomplete exactly when a member is missing, and missing_units names those members in display order
with members as (
    select a.code as aggregate_code, unnest(a.members) as member_code from units a where a.kind = 'aggregate'
),
missing as (
    select members.aggregate_code, m.period, m.indicator_code,
           string_agg(u.name, '、' order by u.display_order) filter (where m.status = 'missing') as want_missing
    from members
    join mart_indicator_progress m on m.unit_code = members.member_code
    join units u on u.code = members.member_code
    group by all
)
select a.period, a.unit_code, a.indicator_code, a.incomplete, a.missing_units, missing.want_missing
from mart_indicator_progress a
join missing on missing.aggregate_code = a.unit_code and missing.period = a.period and missing.indicator_code = a.indicator_code
where a.missing_units is distinct from missing.want_missing
   or a.incomplete <> (missing.want_missing is not null)

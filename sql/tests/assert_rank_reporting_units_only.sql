-- description: rank is given exactly to reporting units with a target and a value, from 1, ties sharing a rank
with rows as (
    select m.*, u.kind as unit_kind from mart_indicator_progress m join units u on u.code = m.unit_code
)
select period, unit_code, indicator_code, status, rank, 'rank where none is due, or none where one is' as problem
from rows
where (rank is not null) <> (unit_kind <> 'aggregate' and status in ('green', 'yellow', 'red'))
union all
select period, null, indicator_code, null, min(rank), 'ranks do not start at 1'
from rows
where rank is not null
group by period, indicator_code
having min(rank) <> 1

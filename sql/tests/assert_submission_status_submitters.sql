-- description: mart_submission_status expects the right tables of the right submitters: every reporting unit its three tables (指标进度, 供地台账, 卫片图斑) and nothing else; every division that leads a key task of the period's year its 重点工作进展 and nothing else; no division that leads none; no unit or division listed under the other kind
with

expected_units as (
    select count(*) as n from units where kind in ('county', 'zone')
),

leads as (
    select distinct year, lead_code from int_key_task_milestones
),

rows as (
    select * from mart_submission_status
)

select 'unit with a wrong table or not a reporting unit' as problem, period, unit_code, table_name
from rows
where submitter_kind = 'unit'
  and (table_name not in ('指标进度', '供地台账', '卫片图斑')
       or unit_code not in (select code from units where kind in ('county', 'zone')))

union all

select 'division with a wrong table or leading no task of the year', period, unit_code, table_name
from rows
where submitter_kind = 'division'
  and (table_name <> '重点工作进展'
       or unit_code not in (select lead_code from leads where year = cast(substr(rows.period, 1, 4) as integer)))

union all

select 'submitter kind missing or unknown', period, unit_code, table_name
from rows
where submitter_kind is null or submitter_kind not in ('unit', 'division')

union all

select 'a period without every unit × table', period, null, cast(count(*) as varchar)
from rows
where submitter_kind = 'unit'
group by period
having count(*) <> 3 * (select n from expected_units)

union all

select 'a leading division without its row', p.period, l.lead_code, '重点工作进展'
from (select distinct period from rows) p
join leads l on l.year = cast(substr(p.period, 1, 4) as integer)
where not exists (
    select 1 from rows r
    where r.period = p.period and r.unit_code = l.lead_code and r.table_name = '重点工作进展'
)

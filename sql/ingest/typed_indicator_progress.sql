-- 指标进度 rows landed as text ({{landed}}: every file checked, with file_id), resolved against
-- the catalogue of the file's year (ingest_files) by code (case-insensitive) or exact name (spaces
-- ignored), numbers read in the indicator's unit.
-- A row with no figure at all (累计完成, 分子 and 分母 blank) reports nothing and is dropped:
-- the template lists every indicator, and an unfilled one is "not reported", never zero.
create or replace temp table typed_indicator_progress as
with cat as (select year, code, name, unit, kind from indicators),
s as (
  select l.*, f.year
  from {{landed}} as l
  join ingest_files as f on f.file_id = l.file_id
  where not (nrp_blank(cumulative_value) and nrp_blank(numerator) and nrp_blank(denominator))
)
select
  s.file_id,
  s.source_row,
  s.indicator_code, s.indicator_name, s.cumulative_value, s.numerator, s.denominator, s.remark,
  by_code.code                                   as code_by_code,
  by_name.code                                   as code_by_name,
  coalesce(by_code.code, by_name.code)           as v_indicator_code,
  coalesce(by_code.kind, by_name.kind)           as v_kind,
  coalesce(by_code.unit, by_name.unit)           as v_unit,
  nrp_num(s.cumulative_value, coalesce(by_code.unit, by_name.unit)) as v_cumulative_value,
  nrp_num(s.numerator, '')                       as v_numerator,
  nrp_num(s.denominator, '')                     as v_denominator,
  case when nrp_blank(s.remark) then null else trim(s.remark, ' 　') end as v_remark
from s
left join cat as by_code on by_code.year = s.year and lower(by_code.code) = lower(trim(s.indicator_code, ' 　'))
left join cat as by_name on by_name.year = s.year and nrp_word(by_name.name) = nrp_word(s.indicator_name);

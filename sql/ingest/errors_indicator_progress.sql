-- Every rule of submissions.md for 指标进度, for every file checked: (file_id, source_row, col, raw, code, detail).
-- petition_reduction (信访件同比下降率) is the one rate that may be negative or pass 100%.
with t as (from typed_indicator_progress),
identity as (
  select file_id, source_row, 'indicator_code' as col, indicator_code as raw, 'required' as code, '指标代码或指标名称' as detail
  from t where nrp_blank(indicator_code) and nrp_blank(indicator_name)
  union all
  select file_id, source_row, 'indicator_code', indicator_code, 'unknown_indicator', null
  from t where not nrp_blank(indicator_code) and code_by_code is null
  union all
  select file_id, source_row, 'indicator_name', indicator_name, 'unknown_indicator', null
  from t where not nrp_blank(indicator_name) and code_by_name is null and (nrp_blank(indicator_code) or code_by_code is not null)
  union all
  select file_id, source_row, 'indicator_name', indicator_name, 'indicator_mismatch', code_by_code
  from t where code_by_code is not null and code_by_name is not null and code_by_code <> code_by_name
),
figures as (
  select file_id, source_row, 'cumulative_value' as col, cumulative_value as raw, 'required' as code, null as detail
  from t where v_kind in ('cumulative', 'level') and nrp_blank(cumulative_value)
  union all
  select file_id, source_row, 'numerator', numerator, 'required', null from t where v_kind = 'rate' and nrp_blank(numerator)
  union all
  select file_id, source_row, 'denominator', denominator, 'required', null from t where v_kind = 'rate' and nrp_blank(denominator)
  union all
  select file_id, source_row, 'cumulative_value', cumulative_value, 'not_a_number', v_unit
  from t where not nrp_blank(cumulative_value) and v_cumulative_value is null and v_indicator_code is not null
  union all
  select file_id, source_row, 'numerator', numerator, 'not_a_number', null from t where not nrp_blank(numerator) and v_numerator is null
  union all
  select file_id, source_row, 'denominator', denominator, 'not_a_number', null from t where not nrp_blank(denominator) and v_denominator is null
  union all
  select file_id, source_row, 'cumulative_value', cumulative_value, 'negative', null
  from t where v_cumulative_value < 0 and v_indicator_code <> 'petition_reduction'
  union all
  select file_id, source_row, 'numerator', numerator, 'negative', null
  from t where v_numerator < 0 and v_indicator_code <> 'petition_reduction'
  union all
  select file_id, source_row, 'denominator', denominator, 'denominator_not_positive', null from t where v_denominator <= 0
  union all
  select file_id, source_row, 'numerator', numerator, 'numerator_exceeds_denominator', denominator
  from t where v_numerator > v_denominator and v_denominator > 0 and v_indicator_code <> 'petition_reduction'
),
duplicates as (
  select file_id, unnest(rows[2:]) as source_row, 'indicator_code' as col, v_indicator_code as raw, 'duplicate_indicator' as code,
         cast(rows[1] as varchar) as detail
  from (select file_id, v_indicator_code, list(source_row order by source_row) as rows from t
        where v_indicator_code is not null group by file_id, v_indicator_code having count(*) > 1)
)
select * from identity
union all select * from figures
union all select * from duplicates

-- Warnings for the accepted 指标进度 tables of the files in warn_files: (file_id, source_row, col,
-- raw, code, detail).
--   rate_mismatch: a rate's 累计完成 differs from 100 × 分子/分母 by more than 0.1;
--   declared_vs_computed: a land_supply/patches indicator declared more than 1% away from what
--     the detail rows compute (computed_details, by file);
--   ytd_decrease: a cumulative value below the same unit's previous period (prev_progress, by file).
with t as (
  from typed_indicator_progress
  where v_indicator_code is not null and file_id in (select file_id from warn_files)
),
declared as (
  select *, case when v_kind = 'rate' and v_cumulative_value is null and v_denominator > 0
                 then 100 * v_numerator / v_denominator else v_cumulative_value end as declared_value
  from t
),
rate_mismatch as (
  select file_id, source_row, 'cumulative_value' as col, cumulative_value as raw, 'rate_mismatch' as code,
         '100×分子/分母 = ' || round(100 * v_numerator / v_denominator, 4) as detail
  from t
  where v_kind = 'rate' and v_cumulative_value is not null and v_denominator > 0
    and abs(v_cumulative_value - 100 * v_numerator / v_denominator) > 0.1 + 1e-9
),
declared_vs_computed as (
  select d.file_id, d.source_row,
         case when d.v_cumulative_value is null then 'numerator' else 'cumulative_value' end as col,
         coalesce(d.cumulative_value, d.numerator) as raw,
         'declared_vs_computed' as code,
         'declared ' || round(d.declared_value, 4) || ', computed ' || round(c.computed, 4) as detail
  from declared as d
  join computed_details as c on c.file_id = d.file_id and c.indicator_code = d.v_indicator_code
  where d.declared_value is not null and c.computed is not null
    and abs(d.declared_value - c.computed) > 0.01 * abs(c.computed) + 1e-9
),
ytd_decrease as (
  select t.file_id, t.source_row, 'cumulative_value' as col, t.cumulative_value as raw, 'ytd_decrease' as code,
         p.period || ': ' || p.cumulative_value as detail
  from t
  join prev_progress as p on p.file_id = t.file_id and p.indicator_code = t.v_indicator_code
  where t.v_kind = 'cumulative' and t.v_cumulative_value < p.cumulative_value - 1e-9
)
select * from rate_mismatch
union all select * from declared_vs_computed
union all select * from ytd_decrease

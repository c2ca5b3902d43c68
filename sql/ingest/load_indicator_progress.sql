-- Accepted 指标进度 rows into the raw table, under registry row {{submission_id}}.
insert into raw_indicator_progress
select {{submission_id}}, source_row, v_indicator_code, v_cumulative_value, v_numerator, v_denominator, v_remark
from typed_indicator_progress
order by source_row;

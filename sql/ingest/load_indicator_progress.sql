-- Accepted 指标进度 rows into the raw table: {{rows}} (typed rows with the submission_id of each file's
-- registry row).
insert into raw_indicator_progress
select t.submission_id, t.source_row, t.v_indicator_code, t.v_cumulative_value, t.v_numerator, t.v_denominator, t.v_remark
from {{rows}} as t
order by t.submission_id, t.source_row;

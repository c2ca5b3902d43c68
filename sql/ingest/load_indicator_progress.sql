-- Accepted 指标进度 rows into the raw table: {{typed}} (typed rows with file_id) under each file's
-- registry row ({{map}}: file_id → submission_id).
insert into raw_indicator_progress
select m.submission_id, t.source_row, t.v_indicator_code, t.v_cumulative_value, t.v_numerator, t.v_denominator, t.v_remark
from {{typed}} as t
join {{map}} as m on m.file_id = t.file_id
order by m.submission_id, t.source_row;

-- Accepted 重点工作进展 rows into the raw table: {{typed}} (typed rows with file_id) under each
-- file's registry row ({{map}}: file_id → submission_id). 形象进度 is kept as reported (an 已完成
-- with another figure than 100 was warned about, W-K3; the models take it as 100).
insert into raw_key_task_progress
select m.submission_id, t.source_row, t.v_task_code, t.v_milestone_no, t.v_milestone, t.v_progress_status, t.v_completed_on,
       t.v_progress_pct, t.v_report_text, t.v_problems, t.v_next_steps
from {{typed}} as t
join {{map}} as m on m.file_id = t.file_id
order by m.submission_id, t.source_row;

-- Accepted 重点工作进展 rows into the raw table: {{rows}} (typed rows with the submission_id of
-- each file's registry row). 形象进度 is kept as reported (an 已完成
-- with another figure than 100 was warned about, W-K3; the models take it as 100).
insert into raw_key_task_progress
select t.submission_id, t.source_row, t.v_task_code, t.v_milestone_no, t.v_milestone, t.v_progress_status, t.v_completed_on,
       t.v_progress_pct, t.v_report_text, t.v_problems, t.v_next_steps
from {{rows}} as t
order by t.submission_id, t.source_row;

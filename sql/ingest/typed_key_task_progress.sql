-- 重点工作进展 rows landed as text ({{landed}}: every division file checked, with file_id),
-- normalised (key-tasks.md, "Progress submissions"), and matched with the catalogue of the
-- file's year (kt_catalogue: the model int_key_task_milestones, the one home of a task's lead):
-- task_known (the 任务编号 is a task of the year), the task's lead, and the milestone's due date
-- (null where 任务编号 + 节点序号 is not a milestone of the catalogue).
-- A row whose report cells (进展状态, 完成日期, 形象进度, 进展情况, 存在问题, 下步举措) are all
-- blank reports nothing and is dropped: the template lists every milestone of the division, and
-- one left unfilled is "not reported" (W-K1), never an error.
create or replace temp table typed_key_task_progress as
with s as (
  select l.*, f.year, f.unit_code as division_code, f.period_end, f.year_start
  from {{landed}} as l
  join ingest_files as f on f.file_id = l.file_id
  where not (nrp_blank(progress_status) and nrp_blank(completed_on) and nrp_blank(progress_pct)
             and nrp_blank(report_text) and nrp_blank(problems) and nrp_blank(next_steps))
),
n as (
  select
    *,
    nrp_task_code(task_code)          as v_task_code,
    nrp_num(milestone_no, '')         as milestone_number,
    nrp_progress_status(progress_status) as v_progress_status,
    nrp_date(completed_on)            as v_completed_on,
    nrp_num(progress_pct, '%')        as v_progress_pct,
    nrp_text(milestone)               as v_milestone,
    nrp_text(report_text)             as v_report_text,
    nrp_text(problems)                as v_problems,
    nrp_text(next_steps)              as v_next_steps
  from s
),
numbered as (
  select
    *,
    case when milestone_number = floor(milestone_number) and milestone_number between 1 and 100000
         then cast(milestone_number as integer) end as v_milestone_no
  from n
),
tasks as (select distinct year, task_code, lead_code, lead from kt_catalogue)
select
  numbered.*,
  tasks.task_code is not null as task_known,
  tasks.lead_code,
  tasks.lead,
  milestones.due_date
from numbered
left join tasks on tasks.year = numbered.year and tasks.task_code = numbered.v_task_code
left join kt_catalogue as milestones
  on milestones.year = numbered.year and milestones.task_code = numbered.v_task_code and milestones.milestone_no = numbered.v_milestone_no;

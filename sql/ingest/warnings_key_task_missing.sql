-- W-K1 (key-tasks.md): for each division file in warn_files, the milestones of the tasks it leads
-- in the file's year (kt_catalogue) without a row in the file, except those whose latest report
-- in an earlier period of the year was 已完成 (kt_earlier: carried forward, no warning).
with files as (
  select f.file_id, f.unit_code, f.year from ingest_files as f where f.file_id in (select file_id from warn_files)
),
earlier as (
  select * from (
    select *, row_number() over (partition by file_id, task_code, milestone_no order by period desc, source_row) as recency
    from kt_earlier
  ) where recency = 1
)
select files.file_id, c.task_code, c.milestone_no, c.milestone
from files
join kt_catalogue as c on c.year = files.year and c.lead_code = files.unit_code
where not exists (
        select 1 from typed_key_task_progress as t
        where t.file_id = files.file_id and t.v_task_code = c.task_code and t.v_milestone_no = c.milestone_no)
  and not exists (
        select 1 from earlier as e
        where e.file_id = files.file_id and e.task_code = c.task_code and e.milestone_no = c.milestone_no and e.progress_status = '已完成')
order by files.file_id, c.section_order, c.task_no, c.milestone_no

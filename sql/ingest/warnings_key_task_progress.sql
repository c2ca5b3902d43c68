-- Warnings for the accepted 重点工作进展 tables of the files in warn_files (key-tasks.md):
--   W-K2: a milestone whose latest report in an earlier period of the year was 已完成 is now
--         reported otherwise (kt_earlier: each earlier period's latest snapshot of the division,
--         by file; the latest report wins, so only the latest earlier one is compared with);
--   W-K3: 已完成 with a 形象进度 other than empty or 100 (taken as 100);
--   W-K1: a milestone of the division's tasks without a row (not_reported: file_id, task_code,
--         milestone_no, milestone), unless its latest earlier report of the year was 已完成
--         (carried forward, no warning).
-- Cell warnings: (file_id, source_row, col, raw, code, detail).
with t as (from typed_key_task_progress where file_id in (select file_id from warn_files)),
earlier as (
  select * from (
    select *, row_number() over (partition by file_id, task_code, milestone_no order by period desc, source_row) as recency
    from kt_earlier
  ) where recency = 1
),
wk2 as (
  select t.file_id, t.source_row, 'progress_status' as col, t.progress_status as raw, 'W-K2' as code,
         e.period || '|' || t.v_progress_status as detail
  from t
  join earlier as e on e.file_id = t.file_id and e.task_code = t.v_task_code and e.milestone_no = t.v_milestone_no
  where e.progress_status = '已完成' and t.v_progress_status <> '已完成'
),
wk3 as (
  select file_id, source_row, 'progress_pct' as col, progress_pct as raw, 'W-K3' as code, null as detail
  from t where v_progress_status = '已完成' and v_progress_pct is not null and v_progress_pct <> 100
)
select * from wk2
union all select * from wk3

-- Key-task progress reports (docs/spec/key-tasks.md): each division's 重点工作进展 table, one row
-- per milestone reported, loaded by ingest like the units' tables. The registry `submissions`
-- holds the snapshot: unit_code is the division's code (divisions.code) and table_name
-- 重点工作进展. Values are normalised by ingest (canonical 进展状态, dates, numbers).

create table if not exists raw_key_task_progress (
  submission_id bigint  not null,
  source_row    integer not null,
  task_code     varchar not null,
  milestone_no  integer not null,
  milestone     varchar,
  progress_status varchar not null,
  completed_on  date,
  progress_pct  double,
  report_text   varchar,
  problems      varchar,
  next_steps    varchar
);
comment on table raw_key_task_progress is 'Raw 重点工作进展 rows as submitted by the divisions (normalised), every version';
comment on column raw_key_task_progress.submission_id is 'The snapshot this row belongs to (submissions.submission_id)';
comment on column raw_key_task_progress.source_row is 'Row number in the source sheet or CSV file (1-based, as Excel shows it)';
comment on column raw_key_task_progress.task_code is '任务编号 (key_tasks.code)';
comment on column raw_key_task_progress.milestone_no is '节点序号 (key_task_milestones.milestone_no)';
comment on column raw_key_task_progress.milestone is '节点名称 as typed (informative; not compared with the catalogue)';
comment on column raw_key_task_progress.progress_status is '进展状态: 已完成, 推进中 or 未启动 (aliases resolved)';
comment on column raw_key_task_progress.completed_on is '完成日期 (已完成 only)';
comment on column raw_key_task_progress.progress_pct is '形象进度（%）, 0–100; null where left empty';
comment on column raw_key_task_progress.report_text is '进展情况';
comment on column raw_key_task_progress.problems is '存在问题';
comment on column raw_key_task_progress.next_steps is '下步举措';

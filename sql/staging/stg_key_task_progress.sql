-- description: 重点工作进展 rows of the latest version of each division × period snapshot (docs/spec/key-tasks.md), as ingest normalised them; earlier versions are left out.
-- column submission_id: Registry key of the snapshot the row comes from
-- column division_code: The division that reported (divisions.code; the registry's unit_code)
-- column period: Reporting period of the snapshot, e.g. 2023Q2
-- column period_year: Year of the period
-- column period_quarter: Quarter of the period, 1–4
-- column version: Version of the snapshot (1 = first submission)
-- column source_row: Row number in the source sheet or CSV file
-- column task_code: 任务编号 (key_tasks.code)
-- column milestone_no: 节点序号 (key_task_milestones.milestone_no)
-- column milestone: 节点名称 as typed (informative; the catalogue's name is the one shown)
-- column progress_status: 进展状态: 已完成, 推进中 or 未启动
-- column completed_on: 完成日期 (已完成 only)
-- column progress_pct: 形象进度（%） as reported, 0–100; null where left empty
-- column report_text: 进展情况
-- column problems: 存在问题
-- column next_steps: 下步举措
-- materialized: view

-- The latest version comes from stg_submissions, which reads the registry view
-- submission_versions (is_latest): the one home of version selection.

with

latest as (
    select * from stg_submissions where table_name = '重点工作进展'
),

raw_rows as (
    select * from raw_key_task_progress
),

final as (
    select
        latest.submission_id,
        latest.unit_code        as division_code,
        latest.period,
        latest.period_year,
        latest.period_quarter,
        latest.version,
        raw_rows.source_row,
        raw_rows.task_code,
        raw_rows.milestone_no,
        raw_rows.milestone,
        raw_rows.progress_status,
        raw_rows.completed_on,
        raw_rows.progress_pct,
        raw_rows.report_text,
        raw_rows.problems,
        raw_rows.next_steps
    from raw_rows
    join latest on latest.submission_id = raw_rows.submission_id
)

select * from final

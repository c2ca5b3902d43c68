-- description: Every period × milestone of the period's year with the report its status is read from: the lead division's row in its latest snapshot for the period, else (carry-forward) its latest earlier report of the year when that was 已完成; no report otherwise.
-- column period: Period code
-- column period_year: Year of the period
-- column period_quarter: Quarter, 1–4
-- column period_start: First day of the period's year (S)
-- column period_end: Last day of the period (E)
-- column task_code: Task code
-- column milestone_no: Number of the milestone within its task
-- column due_date: Deadline of the milestone
-- column lead_code: Lead division's code
-- column lead_reported: The lead division sent a 重点工作进展 snapshot for the period
-- column reported_in_period: The report comes from the period's own snapshot (false: carried forward, or none)
-- column report_period: Period of the snapshot the report comes from; null where there is none
-- column submission_id: Registry key of that snapshot
-- column submission_version: Version of that snapshot
-- column progress_status: 进展状态 of the report: 已完成, 推进中 or 未启动; null where there is none
-- column completed_on: 完成日期 of the report
-- column reported_progress_pct: 形象进度 of the report as given (null where empty)
-- column report_text: 进展情况 of the report
-- column problems: 存在问题 of the report
-- column next_steps: 下步举措 of the report

-- key-tasks.md: "Take the division's latest snapshot for P"; a milestone without a row there
-- keeps a completion reported in an earlier period of the same year, with no warning. Only the
-- latest earlier report counts: a completion later reported otherwise is not carried (the latest
-- report wins; ingest warns W-K2). Earlier years are never carried into a new year's catalogue.
-- A row of the lead's snapshot is matched on task and milestone number; rows of other divisions
-- (refused by ingest, K2) are not read.

with

periods as (
    select * from int_periods
),

catalogue as (
    select * from int_key_task_milestones
),

reports as (
    select * from stg_key_task_progress
),

snapshots as (
    select unit_code as division_code, period from stg_submissions where table_name = '重点工作进展'
),

grid as (
    select
        periods.period,
        periods.period_year,
        periods.period_quarter,
        periods.period_start,
        periods.period_end,
        catalogue.task_code,
        catalogue.milestone_no,
        catalogue.due_date,
        catalogue.lead_code
    from periods
    join catalogue on catalogue.year = periods.period_year
),

-- The reports of the milestone up to the period, within the year, the latest first (a window in
-- a CTE and a filter after it rather than QUALIFY, which Spark and Trino do not have).
reports_so_far as (
    select
        grid.period,
        grid.task_code,
        grid.milestone_no,
        reports.period         as report_period,
        reports.submission_id,
        reports.version,
        reports.progress_status,
        reports.completed_on,
        reports.progress_pct,
        reports.report_text,
        reports.problems,
        reports.next_steps,
        row_number() over (
            partition by grid.period, grid.task_code, grid.milestone_no
            order by reports.period_quarter desc, reports.source_row
        ) as recency
    from grid
    join reports
      on reports.division_code = grid.lead_code
     and reports.task_code = grid.task_code
     and reports.milestone_no = grid.milestone_no
     and reports.period_year = grid.period_year
     and reports.period_quarter <= grid.period_quarter
),

latest_report as (
    select * from reports_so_far where recency = 1
),

-- Its own period's report, or an earlier completion; anything else leaves no report.
used as (
    select *
    from latest_report
    where report_period = period or progress_status = '已完成'
),

final as (
    select
        grid.period,
        grid.period_year,
        grid.period_quarter,
        grid.period_start,
        grid.period_end,
        grid.task_code,
        grid.milestone_no,
        grid.due_date,
        grid.lead_code,
        snapshots.division_code is not null           as lead_reported,
        coalesce(used.report_period = grid.period, false) as reported_in_period,
        used.report_period,
        used.submission_id,
        used.version                                  as submission_version,
        used.progress_status,
        used.completed_on,
        used.progress_pct                             as reported_progress_pct,
        used.report_text,
        used.problems,
        used.next_steps
    from grid
    left join used
      on used.period = grid.period
     and used.task_code = grid.task_code
     and used.milestone_no = grid.milestone_no
    left join snapshots
      on snapshots.division_code = grid.lead_code
     and snapshots.period = grid.period
)

select * from final

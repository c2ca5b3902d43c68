-- description: The status of every milestone at every period (docs/spec/key-tasks.md, "Status of a milestone at period P"), with 序时进度 and progress; names, lights and roll-ups are added in the marts.
-- column period: Period code
-- column period_end: Last day of the period (E)
-- column task_code: Task code
-- column milestone_no: Number of the milestone within its task
-- column due_date: Deadline of the milestone
-- column schedule_pct: 序时进度: 100 where due ≤ E, else 100 × days(S → E) / days(S → due), both inclusive; unrounded
-- column status_code: done_on_time, done_late, overdue, lagging, on_track or not_reported
-- column progress_pct: 100 for 已完成, else 形象进度 (未启动 and not_reported: 0)
-- column completed_on: 完成日期 of the report the status comes from (已完成 only)
-- column lead_reported: The lead division sent a snapshot for the period
-- column reported_in_period: The report comes from the period's own snapshot
-- column report_period: Period of the snapshot the report comes from (an earlier one when a completion is carried forward)
-- column submission_version: Version of that snapshot
-- column report_text: 进展情况
-- column problems: 存在问题
-- column next_steps: 下步举措

-- The rule, in the spec's order. Band: 10 percentage points; like the indicators' bands, a value
-- on the edge in decimals lands on the better side (1e-9 allows for binary fractions), so
-- 形象进度 exactly at schedule_pct − 10 is on_track.
-- Decisions where the spec is silent:
-- - 已完成 is judged by its 完成日期 against the due date whatever the period: a completion
--   carried forward keeps done_on_time or done_late.
-- - A milestone due in a later year than the catalogue's (due > every E of the year) is never
--   overdue in this year; its schedule runs from S to that due date, so it is below 100 at Q4.
-- - 推进中 with an empty 形象进度 is refused by ingest (K5); 未启动 counts as 0.

with

reports as (
    select * from int_key_task_reports
),

scheduled as (
    select
        *,
        case
            when due_date <= period_end then 100.0
            else 100 * cast(date_diff('day', period_start, period_end) + 1 as double)
                     / cast(date_diff('day', period_start, due_date) + 1 as double)
        end as schedule_pct
    from reports
),

final as (
    select
        period,
        period_end,
        task_code,
        milestone_no,
        due_date,
        schedule_pct,
        case
            when progress_status is null then 'not_reported'
            when progress_status = '已完成' then
                case when completed_on <= due_date then 'done_on_time' else 'done_late' end
            when due_date <= period_end then 'overdue'
            when coalesce(reported_progress_pct, 0) >= schedule_pct - 10 - 1e-9 then 'on_track'
            else 'lagging'
        end as status_code,
        case
            when progress_status = '已完成' then 100.0
            else coalesce(reported_progress_pct, 0)
        end as progress_pct,
        case when progress_status = '已完成' then completed_on end as completed_on,
        lead_reported,
        reported_in_period,
        report_period,
        submission_version,
        report_text,
        problems,
        next_steps
    from scheduled
)

select * from final

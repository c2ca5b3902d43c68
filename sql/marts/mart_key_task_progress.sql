-- description: The key-task contract (key-tasks.md, "Marts"): one row per period × milestone of the period's year, with 序时进度, status, light, progress and the lead division's report. Values are unrounded.
-- column period: Period code, e.g. 2023Q2
-- column task_code: Task code, e.g. T1-1
-- column section: Section of 三、重点工作: 一 … 八
-- column section_title: Title of the section
-- column task_title: Title of the task
-- column milestone_no: Number of the milestone within its task (节点序号)
-- column milestone: What is to be done (节点名称, from the catalogue)
-- column lead: Lead division (牵头处室) as printed (divisions.name)
-- column due_date: Deadline (时间节点)
-- column due_basis: text (the plan states it) or sample (a deadline chosen as configuration)
-- column schedule_pct: 序时进度: 100 where due ≤ period end, else 100 × days(Y-01-01 → period end) / days(Y-01-01 → due), both inclusive; round to one decimal for display only
-- column status_code: done_on_time, done_late, overdue, lagging, on_track or not_reported
-- column status_name: 按期完成, 逾期完成, 逾期未完成, 滞后序时, 序时推进 or 未报送
-- column light: green (done_on_time, on_track), yellow (done_late, lagging), red (overdue), grey (not_reported)
-- column progress_pct: 100 for 已完成, else 形象进度 (未启动 and not_reported: 0)
-- column completed_on: 完成日期 (已完成 only; for a completion carried forward, the date reported then)
-- column report_text: 进展情况 of the report the status comes from
-- column problems: 存在问题 of that report
-- column next_steps: 下步举措 of that report
-- column submission_version: Version of the snapshot the report comes from (null where none)
-- column reported_in_period: True when the row came from the period's own snapshot (false: a completion carried forward from an earlier period, or not reported)
-- column section_order: Number of the section (一 = 1 …), for ordering
-- column task_no: Number of the task within its section, for ordering
-- column lead_code: Lead division's code (divisions.code)
-- column lead_order: Lead division's display order
-- column units_involved: Reporting units the task names (units.name): a one-unit bulletin lists the tasks that name the unit
-- column status_order: Order of the status in tables and charts (the spec's order, 1 = done_on_time)
-- column report_period: Period of the snapshot the report comes from (earlier than period for a completion carried forward); null where none
-- column lead_reported: The lead division sent a snapshot for the period (false: the whole division did not report)
-- column task_light: The task's light at the period: the worst of its milestones' (red > yellow > grey > green)
-- column task_progress_pct: The task's progress at the period: the mean of its milestones' progress_pct

-- The spec's columns first, in its order, then what the outputs need to order, filter and group
-- without recomputing anything (the contract test checks the spec's columns and their order).

with

status as (
    select * from int_key_task_status
),

catalogue as (
    select * from int_key_task_milestones
),

statuses as (
    select * from key_task_statuses
),

joined as (
    select
        status.*,
        catalogue.section,
        catalogue.section_order,
        catalogue.section_title,
        catalogue.task_no,
        catalogue.task_title,
        catalogue.units_involved,
        catalogue.milestone,
        catalogue.due_basis,
        catalogue.lead,
        catalogue.lead_code,
        catalogue.lead_order,
        statuses.status_name,
        statuses.light,
        statuses.light_severity,
        statuses.status_order
    from status
    join catalogue
      on catalogue.year = year(status.period_end)
     and catalogue.task_code = status.task_code
     and catalogue.milestone_no = status.milestone_no
    join statuses on statuses.status_code = status.status_code
),

-- A task's light and progress (key-tasks.md, roll-ups): over its milestones at the period. The
-- mean is taken in milestone order: a float sum depends on the order of its terms, and the order
-- rows arrive in changes with the plan and the threads (a build over the lake, a rebuild), so
-- without it the same reports could move the figure in its last bit.
task_rollups as (
    select
        period,
        task_code,
        max(light_severity)                          as task_severity,
        avg(progress_pct order by milestone_no)      as task_progress_pct
    from joined
    group by period, task_code
),

tasks as (
    select
        joined.*,
        task_rollups.task_severity,
        task_rollups.task_progress_pct
    from joined
    join task_rollups
      on task_rollups.period = joined.period
     and task_rollups.task_code = joined.task_code
),

final as (
    select
        tasks.period,
        tasks.task_code,
        tasks.section,
        tasks.section_title,
        tasks.task_title,
        cast(tasks.milestone_no as integer)       as milestone_no,
        tasks.milestone,
        tasks.lead,
        tasks.due_date,
        tasks.due_basis,
        cast(tasks.schedule_pct as double)        as schedule_pct,
        tasks.status_code,
        tasks.status_name,
        tasks.light,
        cast(tasks.progress_pct as double)        as progress_pct,
        tasks.completed_on,
        tasks.report_text,
        tasks.problems,
        tasks.next_steps,
        cast(tasks.submission_version as integer) as submission_version,
        tasks.reported_in_period,
        tasks.section_order,
        cast(tasks.task_no as integer)            as task_no,
        tasks.lead_code,
        tasks.lead_order,
        tasks.units_involved,
        tasks.status_order,
        tasks.report_period,
        tasks.lead_reported,
        task_light.light                          as task_light,
        cast(tasks.task_progress_pct as double)   as task_progress_pct
    from tasks
    join (select distinct light, light_severity from statuses) as task_light
      on task_light.light_severity = tasks.task_severity
    order by tasks.period, tasks.section_order, tasks.task_no, tasks.milestone_no
)

select * from final

-- Every rule of key-tasks.md for 重点工作进展 (K1–K7; K8 is the cover sheet's, said by identify),
-- for every file checked: (file_id, source_row, col, raw, code, detail). The code is the spec's
-- number; detail says which of its rules, `rule|value…`, for the message.
with t as (from typed_key_task_progress),
k1 as (
  select file_id, source_row, case when nrp_blank(task_code) then 'task_code' else 'milestone_no' end as col,
         case when nrp_blank(task_code) then task_code else milestone_no end as raw, 'K1' as code, 'required' as detail
  from t where nrp_blank(task_code) or nrp_blank(milestone_no)
  union all
  select file_id, source_row, 'task_code', task_code, 'K1', 'task|' || year
  from t where not nrp_blank(task_code) and not task_known
  union all
  select file_id, source_row, 'milestone_no', milestone_no, 'K1', 'milestone|' || year || '|' || v_task_code
  from t where task_known and not nrp_blank(milestone_no) and due_date is null
),
k2 as (
  select file_id, source_row, 'task_code' as col, task_code as raw, 'K2' as code, lead as detail
  from t where task_known and division_code is not null and lead_code <> division_code
),
k3 as (
  select file_id, source_row, 'progress_status' as col, progress_status as raw, 'K3' as code,
         case when nrp_blank(progress_status) then 'blank' else 'unknown' end as detail
  from t where v_progress_status is null
),
k4 as (
  select file_id, source_row, 'completed_on' as col, completed_on as raw, 'K4' as code, 'missing' as detail
  from t where v_progress_status = '已完成' and nrp_blank(completed_on)
  union all
  select file_id, source_row, 'completed_on', completed_on, 'K4', 'not_done|' || v_progress_status
  from t where v_progress_status in ('推进中', '未启动') and not nrp_blank(completed_on)
  union all
  select file_id, source_row, 'completed_on', completed_on, 'K4', 'not_a_date'
  from t where not nrp_blank(completed_on) and v_completed_on is null and v_progress_status is distinct from '推进中' and v_progress_status is distinct from '未启动'
  union all
  select file_id, source_row, 'completed_on', completed_on, 'K4', 'after|' || strftime(period_end, '%Y-%m-%d')
  from t where v_completed_on > period_end and v_progress_status is distinct from '推进中' and v_progress_status is distinct from '未启动'
  union all
  select file_id, source_row, 'completed_on', completed_on, 'K4', 'before|' || strftime(year_start, '%Y-%m-%d')
  from t where v_completed_on < year_start and v_progress_status is distinct from '推进中' and v_progress_status is distinct from '未启动'
),
k5 as (
  select file_id, source_row, 'progress_pct' as col, progress_pct as raw, 'K5' as code, 'range' as detail
  from t where not nrp_blank(progress_pct) and (v_progress_pct is null or v_progress_pct < 0 or v_progress_pct > 100)
  union all
  select file_id, source_row, 'progress_pct', progress_pct, 'K5', 'in_progress'
  from t where v_progress_status = '推进中' and (nrp_blank(progress_pct) or v_progress_pct = 0 or v_progress_pct = 100)
  union all
  select file_id, source_row, 'progress_pct', progress_pct, 'K5', 'not_started'
  from t where v_progress_status = '未启动' and v_progress_pct > 0 and v_progress_pct <= 100
),
k6 as (
  select file_id, unnest(rows[2:]) as source_row, 'task_code' as col, v_task_code as raw, 'K6' as code, cast(rows[1] as varchar) as detail
  from (select file_id, v_task_code, v_milestone_no, list(source_row order by source_row) as rows from t
        where v_task_code <> '' and v_milestone_no is not null group by all having count(*) > 1)
),
k7 as (
  select file_id, source_row, col, raw, 'K7' as code, cast(length(v) as varchar) as detail
  from (
    select file_id, source_row, unnest(['report_text', 'problems', 'next_steps']) as col,
           unnest([report_text, problems, next_steps]) as raw, unnest([v_report_text, v_problems, v_next_steps]) as v
    from t where length(v_report_text) > 500 or length(v_problems) > 500 or length(v_next_steps) > 500
  )
  where length(v) > 500
)
select * from k1
union all select * from k2
union all select * from k3
union all select * from k4
union all select * from k5
union all select * from k6
union all select * from k7

-- description: mart_key_task_progress has one row per period × task × milestone
select period, task_code, milestone_no, count(*) as rows
from mart_key_task_progress
group by period, task_code, milestone_no
having count(*) > 1

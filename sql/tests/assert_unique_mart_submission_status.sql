-- description: mart_submission_status has one row per period × unit × table
select period, unit_code, table_name, count(*) as rows
from mart_submission_status
group by period, unit_code, table_name
having count(*) > 1

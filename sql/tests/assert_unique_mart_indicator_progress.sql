-- description: mart_indicator_progress has one row per period × unit × indicator
select period, unit_code, indicator_code, count(*) as rows
from mart_indicator_progress
group by period, unit_code, indicator_code
having count(*) > 1

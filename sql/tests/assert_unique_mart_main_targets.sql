-- description: mart_main_targets has one row per period × unit × main target, and its counts add up
select period, unit_code, main_target, count(*) as rows
from mart_main_targets
group by period, unit_code, main_target
having count(*) > 1 or max(indicators) <> max(green + yellow + red + unrated)

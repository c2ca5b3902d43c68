-- description: mart_unit_scorecard has one row per period × unit, and its counts add up to the indicators
select period, unit_code, count(*) as rows, max(indicators) as indicators,
       max(green + yellow + red + missing + no_data + no_target) as counted
from mart_unit_scorecard
group by period, unit_code
having count(*) > 1 or max(indicators) <> max(green + yellow + red + missing + no_data + no_target)

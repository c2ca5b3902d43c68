-- description: status is one of green, yellow, red, missing, no_data, no_target; kind and direction are known
select period, unit_code, indicator_code, status, kind, direction
from mart_indicator_progress
where status is null
   or status not in ('green', 'yellow', 'red', 'missing', 'no_data', 'no_target')
   or kind not in ('cumulative', 'rate', 'level')
   or direction not in ('min', 'max')

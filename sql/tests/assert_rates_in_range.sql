-- description: rates lie in 0–100 (except petition_reduction, which can fall below 0), and their numerator and denominator are present
select period, unit_code, indicator_code, actual, numerator, denominator
from mart_indicator_progress
where kind = 'rate'
  and actual is not null
  and (numerator is null or denominator is null or denominator <= 0
       or (indicator_code <> 'petition_reduction' and (actual < -1e-9 or actual > 100 + 1e-9)))

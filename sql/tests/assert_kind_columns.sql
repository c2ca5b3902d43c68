-- description: numerator and denominator only for rates; completion, expected and gap only for cumulative indicators; incomplete and missing_units only for aggregates
select m.period, m.unit_code, m.indicator_code, m.kind
from mart_indicator_progress m
join units u on u.code = m.unit_code
where (m.kind <> 'rate' and (m.numerator is not null or m.denominator is not null))
   or (m.kind <> 'cumulative' and (m.completion_pct is not null or m.expected_pct is not null or m.gap_pp is not null))
   or (m.kind = 'cumulative' and m.expected_pct is null)
   or (u.kind <> 'aggregate' and (m.incomplete is not null or m.missing_units is not null))
   or (u.kind = 'aggregate' and m.incomplete is null)
   or (m.status = 'missing' and (m.actual is not null or m.numerator is not null))

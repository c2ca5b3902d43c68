-- description: aggregates equal their reporting members: sums for cumulative and level, pooled numerator and denominator for rates
with members as (
    select units.code as aggregate_code, member_list.member_code
    from units cross join unnest(units.members) as member_list(member_code)
    where units.kind = 'aggregate'
),
member_totals as (
    select
        members.aggregate_code, m.period, m.indicator_code,
        sum(m.actual) filter (where m.status <> 'missing')      as sum_actual,
        sum(m.numerator) filter (where m.status <> 'missing')   as sum_numerator,
        sum(m.denominator) filter (where m.status <> 'missing') as sum_denominator
    from members
    join mart_indicator_progress m on m.unit_code = members.member_code
    group by members.aggregate_code, m.period, m.indicator_code
),
compared as (
    select a.period, a.unit_code, a.indicator_code, a.kind, a.actual, a.numerator, a.denominator,
           t.sum_actual, t.sum_numerator, t.sum_denominator
    from mart_indicator_progress a
    join member_totals t
      on t.aggregate_code = a.unit_code and t.period = a.period and t.indicator_code = a.indicator_code
)
select * from compared
where (kind in ('cumulative', 'level')
       and ((actual is null) <> (sum_actual is null)
            or abs(actual - sum_actual) > 1e-6 * greatest(1, abs(sum_actual))))
   or (kind = 'rate'
       and (abs(coalesce(numerator, 0) - coalesce(sum_numerator, 0)) > 1e-6 * greatest(1, abs(coalesce(sum_numerator, 0)))
            or abs(coalesce(denominator, 0) - coalesce(sum_denominator, 0)) > 1e-6 * greatest(1, abs(coalesce(sum_denominator, 0)))
            or (numerator is null) <> (sum_numerator is null)
            or (denominator is null) <> (sum_denominator is null)
            -- pooled, not the mean of the members' rates: actual × Σ denominator = 100 × Σ numerator
            or abs(coalesce(actual * sum_denominator, 0) - coalesce(100 * sum_numerator, 0)) > 1e-6 * greatest(1, abs(coalesce(100 * sum_numerator, 0)))
            or (actual is null) <> (sum_denominator is null or sum_denominator = 0)))

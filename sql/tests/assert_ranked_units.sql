-- description: ranked_units is the number of units with a rank on the period × indicator, on every row of it, and null where no unit has one (counted here, not by the mart's window)
with counted as (
    select
        r.period, r.indicator_code, r.unit_code, r.ranked_units,
        (select count(*) from mart_indicator_progress o
          where o.period = r.period and o.indicator_code = r.indicator_code and o.rank is not null) as ranked
    from mart_indicator_progress r
)
select * from counted
where ranked_units is distinct from nullif(ranked, 0)

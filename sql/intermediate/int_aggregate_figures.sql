-- description: 全市, 市本级 and any other aggregate per period × indicator, over the member units that submitted for the period: sums for cumulative and level, pooled Σ numerator / Σ denominator for rates.
-- column unit_code: Aggregate code (units of kind aggregate; members from the units seed)
-- column period: Period code
-- column period_year: Year of the period
-- column period_quarter: Quarter, 1–4
-- column period_end: Last day of the period
-- column indicator_code: Catalogue code
-- column reporting_members: Members that submitted for the period
-- column member_count: Members in the aggregate
-- column actual: Sum of the members' values (cumulative, level) or 100 × Σ numerator / Σ denominator (rate); null where no member has a value
-- column numerator: Rates: Σ of the members' numerators
-- column denominator: Rates: Σ of the members' denominators
-- column incomplete: A member did not submit for the period (it is left out, never counted as zero)
-- column missing_units: Names of the members that did not submit, 、-separated, in display order

with

aggregates as (
    select units.code as aggregate_code, member_list.member_code
    from units
    cross join unnest(units.members) as member_list(member_code)
    where units.kind = 'aggregate'
),

member_units as (
    select code, name, display_order from units
),

unit_figures as (
    select * from int_unit_figures
),

catalogue as (
    select * from indicators
),

member_figures as (
    select
        aggregates.aggregate_code,
        member_units.name          as member_name,
        member_units.display_order as member_order,
        unit_figures.*
    from aggregates
    join member_units on member_units.code = aggregates.member_code
    join unit_figures on unit_figures.unit_code = aggregates.member_code
),

-- Members that did not submit have no figures: the sums below leave them out by construction.
-- Summed in display order of the members: a float sum depends on the order of its terms (even
-- fsum's Kahan summation, in the last bit), and the order rows arrive in changes with the plan and
-- the threads, so without it a rebuild could move a figure by 1e-12.
pooled as (
    select
        member_figures.aggregate_code,
        member_figures.period,
        member_figures.period_year,
        member_figures.period_quarter,
        member_figures.period_end,
        member_figures.indicator_code,
        cast(count(*) filter (where member_figures.submitted) as integer) as reporting_members,
        cast(count(*) as integer)                                         as member_count,
        fsum(member_figures.actual order by member_figures.member_order) filter (where member_figures.submitted)      as sum_actual,
        fsum(member_figures.numerator order by member_figures.member_order) filter (where member_figures.submitted)   as sum_numerator,
        fsum(member_figures.denominator order by member_figures.member_order) filter (where member_figures.submitted) as sum_denominator,
        bool_or(not member_figures.submitted)                             as incomplete,
        string_agg(member_figures.member_name, '、' order by member_figures.member_order)
            filter (where not member_figures.submitted)                   as missing_units
    from member_figures
    group by
        member_figures.aggregate_code,
        member_figures.period,
        member_figures.period_year,
        member_figures.period_quarter,
        member_figures.period_end,
        member_figures.indicator_code
),

final as (
    select
        pooled.aggregate_code as unit_code,
        pooled.period,
        pooled.period_year,
        pooled.period_quarter,
        pooled.period_end,
        pooled.indicator_code,
        pooled.reporting_members,
        pooled.member_count,
        case
            when catalogue.kind = 'rate' then kpi_rate(pooled.sum_numerator, pooled.sum_denominator)
            else pooled.sum_actual
        end                                                             as actual,
        case when catalogue.kind = 'rate' then pooled.sum_numerator end   as numerator,
        case when catalogue.kind = 'rate' then pooled.sum_denominator end as denominator,
        pooled.incomplete,
        pooled.missing_units
    from pooled
    join catalogue
        on catalogue.year = pooled.period_year
       and catalogue.code = pooled.indicator_code
)

select * from final

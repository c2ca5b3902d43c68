-- description: Every reporting unit × period × indicator of the period's plan year, with whether the unit submitted and the figure from the table that is the indicator's source.
-- column unit_code: Reporting unit code
-- column period: Period code
-- column period_year: Year of the period
-- column period_quarter: Quarter, 1–4
-- column period_end: Last day of the period
-- column indicator_code: Catalogue code
-- column submitted: The unit sent at least one table for the period (false: missing)
-- column source_sent: The unit sent the table this indicator comes from
-- column actual: Value; null where it cannot be computed (table not sent, row absent, zero denominator)
-- column numerator: Rates: numerator
-- column denominator: Rates: denominator

with

unit_periods as (
    select * from int_unit_submissions
),

catalogue as (
    select * from indicators
),

figures as (
    select * from int_summary_figures
    union all
    select * from int_land_supply_figures
    union all
    select * from int_patch_figures
),

grid as (
    select
        unit_periods.*,
        catalogue.code as indicator_code,
        case catalogue.source
            when 'summary'     then unit_periods.sent_summary
            when 'land_supply' then unit_periods.sent_land_supply
            when 'patches'     then unit_periods.sent_patches
            else false
        end as source_sent
    from unit_periods
    join catalogue on catalogue.year = unit_periods.period_year
),

final as (
    select
        grid.unit_code,
        grid.period,
        grid.period_year,
        grid.period_quarter,
        grid.period_end,
        grid.indicator_code,
        grid.submitted,
        grid.source_sent,
        figures.actual,
        figures.numerator,
        figures.denominator
    from grid
    left join figures
        on figures.unit_code = grid.unit_code
       and figures.period = grid.period
       and figures.indicator_code = grid.indicator_code
)

select * from final

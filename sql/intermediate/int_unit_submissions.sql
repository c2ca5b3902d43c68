-- description: Every reporting unit × period: whether the unit submitted anything for the period, and which of the three tables it sent.
-- column unit_code: Reporting unit code (units of kind county or zone)
-- column period: Period code
-- column period_year: Year of the period
-- column period_quarter: Quarter, 1–4
-- column period_start: First day of the period's year
-- column period_end: Last day of the period
-- column submitted: The unit sent at least one table for the period; false means `missing`
-- column sent_summary: The unit sent 指标进度 for the period
-- column sent_land_supply: The unit sent 供地台账 for the period
-- column sent_patches: The unit sent 卫片图斑 for the period

with

reporting_units as (
    select code as unit_code from units where kind in ('county', 'zone')
),

periods as (
    select * from int_periods
),

snapshots as (
    select * from stg_submissions
),

sent as (
    select
        unit_code,
        period,
        bool_or(source = 'summary')     as sent_summary,
        bool_or(source = 'land_supply') as sent_land_supply,
        bool_or(source = 'patches')     as sent_patches
    from snapshots
    group by unit_code, period
),

final as (
    select
        reporting_units.unit_code,
        periods.period,
        periods.period_year,
        periods.period_quarter,
        periods.period_start,
        periods.period_end,
        sent.unit_code is not null              as submitted,
        coalesce(sent.sent_summary, false)      as sent_summary,
        coalesce(sent.sent_land_supply, false)  as sent_land_supply,
        coalesce(sent.sent_patches, false)      as sent_patches
    from reporting_units
    cross join periods
    left join sent
        on sent.unit_code = reporting_units.unit_code
       and sent.period = periods.period
)

select * from final

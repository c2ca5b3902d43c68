-- description: Scorecard per unit (and aggregate) and period: how many indicators are green, yellow, red, missing, without data or without a target.
-- column period: Period code
-- column unit_code: Unit or aggregate code
-- column unit_name: Unit name
-- column unit_kind: county, zone or aggregate
-- column unit_short_name: Short unit name for narrow columns
-- column is_city: The unit is the city aggregate (全市)
-- column display_order: Order of the unit in tables and charts
-- column indicators: Indicators in the period's catalogue
-- column green: Indicators on or ahead of target / time progress
-- column yellow: Indicators behind, within the yellow band
-- column red: Indicators behind by more than the yellow band
-- column missing: Indicators without a value because the unit did not submit for the period
-- column no_data: Indicators whose value cannot be computed (table not sent, zero denominator)
-- column no_target: Indicators with a value but no target
-- column rated: Indicators with a colour (green + yellow + red)
-- column green_share_pct: 100 × green / rated; null where nothing is rated
-- column submitted: The unit sent at least one table for the period (aggregates: at least one member did); false exactly when every indicator is missing

with

progress as (
    select * from mart_indicator_progress
),

unit_info as (
    select code, kind, short_name, display_order, coalesce(is_city, false) as is_city from units
),

counts as (
    select
        period,
        unit_code,
        unit_name,
        cast(count(*) as integer)                                    as indicators,
        cast(count(*) filter (where status = 'green') as integer)    as green,
        cast(count(*) filter (where status = 'yellow') as integer)   as yellow,
        cast(count(*) filter (where status = 'red') as integer)      as red,
        cast(count(*) filter (where status = 'missing') as integer)  as missing,
        cast(count(*) filter (where status = 'no_data') as integer)  as no_data,
        cast(count(*) filter (where status = 'no_target') as integer) as no_target
    from progress
    group by period, unit_code, unit_name
),

final as (
    select
        counts.period,
        counts.unit_code,
        counts.unit_name,
        unit_info.kind           as unit_kind,
        coalesce(unit_info.short_name, counts.unit_name) as unit_short_name,
        unit_info.is_city,
        unit_info.display_order,
        counts.indicators,
        counts.green,
        counts.yellow,
        counts.red,
        counts.missing,
        counts.no_data,
        counts.no_target,
        counts.green + counts.yellow + counts.red as rated,
        100.0 * counts.green / nullif(counts.green + counts.yellow + counts.red, 0) as green_share_pct,
        counts.missing < counts.indicators as submitted
    from counts
    join unit_info on unit_info.code = counts.unit_code
    order by counts.period, unit_info.display_order
)

select * from final

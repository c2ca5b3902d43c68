-- description: The work plan's main targets (主要目标, numbered in the catalogue) per period and unit: how many of each main target's indicators are green, yellow or red, and the worst colour among them.
-- column period: Period code
-- column unit_code: Unit or aggregate code
-- column unit_name: Unit name
-- column display_order: Order of the unit in tables and charts
-- column main_target: Number of the main target (indicators.main_target)
-- column indicator_codes: Catalogue codes of the main target's indicators, in catalogue order, comma-separated
-- column indicators: Indicators in the main target
-- column green: Of those, green
-- column yellow: Of those, yellow
-- column red: Of those, red
-- column unrated: Of those, missing, no_data or no_target
-- column worst_status: red if any is red, else yellow if any is yellow, else green if any is green, else null

with

progress as (
    select * from mart_indicator_progress
),

catalogue as (
    select year, code, main_target, rowid as catalogue_order from indicators where main_target is not null
),

unit_info as (
    select code, display_order from units
),

joined as (
    select progress.*, catalogue.main_target, catalogue.catalogue_order
    from progress
    join catalogue
        on catalogue.year = year(progress.period_end)
       and catalogue.code = progress.indicator_code
),

final as (
    select
        joined.period,
        joined.unit_code,
        joined.unit_name,
        unit_info.display_order,
        joined.main_target,
        string_agg(joined.indicator_code, ',' order by joined.catalogue_order)     as indicator_codes,
        cast(count(*) as integer)                                                  as indicators,
        cast(count(*) filter (where joined.status = 'green') as integer)           as green,
        cast(count(*) filter (where joined.status = 'yellow') as integer)          as yellow,
        cast(count(*) filter (where joined.status = 'red') as integer)             as red,
        cast(count(*) filter (where joined.status not in ('green', 'yellow', 'red')) as integer) as unrated,
        case
            when bool_or(joined.status = 'red') then 'red'
            when bool_or(joined.status = 'yellow') then 'yellow'
            when bool_or(joined.status = 'green') then 'green'
        end                                                                        as worst_status
    from joined
    join unit_info on unit_info.code = joined.unit_code
    group by joined.period, joined.unit_code, joined.unit_name, unit_info.display_order, joined.main_target
    order by joined.period, unit_info.display_order, joined.main_target
)

select * from final

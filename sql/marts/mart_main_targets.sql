-- description: The work plan's main targets (主要目标, numbered in the catalogue) per period and unit: how many of each main target's indicators are green, yellow or red, and the worst colour among them.
-- column period: Period code
-- column unit_code: Unit or aggregate code
-- column unit_name: Unit name
-- column display_order: Order of the unit in tables and charts
-- column main_target: Number of the main target (indicators.main_target)
-- column main_target_title: Heading of the main target in the plan year's words (main_targets seed; where the seed has none, the name of its first indicator)
-- column indicator_codes: Catalogue codes of the main target's indicators, in catalogue order, comma-separated
-- column indicators: Indicators in the main target
-- column green: Of those, green
-- column yellow: Of those, yellow
-- column red: Of those, red
-- column unrated: Of those, missing, no_data or no_target
-- column worst_status: red if any is red, else yellow if any is yellow, else green if any is green, else null

with

-- Every layout column (main target, its heading, catalogue and unit order) comes with the rows.
progress as (
    select * from mart_indicator_progress where main_target is not null
),

final as (
    select
        period,
        unit_code,
        unit_name,
        unit_order                                                          as display_order,
        main_target,
        main_target_title,
        string_agg(indicator_code, ',' order by indicator_order)            as indicator_codes,
        cast(count(*) as integer)                                           as indicators,
        cast(count(*) filter (where status = 'green') as integer)           as green,
        cast(count(*) filter (where status = 'yellow') as integer)          as yellow,
        cast(count(*) filter (where status = 'red') as integer)             as red,
        cast(count(*) filter (where status not in ('green', 'yellow', 'red')) as integer) as unrated,
        case
            when bool_or(status = 'red') then 'red'
            when bool_or(status = 'yellow') then 'yellow'
            when bool_or(status = 'green') then 'green'
        end                                                                 as worst_status
    from progress
    group by period, unit_code, unit_name, unit_order, main_target, main_target_title
    order by period, unit_order, main_target
)

select * from final

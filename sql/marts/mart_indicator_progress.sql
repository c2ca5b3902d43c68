-- description: The KPI contract (kpis.md): one row per period × unit (the reporting units and the aggregates) × indicator, with value, target, time progress, status and rank. Values are unrounded.
-- column period: Period code, e.g. 2023Q2
-- column period_end: Last day of the period
-- column unit_code: Unit code: 330481, …, or an aggregate (330400 全市, SBJ 市本级)
-- column unit_name: Unit name as printed in bulletins
-- column indicator_code: Catalogue code
-- column indicator_name: Indicator name as in the work plan
-- column kind: cumulative, rate or level
-- column direction: min (higher is better) or max (lower is better)
-- column unit_of_measure: 亩, %, 亿元, 个, …
-- column actual: Value; in percent for rates; null where missing or not computable
-- column numerator: Rates only: numerator (pooled sum for aggregates)
-- column denominator: Rates only: denominator (pooled sum for aggregates)
-- column target: Annual target (cumulative, level) or threshold (rate); null where none
-- column completion_pct: Cumulative only: 100 × actual / target
-- column expected_pct: Cumulative only: expected completion at the period end (序时进度), percent
-- column gap_pp: Cumulative only: completion_pct − expected_pct, 百分点
-- column status: green, yellow, red, missing (did not submit), no_data (value not computable), no_target
-- column rank: Reporting units with a target and a value only: 1 = best; ties share a rank and the next rank skips (1, 2, 2, 4)
-- column prev_actual: The same unit's value for the previous quarter of the same year, if any
-- column incomplete: Aggregates: true where a member did not submit for the period; null for units
-- column missing_units: Aggregates: names of the members that did not submit, 、-separated; null for units
-- column unit_kind: county or zone (the reporting units) or aggregate (全市, 市本级)
-- column unit_short_name: Short unit name for narrow columns (南湖, 经开区); aggregates keep their names
-- column unit_order: Order of the unit in tables and charts (units.display_order)
-- column is_city: The unit is the city aggregate (全市, units.is_city): the subject of the city bulletin
-- column main_target: Number of the work plan's main target (主要目标) the indicator belongs to; null for other indicators
-- column main_target_title: Heading of that main target in the plan year's words (main_targets seed; where the seed has none, the name of its first indicator)
-- column indicator_order: Order of the indicator in its year's catalogue (indicators.display_order)
-- column unit_chart: The chart that compares the units on this indicator: rank, rate, or null for none
-- column fraction_unit: Rates counted in items (宗: parcels): what numerator and denominator count; null otherwise
-- column target_margin: Rate and level indicators: actual − target in the indicator's unit (个百分点 for a rate in %), rounded to 9 decimals like every comparison here (92.2 − 90 is 2.2); null for cumulative indicators (their gap is gap_pp) and where actual or target is missing
-- column ranked_units: How many units have a rank on this indicator in this period (what a rank is read against); null where none has

-- The contract's columns (kpis.md) come first, in its order; the columns after missing_units
-- are what the outputs need to lay the rows out (order, names, headings) without reading the
-- seeds themselves. Read it ordered by period, unit_order, indicator_order.

with

progress as (
    select * from int_indicator_status
),

catalogue as (
    select * from indicators
),

unit_names as (
    select code, name, kind, short_name, display_order, coalesce(is_city, false) as is_city from units
),

-- A main target without a heading in the seed is headed by its first indicator's name.
main_target_titles as (
    select
        catalogue.year,
        catalogue.main_target,
        coalesce(any_value(main_targets.title), arg_min(catalogue.name, catalogue.display_order)) as title
    from catalogue
    left join main_targets
        on main_targets.year = catalogue.year
       and main_targets.main_target = catalogue.main_target
    where catalogue.main_target is not null
    group by catalogue.year, catalogue.main_target
),

periods as (
    select * from int_periods
),

-- Rank keys are rounded to 9 decimals so that values equal in decimals tie despite float noise.
ranked as (
    select
        progress.*,
        catalogue.kind,
        catalogue.direction,
        case
            when progress.is_reporting_unit and progress.status in ('green', 'yellow', 'red') then
                cast(rank() over (
                    partition by
                        progress.period,
                        progress.indicator_code,
                        progress.is_reporting_unit and progress.status in ('green', 'yellow', 'red')
                    order by
                        case
                            when catalogue.kind = 'cumulative' then -round(progress.completion_pct, 9)
                            when catalogue.direction = 'max' then round(progress.actual, 9)
                            else -round(progress.actual, 9)
                        end
                ) as integer)
        end as rank
    from progress
    join catalogue
        on catalogue.year = progress.period_year
       and catalogue.code = progress.indicator_code
),

counted as (
    select
        ranked.*,
        cast(nullif(count(ranked.rank) over (partition by ranked.period, ranked.indicator_code), 0) as integer) as ranked_units
    from ranked
),

with_previous as (
    select
        ranked.*,
        previous.actual as prev_actual
    from counted as ranked
    join periods on periods.period = ranked.period
    left join progress as previous
        on previous.period = periods.prev_period
       and previous.unit_code = ranked.unit_code
       and previous.indicator_code = ranked.indicator_code
),

final as (
    select
        with_previous.period,
        with_previous.period_end,
        with_previous.unit_code,
        unit_names.name                       as unit_name,
        with_previous.indicator_code,
        catalogue.name                        as indicator_name,
        catalogue.kind,
        catalogue.direction,
        catalogue.unit                        as unit_of_measure,
        cast(with_previous.actual as double)         as actual,
        cast(with_previous.numerator as double)      as numerator,
        cast(with_previous.denominator as double)    as denominator,
        cast(with_previous.target as double)         as target,
        cast(with_previous.completion_pct as double) as completion_pct,
        cast(with_previous.expected_pct as double)   as expected_pct,
        cast(with_previous.gap_pp as double)         as gap_pp,
        with_previous.status,
        with_previous.rank,
        cast(with_previous.prev_actual as double)    as prev_actual,
        with_previous.incomplete,
        with_previous.missing_units,
        unit_names.kind                       as unit_kind,
        coalesce(unit_names.short_name, unit_names.name) as unit_short_name,
        unit_names.display_order              as unit_order,
        unit_names.is_city,
        catalogue.main_target,
        main_target_titles.title              as main_target_title,
        catalogue.display_order               as indicator_order,
        catalogue.unit_chart,
        catalogue.fraction_unit,
        case when catalogue.kind <> 'cumulative'
             then cast(round(with_previous.actual - with_previous.target, 9) as double) end as target_margin,
        with_previous.ranked_units
    from with_previous
    join unit_names on unit_names.code = with_previous.unit_code
    join catalogue
        on catalogue.year = with_previous.period_year
       and catalogue.code = with_previous.indicator_code
    left join main_target_titles
        on main_target_titles.year = catalogue.year
       and main_target_titles.main_target = catalogue.main_target
)

select * from final
order by period, unit_order, indicator_order

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

with

progress as (
    select * from int_indicator_status
),

catalogue as (
    select * from indicators
),

unit_names as (
    select code, name from units
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

with_previous as (
    select
        ranked.*,
        previous.actual as prev_actual
    from ranked
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
        with_previous.missing_units
    from with_previous
    join unit_names on unit_names.code = with_previous.unit_code
    join catalogue
        on catalogue.year = with_previous.period_year
       and catalogue.code = with_previous.indicator_code
)

select * from final

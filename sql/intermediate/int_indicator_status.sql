-- description: Every unit and aggregate × period × indicator with its target, time progress (序时进度) and status; rank and names are added in the mart.
-- column unit_code: Unit or aggregate code
-- column period: Period code
-- column period_year: Year of the period
-- column period_quarter: Quarter, 1–4
-- column period_end: Last day of the period
-- column indicator_code: Catalogue code
-- column is_reporting_unit: A unit that submits (county or zone), not an aggregate
-- column submitted: Units: sent at least one table for the period; aggregates: at least one member did
-- column actual: Value, percent for rates; null where it cannot be computed
-- column numerator: Rates only: numerator
-- column denominator: Rates only: denominator
-- column target: Target for the unit and year (targets seed); for 全市 the catalogue city target where the seed has no row
-- column completion_pct: Cumulative only: 100 × actual / target
-- column expected_pct: Cumulative only: the schedule for the quarter (seeds; 25, 50, 75, 100 where not given)
-- column gap_pp: Cumulative only: completion_pct − expected_pct, 百分点
-- column status: green, yellow, red, missing, no_data or no_target
-- column incomplete: Aggregates: a member did not submit for the period
-- column missing_units: Aggregates: names of the members that did not submit, 、-separated

-- Status precedence: missing (did not submit) → no_target (no target configured for this unit,
-- whether or not it reported a value: nothing is asked of it) → no_data (a target, but no value)
-- → green / yellow / red by the bands. Comparisons allow 1e-9 for floating-point noise,
-- so that a value exactly on a band edge (worked out in decimals) lands on the edge's side.

with

unit_rows as (
    select
        unit_code, period, period_year, period_quarter, period_end, indicator_code,
        true as is_reporting_unit,
        submitted,
        actual, numerator, denominator,
        cast(null as boolean) as incomplete,
        cast(null as varchar) as missing_units
    from int_unit_figures
),

aggregate_rows as (
    select
        unit_code, period, period_year, period_quarter, period_end, indicator_code,
        false as is_reporting_unit,
        reporting_members > 0 as submitted,
        actual, numerator, denominator,
        incomplete,
        missing_units
    from int_aggregate_figures
),

all_rows as (
    select * from unit_rows
    union all
    select * from aggregate_rows
),

catalogue as (
    select * from indicators
),

unit_targets as (
    select * from targets
),

with_targets as (
    select
        all_rows.*,
        catalogue.kind,
        catalogue.direction,
        catalogue.yellow_band,
        coalesce(
            unit_targets.target,
            case when all_rows.unit_code = '330400' then catalogue.city_target end
        ) as target,
        case when catalogue.kind = 'cumulative' then
            coalesce(
                case all_rows.period_quarter
                    when 1 then catalogue.schedule_q1
                    when 2 then catalogue.schedule_q2
                    when 3 then catalogue.schedule_q3
                    when 4 then catalogue.schedule_q4
                end,
                25.0 * all_rows.period_quarter
            )
        end as expected_pct
    from all_rows
    join catalogue
        on catalogue.year = all_rows.period_year
       and catalogue.code = all_rows.indicator_code
    left join unit_targets
        on unit_targets.year = all_rows.period_year
       and unit_targets.indicator_code = all_rows.indicator_code
       and unit_targets.unit_code = all_rows.unit_code
),

progress as (
    select
        *,
        case when kind = 'cumulative' then kpi_rate(actual, target) end as completion_pct
    from with_targets
),

gaps as (
    select
        *,
        completion_pct - expected_pct as gap_pp
    from progress
),

final as (
    select
        unit_code,
        period,
        period_year,
        period_quarter,
        period_end,
        indicator_code,
        is_reporting_unit,
        submitted,
        actual,
        case when kind = 'rate' then numerator end   as numerator,
        case when kind = 'rate' then denominator end as denominator,
        target,
        completion_pct,
        expected_pct,
        case when kind = 'cumulative' then gap_pp end as gap_pp,
        case
            when not submitted then 'missing'
            when target is null or (kind = 'cumulative' and target = 0) then 'no_target'
            when actual is null then 'no_data'
            when kind = 'cumulative' then
                case
                    when gap_pp >= -1e-9 then 'green'
                    when gap_pp >= -yellow_band - 1e-9 then 'yellow'
                    else 'red'
                end
            when direction = 'max' then
                case
                    when actual <= target + 1e-9 then 'green'
                    when actual <= target + yellow_band + 1e-9 then 'yellow'
                    else 'red'
                end
            else
                case
                    when actual >= target - 1e-9 then 'green'
                    when actual >= target - yellow_band - 1e-9 then 'yellow'
                    else 'red'
                end
        end as status,
        incomplete,
        missing_units
    from gaps
)

select * from final

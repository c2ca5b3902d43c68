-- description: Values of the indicators whose source is the summary sheet (指标进度), per unit × period × indicator: 累计完成 for cumulative and level, 100 × 分子 / 分母 for rates.
-- column unit_code: Reporting unit code
-- column period: Period code
-- column indicator_code: Catalogue code
-- column actual: Value in the indicator's unit; percent for rates (null where 分母 is 0 or missing)
-- column numerator: Rates: 分子
-- column denominator: Rates: 分母

-- Rows for land_supply and patches indicators are declared values only: the detail tables win,
-- so they are not read here.

with

progress as (
    select * from stg_indicator_progress
),

periods as (
    select * from int_periods
),

catalogue as (
    select * from indicators where source = 'summary'
),

final as (
    select
        progress.unit_code,
        progress.period,
        progress.indicator_code,
        case
            when catalogue.kind = 'rate' then kpi_rate(progress.numerator, progress.denominator)
            else progress.cumulative_value
        end                                                              as actual,
        case when catalogue.kind = 'rate' then progress.numerator end    as numerator,
        case when catalogue.kind = 'rate' then progress.denominator end  as denominator
    from progress
    join periods on periods.period = progress.period
    join catalogue
        on catalogue.year = periods.period_year
       and catalogue.code = progress.indicator_code
)

select * from final

-- The indicator catalogue (seeds/indicators.csv): the 2023 work plan's targets, one row per
-- year and indicator, with the time-progress schedule of cumulative indicators.
create or replace table indicators as
select
  cast(year as integer)            as year,
  code,
  name,
  unit,
  kind,
  direction,
  cast(city_target as double)      as city_target,
  cast(main_target as integer)     as main_target,
  source,
  plan_section,
  cast(yellow_band as double)      as yellow_band,
  notes,
  cast(display_order as integer)   as display_order,
  nullif(unit_chart, '')           as unit_chart,
  nullif(fraction_unit, '')        as fraction_unit,
  cast(schedule_q1 as double)      as schedule_q1,
  cast(schedule_q2 as double)      as schedule_q2,
  cast(schedule_q3 as double)      as schedule_q3,
  cast(schedule_q4 as double)      as schedule_q4
from read_csv({{seeds_dir}} || '/indicators.csv', header = true, all_varchar = true, quote = '"');

comment on table indicators is 'Seed: the indicator catalogue per year (targets of the work plan, kind, direction, yellow band, schedule)';
comment on column indicators.year is 'Plan year';
comment on column indicators.code is 'Indicator code, e.g. land_supply';
comment on column indicators.name is 'Indicator name as in the work plan';
comment on column indicators.unit is 'Unit of measure: 亩, %, 亿元, 个, …';
comment on column indicators.kind is 'cumulative (year-to-date amount), rate (percentage) or level (stock at period end)';
comment on column indicators.direction is 'min: higher is better (target is a floor); max: lower is better (a ceiling)';
comment on column indicators.city_target is 'City target from the work plan; null where the plan leaves it to the province';
comment on column indicators.main_target is 'Number of the main target (主要目标) it belongs to; null for other tasks';
comment on column indicators.source is 'Where the figure comes from: summary (指标进度), land_supply (供地台账) or patches (卫片图斑)';
comment on column indicators.plan_section is 'Section of the work plan that sets it';
comment on column indicators.yellow_band is 'Yellow band: 百分点 of completion for cumulative, units of the value for rate and level';
comment on column indicators.notes is 'How the figure is defined';
comment on column indicators.display_order is 'Catalogue order within the year: the order of indicators in tables, lists and charts';
comment on column indicators.unit_chart is 'The chart comparing the units on it: rank (completion ranking of a cumulative indicator), rate (each unit against the threshold); null for none';
comment on column indicators.fraction_unit is 'Rates whose numerator and denominator are counts (宗: parcels): what they count; charts show the fraction (45/50) beside the rate. Null for area ratios and rates reported as a figure';
comment on column indicators.schedule_q1 is 'Expected completion % at the end of Q1 (序时进度), cumulative only';
comment on column indicators.schedule_q2 is 'Expected completion % at the end of Q2, cumulative only';
comment on column indicators.schedule_q3 is 'Expected completion % at the end of Q3, cumulative only';
comment on column indicators.schedule_q4 is 'Expected completion % at the end of Q4, cumulative only';

-- Targets per indicator, unit (or aggregate) and year (seeds/targets.csv).
create or replace table targets as
select
  cast(year as integer)  as year,
  indicator_code,
  unit_code,
  cast(target as double) as target,
  source,
  note
from read_csv({{seeds_dir}} || '/targets.csv', header = true, all_varchar = true, quote = '"');

comment on table targets is 'Seed: the target of each indicator for each unit and aggregate and year; source says where it comes from';
comment on column targets.year is 'Plan year';
comment on column targets.indicator_code is 'Indicator code (indicators.code)';
comment on column targets.unit_code is 'Unit or aggregate code (units.code)';
comment on column targets.target is 'Annual target (cumulative, level) or threshold (rate), in the indicator''s unit';
comment on column targets.source is 'catalogue (work plan via the catalogue), work_plan (stated in the plan text) or sample (made up: replace with the real allocation)';
comment on column targets.note is 'Free text';

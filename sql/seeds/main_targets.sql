-- The work plan's main targets (二、主要目标 一是…十是) per year (seeds/main_targets.csv): their
-- number (indicators.main_target) and heading, as the bulletin's 三、分项进展 prints it.
create or replace table main_targets as
select
  cast(year as integer)        as year,
  cast(main_target as integer) as main_target,
  title
from read_csv({{seeds_dir}} || '/main_targets.csv', header = true, all_varchar = true, quote = '"');

comment on table main_targets is 'Seed: the main targets (主要目标) of each year''s work plan, by number, with their headings';
comment on column main_targets.year is 'Plan year';
comment on column main_targets.main_target is 'Number of the main target (indicators.main_target)';
comment on column main_targets.title is 'Heading of the main target in the work plan''s words (三、分项进展 （一）…)';

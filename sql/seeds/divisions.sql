-- The bureau's divisions (处室) that lead the key tasks and report their progress
-- (seeds/divisions.csv, from docs/spec/divisions-2023.csv). Aliases are ;-separated in the CSV.
-- Divisions submit like the units but are never members of 全市 or 市本级.
create or replace table divisions as
select
  cast(year as integer)          as year,
  code,
  name,
  case when coalesce(aliases, '') = '' then []::varchar[] else string_split(aliases, ';') end as aliases,
  cast(display_order as integer) as display_order
from read_csv({{seeds_dir}} || '/divisions.csv', header = true, all_varchar = true, quote = '"');

comment on table divisions is 'Seed: the divisions (处室) that lead key tasks and submit their progress, per year, with aliases';
comment on column divisions.year is 'Plan year';
comment on column divisions.code is 'Division code, e.g. D05';
comment on column divisions.name is 'Name as printed, e.g. 国土空间规划处';
comment on column divisions.aliases is 'Other names accepted in file names and cover sheets, e.g. 规划处';
comment on column divisions.display_order is 'Order in tables and charts';

-- The nine reporting units and the two aggregates (seeds/units.csv). Lists are |-separated in the CSV.
create or replace table units as
select
  code,
  name,
  case when coalesce(aliases, '') = '' then []::varchar[] else string_split(aliases, '|') end as aliases,
  kind,
  cast(display_order as integer) as display_order,
  case when coalesce(members, '') = '' then []::varchar[] else string_split(members, '|') end as members,
  cast(coastal as boolean)       as coastal,
  short_name,
  cast(is_city as boolean)       as is_city
from read_csv({{seeds_dir}} || '/units.csv', header = true, all_varchar = true, quote = '"');

comment on table units is 'Seed: the nine reporting units and the aggregates 全市 and 市本级, with aliases and members';
comment on column units.code is 'Unit code: administrative code, or JXETDZ, JXPORT, SBJ';
comment on column units.name is 'Name as printed in bulletins';
comment on column units.aliases is 'Other names accepted in submissions';
comment on column units.kind is 'county, zone (reporting units) or aggregate (computed, never submitted)';
comment on column units.display_order is 'Order in tables and charts';
comment on column units.members is 'Aggregates: codes of the member units (市本级 is configurable here)';
comment on column units.coastal is 'Coastal unit: reports the coastline indicators';
comment on column units.short_name is 'Short name for narrow columns (南湖, 经开区); aggregates keep their names';
comment on column units.is_city is 'The aggregate that is the whole city (全市): the subject of the city bulletin, the total every unit is compared with';

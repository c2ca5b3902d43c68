-- The key tasks (重点工作) of the work plan's section 三 (seeds/key_tasks.csv, from
-- docs/spec/key-tasks-2023.csv). Lead divisions are sample assignments (the plan names none):
-- configuration, like the sample target allocations. Lists are ;-separated in the CSV.
create or replace table key_tasks as
select
  cast(year as integer)   as year,
  code,
  section,
  section_title,
  cast(task_no as integer) as task_no,
  title,
  lead,
  case when coalesce(co_leads, '') = '' then []::varchar[] else string_split(co_leads, ';') end             as co_leads,
  case when coalesce(units_involved, '') = '' then []::varchar[] else string_split(units_involved, ';') end as units_involved,
  summary
from read_csv({{seeds_dir}} || '/key_tasks.csv', header = true, all_varchar = true, quote = '"');

comment on table key_tasks is 'Seed: the key tasks (重点工作) per year: section, title, lead and co-lead divisions, units involved';
comment on column key_tasks.year is 'Plan year';
comment on column key_tasks.code is 'Task code, e.g. T1-1 (section 一, task 1)';
comment on column key_tasks.section is 'Section of 三、重点工作: 一 … 八';
comment on column key_tasks.section_title is 'Title of the section';
comment on column key_tasks.task_no is 'Number of the task within its section';
comment on column key_tasks.title is 'Title of the task';
comment on column key_tasks.lead is 'Lead division (牵头处室) by name (divisions.name); a sample assignment';
comment on column key_tasks.co_leads is 'Co-lead divisions by name';
comment on column key_tasks.units_involved is 'Reporting units the task names (units.name); a one-unit bulletin lists these tasks';
comment on column key_tasks.summary is 'What the task asks, in the plan''s words';

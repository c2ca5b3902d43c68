-- The statuses of a key-task milestone (seeds/key_task_statuses.csv; docs/spec/key-tasks.md,
-- "Status of a milestone at period P"): the code the status rule gives (int_key_task_status),
-- the Chinese name printed, the light and the orders the outputs use. Wording is data: renaming a
-- status or recolouring a light is an edit of the CSV and `nrp build`, not of a model.
-- not_reported is grey (the spec's table): neither good nor bad news, but worse than green.
create or replace table key_task_statuses as
select
  status_code,
  status_name,
  light,
  cast(light_severity as integer) as light_severity,
  cast(status_order as integer)   as status_order
from read_csv({{seeds_dir}} || '/key_task_statuses.csv', header = true, all_varchar = true, quote = '"');

comment on table key_task_statuses is 'Seed: the statuses of a key-task milestone with their Chinese name, light and orders';
comment on column key_task_statuses.status_code is 'done_on_time, done_late, overdue, lagging, on_track or not_reported (the code int_key_task_status gives)';
comment on column key_task_statuses.status_name is 'Chinese name as printed: 按期完成, 逾期完成, 逾期未完成, 滞后序时, 序时推进, 未报送';
comment on column key_task_statuses.light is 'green, yellow, red or grey';
comment on column key_task_statuses.light_severity is 'For "the worst light": red 4 > yellow 3 > grey 2 > green 1';
comment on column key_task_statuses.status_order is 'Order of the statuses in tables, charts and the counts sentence (the spec''s order)';

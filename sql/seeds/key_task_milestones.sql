-- The milestones (节点) of each key task with their deadlines (seeds/key_task_milestones.csv,
-- from docs/spec/key-task-milestones-2023.csv). due_basis = sample marks a deadline we chose
-- (configuration); text, one the plan states.
create or replace table key_task_milestones as
select
  cast(year as integer)         as year,
  task_code,
  cast(milestone_no as integer) as milestone_no,
  milestone,
  cast(due_date as date)        as due_date,
  due_basis,
  cast(quantity as double)      as quantity,
  quantity_unit,
  nullif(indicator_code, '')    as indicator_code
from read_csv({{seeds_dir}} || '/key_task_milestones.csv', header = true, all_varchar = true, quote = '"');

comment on table key_task_milestones is 'Seed: the milestones of each key task per year, with deadline, quantity and the indicator they share a target with';
comment on column key_task_milestones.year is 'Plan year';
comment on column key_task_milestones.task_code is 'Task (key_tasks.code)';
comment on column key_task_milestones.milestone_no is 'Number of the milestone within its task (节点序号)';
comment on column key_task_milestones.milestone is 'What is to be done (节点名称)';
comment on column key_task_milestones.due_date is 'Deadline (时间节点)';
comment on column key_task_milestones.due_basis is 'text: the plan states the deadline; sample: an internal deadline chosen as configuration';
comment on column key_task_milestones.quantity is 'Quantity the milestone names, if any';
comment on column key_task_milestones.quantity_unit is 'Unit of the quantity';
comment on column key_task_milestones.indicator_code is 'The indicator (indicators.code) with the same target, if any';

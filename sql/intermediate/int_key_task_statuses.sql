-- description: The statuses of a key-task milestone (docs/spec/key-tasks.md, "Status of a milestone at period P"): code, Chinese name, light, and the orders the outputs use.
-- column status_code: done_on_time, done_late, overdue, lagging, on_track or not_reported
-- column status_name: 中文 name as printed: 按期完成, 逾期完成, 逾期未完成, 滞后序时, 序时推进, 未报送
-- column light: green, yellow, red or grey
-- column light_severity: For "the worst light": red 4 > yellow 3 > grey 2 > green 1
-- column status_order: Order of the statuses in tables, charts and the counts sentence (the spec's order)

-- One home for the names and lights: the status rule (int_key_task_status) gives only the code.
-- not_reported is grey (the spec's table): neither good nor bad news, but worse than green.

select
    status_code,
    status_name,
    light,
    cast(light_severity as integer) as light_severity,
    cast(status_order as integer)   as status_order
from (values
    ('done_on_time', '按期完成',   'green',  1, 1),
    ('done_late',    '逾期完成',   'yellow', 3, 2),
    ('overdue',      '逾期未完成', 'red',    4, 3),
    ('lagging',      '滞后序时',   'yellow', 3, 4),
    ('on_track',     '序时推进',   'green',  1, 5),
    ('not_reported', '未报送',     'grey',   2, 6)
) as statuses(status_code, status_name, light, light_severity, status_order)

-- description: The key-task catalogue per year, one row per milestone, with its task and section (and their order) and the lead division resolved to its code.
-- column year: Plan year
-- column task_code: Task code, e.g. T1-1
-- column section: Section of 三、重点工作: 一 … 八
-- column section_order: The section's number (一 = 1 …), for ordering
-- column section_title: Title of the section
-- column task_no: Number of the task within its section
-- column task_title: Title of the task
-- column units_involved: Reporting units the task names (units.name)
-- column milestone_no: Number of the milestone within its task (节点序号)
-- column milestone: What is to be done (节点名称)
-- column due_date: Deadline (时间节点)
-- column due_basis: text (the plan states it) or sample (a deadline chosen as configuration)
-- column lead_code: Lead division's code (divisions.code)
-- column lead: Lead division's name as printed (divisions.name)
-- column lead_order: Lead division's display order

-- The seed names the lead division (key_tasks.lead); it is looked up by name or alias among the
-- divisions of the same year. A lead that resolves to no division or to two fails
-- assert_key_task_seed_references. Only the lead reports and answers for a task's milestones
-- (K2 refuses rows of other divisions' tasks); co-leads are not counted.
-- Sections are numbered with Chinese numerals; their number orders them (up to 二十).

with

tasks as (
    select * from key_tasks
),

milestones as (
    select * from key_task_milestones
),

section_numerals as (
    select numeral, cast(section_order as integer) as section_order
    from (values
        ('一', 1), ('二', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('七', 7), ('八', 8), ('九', 9), ('十', 10),
        ('十一', 11), ('十二', 12), ('十三', 13), ('十四', 14), ('十五', 15), ('十六', 16), ('十七', 17), ('十八', 18),
        ('十九', 19), ('二十', 20)
    ) as numerals(numeral, section_order)
),

leads as (
    select
        tasks.year,
        tasks.code           as task_code,
        divisions.code       as lead_code,
        divisions.name       as lead,
        divisions.display_order as lead_order
    from tasks
    join divisions
      on divisions.year = tasks.year
     and (divisions.name = tasks.lead or array_contains(divisions.aliases, tasks.lead))
),

final as (
    select
        milestones.year,
        milestones.task_code,
        tasks.section,
        section_numerals.section_order,
        tasks.section_title,
        tasks.task_no,
        tasks.title                    as task_title,
        tasks.units_involved,
        milestones.milestone_no,
        milestones.milestone,
        milestones.due_date,
        milestones.due_basis,
        leads.lead_code,
        leads.lead,
        leads.lead_order
    from milestones
    join tasks
      on tasks.year = milestones.year
     and tasks.code = milestones.task_code
    left join leads
      on leads.year = milestones.year
     and leads.task_code = milestones.task_code
    left join section_numerals on section_numerals.numeral = tasks.section
)

select * from final

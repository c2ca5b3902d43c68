import { xlsxMessages } from '../../pipelines/messages';
import type { BulletinModel } from '../model/types';
import { subtitleOf } from './common';
import { milestoneFill, PERCENT_FORMAT } from './numbers';
import { day, num, type RowSpec, type SheetSpec } from './spec';

const h = xlsxMessages.header;

/**
 * 重点工作: every milestone of the model (mart_key_task_progress; for a unit, those of the tasks
 * that name it), under its section, in section, task and milestone order, with its status on the
 * light's fill. `emptyNote` is said where there is none (a unit no task names). Thirteen columns
 * print at about three quarters of their size on an A4 page's width: the text columns are kept
 * narrow and wrap, the rows growing instead.
 */
export function keyTasksSheet(model: BulletinModel, emptyNote?: string): SheetSpec {
  const rows: RowSpec[] = [];
  let section = '';
  for (const m of model.keyTasks.milestones) {
    if (m.section !== section) {
      section = m.section;
      rows.push({ caption: `${m.section}、${m.section_title}` });
    }
    rows.push({
      cells: [
        `${m.task_no}．${m.task_title}`,
        num(m.milestone_no, '0'),
        m.milestone,
        m.lead,
        m.units_involved.join('、'),
        day(m.due_date),
        num(m.schedule_pct, PERCENT_FORMAT),
        num(m.progress_pct, PERCENT_FORMAT),
        { value: m.status_name, fill: milestoneFill(m.light), bold: m.light === 'red', align: 'center' },
        day(m.completed_on),
        m.report_text,
        m.problems,
        m.next_steps,
      ],
    });
  }
  return {
    name: xlsxMessages.sheet.keyTasks,
    title: xlsxMessages.title.keyTasks(model.period.year, model.scope.isCity ? '' : model.scope.name),
    subtitle: subtitleOf(model),
    columns: [
      { header: h.task, kind: 'text', maxWidth: 18 },
      { header: h.milestoneNo, kind: 'label' },
      { header: h.milestone, kind: 'text', maxWidth: 26 },
      { header: h.lead, kind: 'text', maxWidth: 12 },
      { header: h.unitsInvolved, kind: 'text', maxWidth: 12 },
      { header: h.due, kind: 'number' },
      { header: h.schedule, kind: 'number' },
      { header: h.progress, kind: 'number' },
      { header: h.milestoneStatus, kind: 'label' },
      { header: h.completedOn, kind: 'number' },
      { header: h.reportText, kind: 'text', maxWidth: 26 },
      { header: h.problems, kind: 'text', maxWidth: 20 },
      { header: h.nextSteps, kind: 'text', maxWidth: 20 },
    ],
    rows,
    notes: [...(rows.length === 0 && emptyNote ? [emptyNote] : []), xlsxMessages.note.keyTasks],
  };
}

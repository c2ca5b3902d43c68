import type { Content, TableCell } from 'pdfmake/interfaces';
import { quarterName } from '../format';
import type { KeyTaskProgressRow } from '../mart';
import { KEY_TASK_ANNEX_NOTE, progressText } from '../text/key-tasks';
import { divisionShortName } from '../model/lookup';
import type { BuildContext } from './context';
import { dueCell, progressCell, scheduleCell, statusCell } from './key-task-cells';
import { table, twoLineHead } from './tables';

/**
 * 重点工作任务进展清单: every milestone of the bulletin's tasks (the city: all of them; a unit: those
 * of the tasks that name it) with its status, laid out like a 督查通报's 任务清单 on landscape
 * pages: 序号, 任务, 节点, 牵头处室, 时间节点, 序时进度, 形象进度, 状态, 进展情况/存在问题.
 * A task's title stands in its first row; the rows after it repeat only its code (in grey), so a
 * row at the top of a page still says whose it is without the title printed eight times.
 */
export function keyTaskAnnex(ctx: BuildContext): Content[] {
  const year = ctx.model.period.year;
  let previous = '';
  const body: TableCell[][] = ctx.model.keyTasks.milestones.map((m, i) => {
    const first = m.task_code !== previous;
    previous = m.task_code;
    return [
      String(i + 1),
      first ? { text: `${m.task_code} ${m.task_title}`, alignment: 'left' } : { text: m.task_code, alignment: 'left', color: '#808080' },
      { text: `${m.milestone_no}．${m.milestone}`, alignment: 'left' },
      divisionShortName(ctx.model, m.lead_code, m.lead),
      dueCell(m, year),
      scheduleCell(m),
      progressCell(m),
      statusCell(m, year),
      { text: progress(m, ctx.model.period.code), alignment: 'left' },
    ];
  });
  return [
    table(
      [20, 84, '*', 48, 40, 32, 32, 46, 184],
      [['序号', '任务', '节点', '牵头处室', '时间节点', '序时进度', '形象进度', '状态', '进展情况／存在问题'].map(twoLineHead)],
      body,
      { fontSize: 8 },
    ),
    { text: KEY_TASK_ANNEX_NOTE, style: 'tableNote' },
  ];
}

/** The report's words; a completion carried from an earlier quarter says when it was reported. */
function progress(m: KeyTaskProgressRow, period: string): string {
  const carried = m.report_period && m.report_period !== period ? quarterName(m.report_period) : undefined;
  return progressText({ text: m.report_text, problems: m.problems, carriedFrom: carried, reported: m.status_code !== 'not_reported' });
}

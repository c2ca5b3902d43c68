import type { Content, TableCell } from 'pdfmake/interfaces';
import { KEY_TASK_SECTIONS_CHART, someoneReported } from '../charts/choose';
import { percent } from '../format';
import type { KeyTaskProgressRow, KeyTaskSummaryRow } from '../mart';
import { divisionShortName, keyTaskCity, keyTaskDivision, keyTaskSections, keyTasksListed, keyTaskStatusName, milestonesWithStatus, silentDivisions } from '../model/lookup';
import {
  allOnTrackSentence, annexPointer, COUNTS_SENTENCE_ORDER, countsSentence, LISTED_STATUSES, listLead, missingRowsSentence, noUnitTasksSentence,
  nothingReportedSentence, ratesSentence, SHORT_NAMES_NOTE, silentDivisionsSentence, unitTasksSentence,
} from '../text/key-tasks';
import type { BuildContext } from './context';
import { chartBlock } from './figures';
import { dueCell, progressCell, scheduleCell, statusCell, taskAndMilestone } from './key-task-cells';
import { captionText, headingWith, table, twoLineHead } from './tables';

/**
 * 重点工作推进情况 (key-tasks.md, "In the bulletin"), after the indicators: the city's counts
 * sentence and 节点按期完成率 from mart_key_task_summary, the table by section, the chart of
 * status by section, and every overdue, lagging and not-reported milestone with its lead
 * division, due date and reported problem. When nothing at all was reported, one paragraph says
 * so instead of a table of zeros and a list of every milestone (the annex lists them). A one-unit
 * bulletin gives the city's sentence for context, then the tasks that name the unit and those of
 * their milestones that are overdue, lagging or not reported. Absent in a year without key tasks.
 */
export function keyTasks(ctx: BuildContext): Content[] {
  const city = keyTaskCity(ctx.model);
  if (!city || !ctx.parts.includes('keyTasks')) return [];
  const heading: Content = { text: ctx.heading('keyTasks'), style: 'h1' };
  const body = ctx.isCity ? cityBody(ctx, city) : unitBody(ctx, city);
  const [first, ...rest] = body;
  return [...headingWith(heading, first), ...rest];
}

const paragraph = (text: string): Content => ({ text, style: 'body' });
const name = (ctx: BuildContext) => (code: KeyTaskProgressRow['status_code']) => keyTaskStatusName(ctx.model, code);

function cityBody(ctx: BuildContext, city: KeyTaskSummaryRow): Content[] {
  const { model } = ctx;
  if (!someoneReported(model)) {
    return [paragraph(`${nothingReportedSentence(city, city.tasks, model.period.quarter)}；${annexPointer(ctx.annexNo('keyTasks'))}。`)];
  }
  const tableNo = ctx.nextTable();
  const figure = ctx.figures.find((f) => f.chart.id === KEY_TASK_SECTIONS_CHART);
  const figureNo = figure ? ctx.nextFigure() : 0;
  const refs = `（见表${tableNo}${figure ? `和图${figureNo}` : ''}）`;
  const out: Content[] = [paragraph(`${countsSentence(city, city.tasks, name(ctx))}。${ratesSentence(city, model.period.quarter)}${refs}。${reportingGaps(ctx)}`)];
  out.push(sectionTable(ctx, tableNo));
  if (figure) out.push(...chartBlock(figure, figureNo));
  out.push(...problemList(ctx, city.scope_name));
  return out;
}

function unitBody(ctx: BuildContext, city: KeyTaskSummaryRow): Content[] {
  const { model } = ctx;
  // The city's figures for context; its number of tasks is not known here (the model holds the unit's tasks only).
  const context = someoneReported(model) ? `${countsSentence(city, undefined, name(ctx))}。` : `${nothingReportedSentence(city, undefined, model.period.quarter)}。`;
  const tasks = keyTasksListed(model);
  if (tasks.length === 0) return [paragraph(`${context}${noUnitTasksSentence(ctx.scopeName, model.period.year)}。`)];
  const lead = `${context}${unitTasksSentence(ctx.scopeName, tasks)}。`;
  // Nothing reported at all: the annex lists the unit's milestones, every one 未报送.
  if (!someoneReported(model)) return [paragraph(`${lead}${annexPointer(ctx.annexNo('keyTasks'))}。`)];
  return [paragraph(lead), ...problemList(ctx, `涉及${ctx.scopeName}的重点工作`)];
}

/** Divisions that sent nothing, and those whose file left milestones out (mart_submission_status, mart_key_task_summary). */
function reportingGaps(ctx: BuildContext): string {
  const parts: string[] = [];
  const silent = silentDivisions(ctx.model);
  if (silent.length) {
    parts.push(silentDivisionsSentence(silent.map((s) => ({ name: s.unit_name, milestones: keyTaskDivision(ctx.model, s.unit_code)?.not_reported ?? 0 }))));
  }
  const leftOut = ctx.model.divisionSubmissions
    .filter((s) => s.arrived)
    .map((s) => ({ name: s.unit_name, count: keyTaskDivision(ctx.model, s.unit_code)?.not_reported ?? 0 }))
    .filter((d) => d.count > 0);
  if (leftOut.length) parts.push(missingRowsSentence(leftOut));
  return parts.map((p) => `${p}。`).join('');
}

/** 表N: the sections' counts in the sentence's order, the on-time rate, and the city's total. */
function sectionTable(ctx: BuildContext, n: number): Content {
  const { model } = ctx;
  const row = (r: KeyTaskSummaryRow, label: string): TableCell[] => [
    { text: label, alignment: 'left' },
    String(r.milestones),
    ...COUNTS_SENTENCE_ORDER.map((code) => String(r[code])),
    r.on_time_rate === null ? '—' : percent(r.on_time_rate),
  ];
  const city = keyTaskCity(model)!;
  const body = [...keyTaskSections(model).map((s) => row(s, `${s.scope_code}、${s.scope_name}`)), row(city, `${city.scope_name}合计`).map((c) => (typeof c === 'string' ? { text: c, bold: true } : { ...(c as object), bold: true }) as TableCell)];
  const head = ['板块', '节点数', ...COUNTS_SENTENCE_ORDER.map(name(ctx)), '节点按期完成率'].map(twoLineHead);
  return table(['*', 30, 28, 28, 28, 28, 28, 28, 44], [head], body, { caption: captionText(n, `${model.period.year}年重点工作推进情况（分板块）`), fontSize: 9 });
}

/** The overdue, lagging and not-reported milestones: a sentence pointing to the table, and the table. */
function problemList(ctx: BuildContext, scope: string): Content[] {
  const listed = milestonesWithStatus(ctx.model, LISTED_STATUSES);
  const annex = annexPointer(ctx.annexNo('keyTasks'));
  if (listed.length === 0) return [paragraph(`${allOnTrackSentence(scope)}；${annex}。`)];
  const n = ctx.nextTable();
  const names = LISTED_STATUSES.filter((code) => listed.some((m) => m.status_code === code)).map(name(ctx));
  const year = ctx.model.period.year;
  const body: TableCell[][] = listed.map((m, i) => [
    String(i + 1),
    taskAndMilestone(m),
    divisionShortName(ctx.model, m.lead_code, m.lead),
    dueCell(m, year),
    scheduleCell(m),
    progressCell(m),
    statusCell(m, year),
    { text: m.problems ?? '—', alignment: m.problems ? 'left' : 'center' },
  ]);
  const caption = captionText(n, `${ctx.isCity ? '' : `涉及${ctx.scopeName}的`}${names.join('、')}节点清单`);
  return [
    paragraph(`${listLead(names, n)}；${annex}。`),
    // Divisions by their short names (规划处): the column is narrow.
    table([18, '*', 42, 40, 30, 30, 46, 96], [['序号', '任务及节点', '牵头处室', '时间节点', '序时进度', '形象进度', '状态', '存在问题'].map(twoLineHead)], body, { caption, fontSize: 8 }),
    { text: SHORT_NAMES_NOTE, style: 'tableNote' },
  ];
}

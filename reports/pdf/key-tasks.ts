import type { Content, TableCell } from 'pdfmake/interfaces';
import { KEY_TASK_SECTIONS_CHART } from '../charts/choose';
import { percent } from '../format';
import type { KeyTaskSummaryRow } from '../mart';
import { divisionShortName, keyTaskCity, keyTaskSections, keyTaskStatusName } from '../model/lookup';
import { COUNTS_SENTENCE_ORDER, SHORT_NAMES_NOTE } from '../text/key-tasks';
import { keyTaskSection, sectionTableTitle, type KeyTaskList } from '../text/key-task-section';
import type { BuildContext } from './context';
import { chartBlock } from './figures';
import { dueCell, progressCell, scheduleCell, statusCell, taskAndMilestone } from './key-task-cells';
import { captionText, headingWith, table, twoLineHead } from './tables';

/**
 * 重点工作推进情况 (key-tasks.md, "In the bulletin") in the PDF, after the indicators: what
 * reports/text/key-task-section.ts says and lists (the opening paragraph, the city's table by
 * section with the status chart, the milestones behind with their lead division, due date and
 * reported problem), laid out and numbered here. Absent in a year without key tasks.
 */
export function keyTasks(ctx: BuildContext): Content[] {
  const section = ctx.has('keyTasks') ? keyTaskSection(ctx.model, () => ctx.annexNo('keyTasks')) : undefined;
  if (!section) return [];
  const heading: Content = { text: ctx.heading('keyTasks'), style: 'h1' };
  const body: Content[] = [];
  if (section.bySection) {
    const tableNo = ctx.nextTable();
    const figure = ctx.figures.find((f) => f.chart.id === KEY_TASK_SECTIONS_CHART);
    const figureNo = figure ? ctx.nextFigure() : undefined;
    body.push(paragraph(section.opening({ table: tableNo, figure: figureNo })), sectionTable(ctx, tableNo));
    if (figure) body.push(...chartBlock(figure, figureNo!));
  } else {
    body.push(paragraph(section.opening()));
  }
  if (section.list) body.push(...milestoneList(ctx, section.list));
  const [first, ...rest] = body;
  return [...headingWith(heading, first), ...rest];
}

const paragraph = (text: string): Content => ({ text, style: 'body' });

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
  const head = ['板块', '节点数', ...COUNTS_SENTENCE_ORDER.map((code) => keyTaskStatusName(model, code)), '节点按期完成率'].map(twoLineHead);
  return table(['*', 30, 28, 28, 28, 28, 28, 28, 44], [head], body, { caption: captionText(n, sectionTableTitle(model.period.year)), fontSize: 9 });
}

/** The overdue, lagging and not-reported milestones: the sentence pointing to the table, and the table. */
function milestoneList(ctx: BuildContext, list: KeyTaskList): Content[] {
  if (list.milestones.length === 0) return [paragraph(list.sentence())];
  const n = ctx.nextTable();
  const year = ctx.model.period.year;
  const body: TableCell[][] = list.milestones.map((m, i) => [
    String(i + 1),
    taskAndMilestone(m),
    divisionShortName(ctx.model, m.lead_code, m.lead),
    dueCell(m, year),
    scheduleCell(m),
    progressCell(m),
    statusCell(m, year),
    { text: m.problems ?? '—', alignment: m.problems ? 'left' : 'center' },
  ]);
  return [
    paragraph(list.sentence(n)),
    // Divisions by their short names (规划处): the column is narrow.
    table([18, '*', 42, 40, 30, 30, 46, 96], [['序号', '任务及节点', '牵头处室', '时间节点', '序时进度', '形象进度', '状态', '存在问题'].map(twoLineHead)], body, { caption: captionText(n, list.title), fontSize: 8 }),
    { text: SHORT_NAMES_NOTE, style: 'tableNote' },
  ];
}

import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ProgressRow } from '../mart';
import { chineseNumber, gapText, percent, quantity, STATUS_LABEL, targetText } from '../format';
import { rowFor } from '../model/lookup';
import { MAIN_TARGETS_HEADS, mainTargetsCaption } from '../text/captions';
import { mainTargetsParagraph } from '../text/opening';
import type { BuildContext } from './context';
import { captionText, keepTogether, table } from './tables';
import { chartBlock } from './figures';

/** 二、主要目标完成情况: the ten main targets of the work plan in one table, and the overview chart. */
export function mainTargets(ctx: BuildContext): Content[] {
  const { model } = ctx;
  const rows = model.indicators
    .filter((i) => i.mainTarget !== null)
    .map((ind) => rowFor(model, model.scope.code, ind.code))
    .filter((r): r is ProgressRow => r !== undefined);
  const body: TableCell[][] = rows.map((row) => [
    `${chineseNumber(row.main_target ?? 0)}`,
    { text: row.indicator_name, alignment: 'left' },
    targetText(row),
    ctx.valueText(row, quantity(row.actual, row.unit_of_measure)),
    row.kind === 'cumulative' ? percent(row.completion_pct) : '—',
    row.kind === 'cumulative' && row.expected_pct !== null ? percent(row.expected_pct) : '—',
    gapText(row),
    statusCell(row),
  ]);
  const n = ctx.nextTable();
  const overviewChart = ctx.figures.find((f) => f.chart.kind === 'overview');
  const figureNo = overviewChart ? ctx.nextFigure() : 0;
  return [
    keepTogether(
      { text: ctx.heading('mainTargets'), style: 'h1' },
      { text: mainTargetsParagraph(ctx, { table: n, figure: overviewChart ? figureNo : undefined }), style: 'body' },
    ),
    table(
      [20, '*', 66, 66, 40, 38, 46, 30],
      [[...MAIN_TARGETS_HEADS]],
      body,
      { caption: captionText(n, mainTargetsCaption(model)), fontSize: 10 },
    ),
    ...ctx.notesFor(rows),
    ...(overviewChart ? chartBlock(overviewChart, figureNo) : []),
  ];
}

export function statusCell(row: ProgressRow): TableCell {
  const label = STATUS_LABEL[row.status] ?? row.status;
  const color = row.status === 'red' ? '#C00000' : row.status === 'yellow' ? '#9C6500' : undefined;
  return color ? { text: label, color, bold: row.status === 'red' } : label;
}

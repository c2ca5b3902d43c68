import { xlsxMessages } from '../../pipelines/messages';
import { periodMonthsLabel } from '../../pipelines/period';
import type { ProgressRow } from '../mart';
import { rowFor } from '../model/lookup';
import type { BulletinModel, IndicatorInfo } from '../model/types';
import { restatementNotes, subtitleOf } from './common';
import { actualCell, completionCell, restatementMark, statusCell, statusFill, targetCell } from './numbers';
import type { Cell, ColumnSpec, RowSpec, SheetSpec } from './spec';

const h = xlsxMessages.header;

/**
 * 各地完成情况: the PDF's 附件1, one column per unit and aggregate (their short names, as the
 * PDF heads them) and, per indicator, a line for its figure (累计完成, or 实际值 for a rate or a
 * level), a line for 完成率 where it has one, and a line with the light's word: the figure and
 * its light are neighbours in a column, on the PDF's fills, so the table reads the same printed
 * in black and white. A line per light keeps one column per unit: a column beside each figure
 * would double the table's width and print it at half the size on an A4 page.
 */
export function matrixSheet(model: BulletinModel): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: h.indicator, kind: 'text', maxWidth: 20 },
    { header: h.unitOfMeasure, kind: 'label' },
    { header: h.line, kind: 'label' },
    { header: h.cityTarget(model.city.name), kind: 'number' },
    ...model.units.map((u): ColumnSpec => ({ header: u.shortName, kind: 'number' })),
  ];
  const rows = model.indicators.flatMap((ind) => indicatorLines(model, ind));
  const aggregates = model.units.filter((u) => u.kind === 'aggregate').map((u) => u.name).join('、');
  return {
    name: xlsxMessages.sheet.matrix,
    title: xlsxMessages.title.matrix(periodMonthsLabel(model.period)),
    subtitle: subtitleOf(model),
    columns,
    rows,
    notes: [xlsxMessages.note.matrix(aggregates), ...restatementNotes(model, model.rows)],
    freezeColumns: 3,
  };
}

function indicatorLines(model: BulletinModel, ind: IndicatorInfo): RowSpec[] {
  const rows = model.units.map((u) => rowFor(model, u.code, ind.code));
  const city = rowFor(model, model.city.code, ind.code);
  const cumulative = ind.kind === 'cumulative';
  const span = cumulative ? 3 : 2;
  const filled = (row: ProgressRow | undefined, cell: (r: ProgressRow) => Cell): Cell => {
    if (!row) return null;
    const c = cell(row);
    const spec = c !== null && typeof c === 'object' ? c : { value: c };
    return { ...spec, fill: statusFill(row.status), bold: row.status === 'red' };
  };
  const first: Cell[] = [
    { value: ind.name, rowSpan: span },
    { value: ind.unitOfMeasure, rowSpan: span },
    cumulative ? xlsxMessages.line.actual : xlsxMessages.line.value,
    city ? { ...targetCell(city), rowSpan: span } : { value: null, rowSpan: span },
    ...rows.map((r) => filled(r, (row) => actualCell(row, restatementMark(model, row)))),
  ];
  const lines: RowSpec[] = [{ cells: first }];
  if (cumulative) lines.push({ cells: [null, null, xlsxMessages.line.completion, null, ...rows.map((r) => filled(r, completionCell))] });
  lines.push({ cells: [null, null, h.status, null, ...rows.map((r) => (r ? statusCell(r.status) : null))] });
  return lines;
}

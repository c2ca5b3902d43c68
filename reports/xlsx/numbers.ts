import { quantity, STATUS_FILL, STATUS_LABEL, tableGap } from '../format';
import type { KeyTaskProgressRow, ProgressRow } from '../mart';
import { restatementOf } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { num, type CellSpec } from './spec';

/**
 * Number formats and light cells of the workbooks. The decimals are not decided here: they are
 * read off reports/format.ts (`quantity`), the one place display formats are decided, so the
 * workbook shows a figure with the decimals the PDF prints it with (亩 two, % one, counts none).
 *
 * Percentages are stored as the marts hold them, in percent (57.8 for 57.8 %), with the format
 * `0.0` and `（%）` in the header: the cell is the mart's value, bit for bit, and the table's
 * arithmetic reads as printed (完成率 − 序时进度 = 差值 in 个百分点). Storing 0.578 with Excel's
 * `0.0%` would divide every figure by 100 (a float that is no longer the mart's) and break that
 * arithmetic for anyone who pastes the values into another report.
 */

/** Decimals format.ts prints a quantity in `unit` with: probed on a value with many digits. */
export function decimalsOf(unit: string): number {
  const shown = quantity(1 / 3, unit);
  return /\d\.(\d+)/.exec(shown)?.[1].length ?? 0;
}

/** `#,##0.00` for 亩, `0.0` for %, `#,##0` for counts. */
export function amountFormat(unit: string): string {
  const d = decimalsOf(unit);
  const grouping = unit === '%' ? '0' : '#,##0';
  return d === 0 ? grouping : `${grouping}.${'0'.repeat(d)}`;
}

/** Completion, 序时进度 and every other percentage: one decimal (format.ts `percent`). */
export const PERCENT_FORMAT = amountFormat('%');
/** A gap in 个百分点 with its sign, as format.ts's signedPoints prints it: +7.8, -4.2, 0.0. */
export const GAP_FORMAT = `+${PERCENT_FORMAT};-${PERCENT_FORMAT};${PERCENT_FORMAT}`;
export const RANK_FORMAT = '0';
export const COUNT_FORMAT = '0';

/** A restated figure carries its footnote mark in its format, so the number stays a number. */
function marked(format: string, mark: number | undefined): string {
  return mark === undefined ? format : `${format}"注${mark}"`;
}

/** A row's figure (累计完成 or the rate's value), as a number in its unit's format. */
export function actualCell(row: ProgressRow, mark?: number, extra: Omit<CellSpec, 'value' | 'format'> = {}): CellSpec {
  return num(row.actual, marked(amountFormat(row.unit_of_measure), mark), extra);
}

/** The target: plain for an amount to reach; with ≥ / ≤ for a line not to fall below or exceed, as the PDF's targetText. */
export function targetCell(row: ProgressRow, extra: Omit<CellSpec, 'value' | 'format'> = {}): CellSpec {
  const format = amountFormat(row.unit_of_measure);
  if (row.kind === 'cumulative') return num(row.target, format, extra);
  return num(row.target, `"${row.direction === 'max' ? '≤' : '≥'}"${format}`, extra);
}

export function completionCell(row: ProgressRow): CellSpec {
  return num(row.kind === 'cumulative' ? row.completion_pct : null, PERCENT_FORMAT);
}

export function expectedCell(row: ProgressRow): CellSpec {
  return num(row.kind === 'cumulative' ? row.expected_pct : null, PERCENT_FORMAT);
}

/** The gap every edition's tables show (format.ts `tableGap`), as a signed number. */
export function gapCell(row: ProgressRow): CellSpec {
  return num(tableGap(row), GAP_FORMAT);
}

/** The light as a word (it survives black-and-white printing) on the PDF's fill for it. */
export function statusCell(status: ProgressRow['status'], extra: Omit<CellSpec, 'value'> = {}): CellSpec {
  return { value: STATUS_LABEL[status] ?? status, fill: STATUS_FILL[status], bold: status === 'red', align: 'center', ...extra };
}

/** The PDF's fill for a figure's light (the matrix colours the figure as well as its light word). */
export function statusFill(status: ProgressRow['status']): string | undefined {
  return STATUS_FILL[status];
}

/** A milestone's light on the same fills: grey (not reported) as the figures' 未报送. */
export function milestoneFill(light: KeyTaskProgressRow['light']): string | undefined {
  return light === 'grey' ? STATUS_FILL.missing : STATUS_FILL[light];
}

/** The footnote mark of a restated figure (BulletinModel.restatements), if it is one. */
export function restatementMark(model: Pick<BulletinModel, 'restatements'>, row: ProgressRow): number | undefined {
  return restatementOf(model, row)?.mark;
}

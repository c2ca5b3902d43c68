/**
 * A workbook as plain data: each sheet a title, a line under it, one header row and rows of
 * cells. The sheet builders (main-targets.ts, matrix.ts, …) are pure functions from the bulletin
 * model to these; only writer.ts knows exceljs. Every sheet has the same frame (title, subtitle,
 * header row, notes), so that freezing, print titles, widths and footers are decided once.
 */

export interface CellSpec {
  /** Numbers stay numbers (their display is `format`); text is written as text, never a formula. */
  value: string | number | Date | null;
  /** An Excel number format (numbers and dates only). */
  format?: string;
  /** `#RRGGBB` background: a light's colour. */
  fill?: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Merge this cell with the ones below it (the status of an indicator spanning its lines). */
  rowSpan?: number;
}

export type Cell = CellSpec | string | number | null;

export interface ColumnSpec {
  header: string;
  /** Text columns are left-aligned and wrap past `maxWidth`; numbers are right-aligned. */
  kind: 'text' | 'number' | 'label';
  /** The widest the column may grow to (in Excel's character units); longer text wraps. */
  maxWidth?: number;
  /** The header cell is merged with the previous column's (a unit's value and light columns). */
  headerJoinsPrevious?: boolean;
}

/** A row of cells, or a caption row across the whole table (an indicator's or a section's name). */
export type RowSpec = { cells: Cell[]; bold?: boolean } | { caption: string };

export interface SheetSpec {
  name: string;
  title: string;
  subtitle: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  /** Lines under the table (说明, footnotes of restated figures, who did not submit). */
  notes: string[];
  /** Columns kept in view when scrolling right (the indicator's name in the matrix). */
  freezeColumns?: number;
}

/** The rows above the data: title, subtitle, header. Frozen, and repeated on every printed page. */
export const HEADER_ROW = 3;

export function cellSpec(cell: Cell): CellSpec {
  return cell !== null && typeof cell === 'object' ? cell : { value: cell };
}

/** A number with its format; an empty cell where the mart has no value (never `—` as text in a number column). */
export function num(value: number | null | undefined, format: string, extra: Omit<CellSpec, 'value' | 'format'> = {}): CellSpec {
  return { value: value === null || value === undefined || !Number.isFinite(value) ? null : value, format, ...extra };
}

/** `2023-06-30` (a date the marts hold as text) as a date cell of that calendar day. */
export function day(iso: string | null | undefined, format = DATE_FORMAT): CellSpec {
  if (!iso) return { value: null };
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return { value: new Date(Date.UTC(y, m - 1, d)), format };
}

/** `2023-07-15 09:30:00` (a load time, to the second, as the model carries it) as a date-time cell. */
export function moment(text: string | null | undefined): CellSpec {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text) : null;
  if (!m) return { value: null };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  return { value: new Date(Date.UTC(y, mo - 1, d, h, mi, s)), format: MOMENT_FORMAT };
}

/** 2023年6月30日, as format.ts's chineseDate writes dates. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** 2023-07-15 09:30:00, as format.ts's timestamp writes load times. */
export const MOMENT_FORMAT = 'yyyy-mm-dd hh:mm:ss';

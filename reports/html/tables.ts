import { STATUS_LABEL } from '../format';
import { STATUS_STYLE } from '../charts/theme';
import type { ProgressRow } from '../mart';
import { attrs, el, text } from './markup';

/**
 * Tables of the page: a caption (表N　…), a head whose sortable columns are buttons (so the
 * keyboard reaches them; the page's script sorts by each cell's `data-v`), rows that name their
 * unit (`data-unit`, for highlighting the selected unit), and the aggregates (全市, 市本级) in a
 * body of their own that sorting leaves at the foot, as the PDF prints them.
 */

export interface Column {
  label: string;
  /** How the column sorts: by number or by text; absent = not sortable. */
  sort?: 'num' | 'text';
  /** Left-aligned (names, text), else centred like the PDF's tables. */
  left?: boolean;
  /** Kept on one line (dates, short names). */
  nowrap?: boolean;
}

export interface Cell {
  /** Markup (already escaped). */
  html: string;
  /** The value the column sorts by (a raw figure, not its formatted text); absent = the text. */
  v?: number | string | null;
  className?: string;
}

export interface Row {
  cells: (Cell | string)[];
  unit?: string;
  /** Sorted apart (aggregates at the foot). */
  foot?: boolean;
  className?: string;
  /** Extra attributes (filters of the key-task list). */
  data?: Record<string, string>;
}

export interface TableOptions {
  caption?: string;
  id?: string;
  className?: string;
}

/** A plain text cell (escaped). */
export function cell(value: string, v?: number | string | null): Cell {
  return { html: text(value), v };
}

function td(c: Cell | string, column: Column | undefined): string {
  const c2 = typeof c === 'string' ? cell(c) : c;
  const classes = [column?.left ? 'l' : '', column?.nowrap ? 'nw' : '', c2.className ?? ''].filter(Boolean).join(' ');
  const v = c2.v === undefined ? undefined : c2.v === null ? '' : String(c2.v);
  return `<td${attrs({ class: classes || undefined, 'data-v': v })}>${c2.html}</td>`;
}

function tr(row: Row, columns: Column[]): string {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.data ?? {})) data[`data-${k}`] = v;
  return `<tr${attrs({ 'data-unit': row.unit, class: row.className, ...data })}>${row.cells.map((c, i) => td(c, columns[i])).join('')}</tr>`;
}

function th(column: Column, index: number): string {
  if (!column.sort) return el('th', { scope: 'col' }, text(column.label));
  const button = el('button', { type: 'button', class: 'sort', 'data-col': index, 'data-kind': column.sort }, text(column.label), '<span class="arrow" aria-hidden="true"></span>');
  // data-label: on paper the head is its label (Chromium paints no button in a head repeated on the next page).
  return el('th', { scope: 'col', 'aria-sort': 'none', 'data-label': column.label }, button);
}

export function table(columns: Column[], rows: Row[], options: TableOptions = {}): string {
  const sortable = columns.some((c) => c.sort);
  const main = rows.filter((r) => !r.foot);
  const foot = rows.filter((r) => r.foot);
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { id: options.id, class: [options.className, sortable ? 'sortable' : ''].filter(Boolean).join(' ') || undefined },
      options.caption ? el('caption', {}, text(options.caption)) : '',
      el('thead', {}, el('tr', {}, columns.map(th).join(''))),
      el('tbody', {}, main.map((r) => tr(r, columns)).join('')),
      foot.length ? el('tbody', { class: 'foot' }, foot.map((r) => tr(r, columns)).join('')) : '',
    ),
  );
}

/** The light as shape and word, never colour alone: `▲ 黄灯`. Sorts by the lights' order. */
export function statusCell(status: ProgressRow['status']): Cell {
  const order = ['green', 'yellow', 'red', 'no_target', 'no_data', 'missing'].indexOf(status);
  return { html: `<span class="light ${status}">${glyph(status)}${text(STATUS_LABEL[status] ?? status)}</span>`, v: order };
}

/** The light's shape (● ▲ ■ ✚ ◆ —), hidden from screen readers, which read the word beside it. */
export function glyph(status: ProgressRow['status']): string {
  return `<span class="glyph" aria-hidden="true">${text(STATUS_STYLE[status].glyph)}</span>`;
}

/** Where a cell's tint says the light, the shape and (for screen readers only) the word. */
export function lightMark(status: ProgressRow['status']): string {
  return `<span class="light ${status}">${glyph(status)}<span class="sr">${text(STATUS_LABEL[status] ?? status)}</span></span>`;
}

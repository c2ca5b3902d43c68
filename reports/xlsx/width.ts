import { displayWidth } from '../../pipelines/query/width';
import type { CellSpec } from './spec';

/**
 * Column widths and row heights that fit Chinese text. Excel measures a column in widths of the
 * default font's digit (Calibri 11: 7 px); a CJK character set in an 11 pt face is about two of
 * those, so text is measured by its display width (full-width characters count 2, as the query
 * table counts them, pipelines/query/width.ts) with a tenth more for the wider CJK advance.
 */
const CJK_SLACK = 1.1;
/** Cell padding, in character units. */
const PADDING = 2;
export const MIN_WIDTH = 5;
export const DEFAULT_MAX_WIDTH = 40;
/** Points per line of 11 pt text, and the extra a row needs around it. */
export const LINE_HEIGHT = 15;
export const ROW_PADDING = 4;

/**
 * One formatter per (decimals, grouping): `toLocaleString` with options builds a new
 * Intl.NumberFormat on every call (about 50 µs; 0.7 s of the sample year's 40 workbooks).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    formatters.set(key, f);
  }
  return f;
}

/** The text a cell shows: numbers as their format prints them (grouping, decimals, literals), dates as the format's length. */
export function shownText(cell: CellSpec): string {
  const { value, format } = cell;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return (format ?? '').replace(/"/g, '').replace('yyyy', '0000').replace(/\b[mdhs]\b|mm|dd|hh|ss/g, '00');
  const section = (format ?? '0').split(';')[value < 0 ? 1 : 0] ?? format ?? '0';
  const decimals = /0\.(0+)/.exec(section)?.[1].length ?? 0;
  const literals = [...section.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
  const digits = formatter(decimals, section.includes(',')).format(Math.abs(value));
  const sign = value < 0 ? '-' : section.startsWith('+') ? '+' : '';
  return sign + digits + literals;
}

/** The width the text needs on one line, in Excel's character units. */
export function textWidth(text: string): number {
  const longest = Math.max(0, ...text.split('\n').map((line) => displayWidth(line)));
  return Math.ceil(longest * CJK_SLACK);
}

/**
 * A column's width: its widest cell or the longest line of its header (long headers are set on
 * two lines where they are worded, `差值\n（个百分点）`), within [MIN_WIDTH, max].
 */
export function columnWidth(header: string, cells: readonly CellSpec[], max = DEFAULT_MAX_WIDTH): number {
  const widest = Math.max(0, ...cells.map((c) => textWidth(shownText(c))));
  return Math.min(max, Math.max(MIN_WIDTH, widest + PADDING, textWidth(header) + PADDING));
}

/**
 * How many lines `text` takes in a column `width` wide when it wraps: measured without the
 * widths' slack (so that a text the width was made for stays on one line), with a character's
 * room for the cell's margins.
 */
export function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** A row's height for its tallest wrapped cell. */
export function rowHeight(lines: number): number {
  return Math.max(1, lines) * LINE_HEIGHT + ROW_PADDING;
}

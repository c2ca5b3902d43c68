import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../pipelines/query/format-csv';
import { fitScale, pageBreaks, pageCapacity } from './pages';
import { cellSpec, HEADER_ROW, type CellSpec, type ColumnSpec, type RowSpec, type SheetSpec } from './spec';
import { columnWidth, DEFAULT_MAX_WIDTH, linesIn, rowHeight, textWidth } from './width';

/**
 * SheetSpecs → an exceljs workbook. Every sheet gets the same frame: the title and the line under
 * it merged across the table, the header row on a grey fill (the PDF's table head), thin rules
 * around every cell, the rows above the data frozen and repeated on every printed page, A4
 * landscape fitted to one page wide, pages breaking between blocks (pages.ts), and the sheet's
 * name and 第 N 页 in the footer.
 */

const FONT = { body: '宋体', heading: '黑体' } as const;
const SIZE = { title: 16, subtitle: 10, body: 11, note: 10 } as const;
const HEAD_FILL = '#F2F2F2';
const EXCELJS_DEFAULT_WIDTH = 9;
const TITLE_HEIGHT = 30;
const SUBTITLE_HEIGHT = 18;
const RULE: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: RULE, left: RULE, bottom: RULE, right: RULE };

export interface WorkbookInfo {
  /** Who the workbook is from (the issuing bureau), for its properties. */
  author: string;
  /** The document's date (the bulletin's issue date), never the clock. */
  date: Date;
  /** Printed at the top left of every page: the bulletin's document number. */
  pageHeader: string;
}

export function buildWorkbook(sheets: readonly SheetSpec[], info: WorkbookInfo): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = info.author;
  wb.lastModifiedBy = info.author;
  wb.created = info.date;
  wb.modified = info.date;
  for (const sheet of sheets) addSheet(wb, sheet, info);
  return wb;
}

/** Text as text: a leading = + - @ is neutralised as the CSV export does it (never read as a formula). */
export function safeText(text: string): string {
  return neutraliseFormula(text);
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

/** `&` starts a code in a header or footer; a literal one is doubled. */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, info: WorkbookInfo): void {
  const n = spec.columns.length;
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      horizontalCentered: true,
      printTitlesRow: `1:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&"${FONT.body}"&9${footerText(info.pageHeader)}`,
      oddFooter: `&L&"${FONT.body}"&9&A&R&"${FONT.body}"&9第 &P 页`,
    },
    views: [{ state: 'frozen', xSplit: spec.freezeColumns ?? 0, ySplit: HEADER_ROW, showGridLines: false }],
  });

  // Widths first: wrapped rows need them for their heights.
  const rows = spec.rows.map((r) => ('caption' in r ? r : { ...r, cells: r.cells.map(cellSpec) }));
  const widths = spec.columns.map((col, i) => {
    const cells = rows.flatMap((r) => ('caption' in r ? [] : [r.cells[i]])).filter((c): c is CellSpec => c !== undefined);
    return columnWidth(col.header, cells, col.maxWidth ?? DEFAULT_MAX_WIDTH);
  });
  widenForBanners(widths, spec);
  // exceljs drops a column whose width equals its default (9) from <cols>, and the program then
  // uses its own default (8.43 in Excel): such a column is made one unit wider.
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w === EXCELJS_DEFAULT_WIDTH ? w + 1 : w));

  banner(ws, 1, n, spec.title, { name: FONT.heading, size: SIZE.title, bold: true }, 'center', TITLE_HEIGHT);
  banner(ws, 2, n, spec.subtitle, { name: FONT.body, size: SIZE.subtitle }, 'right', SUBTITLE_HEIGHT);
  const headerHeight = header(ws, spec.columns, widths);

  let r = HEADER_ROW + 1;
  const merges: [number, number, number, number][] = [];
  const heights: number[] = [];
  for (const row of rows) {
    if ('caption' in row) {
      const cell = ws.getCell(r, 1);
      cell.value = safeText(row.caption);
      cell.style = { font: { name: FONT.heading, size: SIZE.body, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' }, border: BORDER };
      for (let c = 2; c <= n; c++) ws.getCell(r, c).style = { border: BORDER };
      merges.push([r, 1, r, n]);
      ws.getRow(r).height = rowHeight(1) + 2;
      heights.push(rowHeight(1) + 2);
    } else {
      let lines = 1;
      row.cells.forEach((spec_, i) => {
        const col = spec.columns[i];
        writeCell(ws.getCell(r, i + 1), spec_, col, Boolean(row.bold));
        if (typeof spec_.value === 'string' && col.kind === 'text' && !spec_.rowSpan) lines = Math.max(lines, linesIn(spec_.value, widths[i]));
        if (spec_.rowSpan && spec_.rowSpan > 1) merges.push([r, i + 1, r + spec_.rowSpan - 1, i + 1]);
      });
      ws.getRow(r).height = rowHeight(lines);
      heights.push(rowHeight(lines));
    }
    r += 1;
  }
  for (const m of merges) ws.mergeCells(...m);
  const capacity = pageCapacity(fitScale(widths), TITLE_HEIGHT + SUBTITLE_HEIGHT + headerHeight);
  for (const after of pageBreaks(heights, keptTogether(spec.rows, heights, capacity), capacity)) ws.getRow(HEADER_ROW + 1 + after).addPageBreak();

  r += 1;
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  for (const note of spec.notes) {
    banner(ws, r, n, note, { name: FONT.body, size: SIZE.note }, 'left', rowHeight(linesIn(note, tableWidth)));
    ws.getCell(r, 1).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    r += 1;
  }
}

/**
 * A narrow table (a unit's few warnings) still carries the title and the line under it on one
 * line each: the last text column (else the last column) takes what is missing.
 */
function widenForBanners(widths: number[], spec: SheetSpec): void {
  const needed = Math.max(Math.ceil((textWidth(spec.title) * SIZE.title) / SIZE.body), Math.ceil((textWidth(spec.subtitle) * SIZE.subtitle) / SIZE.body)) + 2;
  const missing = needed - widths.reduce((a, b) => a + b, 0);
  if (missing <= 0) return;
  const textColumns = spec.columns.map((c, i) => (c.kind === 'text' ? i : -1)).filter((i) => i >= 0);
  const i = textColumns.length ? textColumns[textColumns.length - 1] : widths.length - 1;
  widths[i] += missing;
}

/** A line merged across the table: the title, the subtitle, a note. */
function banner(ws: ExcelJS.Worksheet, r: number, n: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' | 'right', height: number) {
  const cell = ws.getCell(r, 1);
  cell.value = safeText(text);
  cell.style = { font, alignment: { horizontal, vertical: 'middle', wrapText: true } };
  if (n > 1) ws.mergeCells(r, 1, r, n);
  ws.getRow(r).height = height;
}

/**
 * How many rows from each row on print on one page: an indicator's lines (a cell spanning them);
 * a caption with its block where the block fits a page, else with the block's first row.
 */
function keptTogether(rows: readonly RowSpec[], heights: readonly number[], capacity: number): number[] {
  const spans = rows.map((row) => ('caption' in row ? 1 : Math.max(1, ...row.cells.map((c) => cellSpec(c).rowSpan ?? 1))));
  return rows.map((row, i) => {
    if (!('caption' in row)) return spans[i];
    let end = rows.findIndex((next, j) => j > i && 'caption' in next);
    if (end < 0) end = rows.length;
    const block = heights.slice(i, end).reduce((a, b) => a + b, 0);
    return block <= capacity ? end - i : 1 + (spans[i + 1] ?? 0);
  });
}

function header(ws: ExcelJS.Worksheet, columns: readonly ColumnSpec[], widths: readonly number[]): number {
  let lines = 1;
  columns.forEach((col, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = col.headerJoinsPrevious ? null : safeText(col.header);
    cell.style = {
      font: { name: FONT.heading, size: SIZE.body, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: solid(HEAD_FILL),
      border: BORDER,
    };
    // A joined header spans its columns: measure it against their sum.
    const span = columns.slice(i + 1).findIndex((c) => !c.headerJoinsPrevious);
    const width = widths.slice(i, span < 0 ? undefined : i + 1 + span).reduce((a, b) => a + b, 0);
    if (!col.headerJoinsPrevious) lines = Math.max(lines, linesIn(col.header, width));
    if (col.headerJoinsPrevious) {
      let start = i;
      while (start > 0 && columns[start].headerJoinsPrevious) start -= 1;
      if (!columns[i + 1]?.headerJoinsPrevious) ws.mergeCells(HEADER_ROW, start + 1, HEADER_ROW, i + 1);
    }
  });
  ws.getRow(HEADER_ROW).height = rowHeight(lines);
  return rowHeight(lines);
}

function writeCell(cell: ExcelJS.Cell, spec: CellSpec, col: ColumnSpec, rowBold: boolean) {
  const { value } = spec;
  cell.value = typeof value === 'string' ? safeText(value) : value;
  const isNumber = typeof value === 'number' || value instanceof Date;
  const horizontal = spec.align ?? (col.kind === 'text' ? 'left' : col.kind === 'label' ? 'center' : isNumber ? 'right' : 'center');
  cell.style = {
    font: { name: FONT.body, size: SIZE.body, bold: spec.bold ?? rowBold },
    alignment: { horizontal, vertical: 'middle', wrapText: col.kind === 'text' },
    border: BORDER,
    ...(spec.format ? { numFmt: spec.format } : {}),
    ...(spec.fill ? { fill: solid(spec.fill) } : {}),
  };
}

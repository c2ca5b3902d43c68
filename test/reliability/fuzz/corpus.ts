/**
 * The valid submissions the fuzzer starts from, as data that mutations can edit before they are
 * written: a workbook (填报信息 + the three tables, each under a title row) and the CSV form of
 * each table. Everything here is accepted by `nrp ingest` as it stands (the fuzz tests check it).
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | Date | null | { formula: string; result?: unknown } | { sharedFormula: string; result?: unknown } | { richText: { text: string }[] };

export interface SheetModel {
  name: string;
  rows: Cell[][];
  /** Rows above the header (titles). */
  titleRows: number;
  state?: 'visible' | 'hidden' | 'veryHidden';
  merges?: string[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
}

export const UNIT = '海宁市';
export const PERIOD = '2023Q2';

export const HEADERS = {
  指标进度: ['指标代码', '指标名称', '累计完成', '分子', '分母', '备注'],
  供地台账: ['地块编号', '项目名称', '供地方式', '土地用途', '供地面积（亩）', '是否存量', '成交价款（万元）', '供地日期',
    '约定开工日期', '约定竣工日期', '实际开工日期', '实际竣工日期', '延期开工日期', '延期竣工日期'],
  卫片图斑: ['图斑编号', '监测批次', '新增建设占用耕地面积（亩）', '违法占用耕地面积（亩）', '判定类型', '整改状态'],
} as const;
export type TableTitle = keyof typeof HEADERS;
export const TABLE_TITLES = Object.keys(HEADERS) as TableTitle[];

/** Columns holding numbers, by table: where hostile numbers go. */
export const NUMERIC_COLUMNS: Record<TableTitle, number[]> = { 指标进度: [2, 3, 4], 供地台账: [4, 6], 卫片图斑: [2, 3] };

function dataRows(table: TableTitle, n: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 1; i <= n; i++) {
    if (table === '指标进度') {
      rows.push(i % 2 ? ['new_farmland', '新增耕地', 100 + i, null, null, null] : ['idle_land_disposal', null, null, i, 10 * i, '备注']);
    } else if (table === '供地台账') {
      rows.push([`HN-${i}`, `项目${i}`, i % 3 ? '出让' : '划拨', i % 2 ? '工业' : '住宅', 10 + i, i % 2 ? '否' : '是', i % 3 ? 500 + i : null,
        '2023-02-01', '2023-05-01', '2024-05-01', null, null, null, null]);
    } else {
      const illegal = i % 4 === 0;
      rows.push([`T${i}`, '2023Q1', 2 + i / 10, illegal ? 0.5 : 0, illegal ? '违法' : '合法', null]);
    }
  }
  return rows.slice(0, table === '指标进度' ? 2 : n);
}

/**
 * The valid workbook: 填报信息, then the tables (default all three) under a title row: 指标进度
 * with 2 rows, 供地台账 and 卫片图斑 with `rows` rows each.
 */
export function baseWorkbook(rows = 5, tables: readonly TableTitle[] = TABLE_TITLES): WorkbookModel {
  return {
    sheets: [
      { name: '填报信息', rows: [['填报单位', UNIT], ['报告期', PERIOD]], titleRows: 0 },
      ...tables.map((t) => ({ name: t, titleRows: 1, rows: [[`${UNIT}${PERIOD} ${t}`], [...HEADERS[t]], ...dataRows(t, rows)] as Cell[][] })),
    ],
  };
}

export function cloneWorkbook(m: WorkbookModel): WorkbookModel {
  return { sheets: m.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), merges: s.merges ? [...s.merges] : undefined })) };
}

export async function workbookBytes(m: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // a fixed date: the same model gives the same bytes
  wb.created = wb.modified = new Date(Date.UTC(2023, 6, 1));
  for (const s of m.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]);
    for (const range of s.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV form: one table, the header and its rows, the name `<单位>_<报告期>_<表名>.csv`. */
export interface CsvModel {
  table: TableTitle;
  rows: (string | null)[][];
  encoding: 'utf8' | 'bom' | 'gbk';
  lineEnd: '\r\n' | '\n';
}

export function baseCsv(table: TableTitle, rows = 5): CsvModel {
  const text = (c: Cell) => (c === null ? null : String(c));
  return { table, rows: [[...HEADERS[table]], ...dataRows(table, rows).map((r) => r.map(text))], encoding: 'utf8', lineEnd: '\r\n' };
}

export function cloneCsv(m: CsvModel): CsvModel {
  return { ...m, rows: m.rows.map((r) => [...r]) };
}

export function csvBytes(m: CsvModel): Buffer {
  const text = m.rows
    .map((r) => r.map((v) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
    .join(m.lineEnd) + m.lineEnd;
  if (m.encoding === 'gbk') return require('iconv-lite').encode(text, 'gbk') as Buffer;
  return Buffer.from((m.encoding === 'bom' ? '\ufeff' : '') + text, 'utf8');
}

export const csvName = (table: TableTitle) => `${UNIT}_${PERIOD}_${table}.csv`;
export const workbookName = `${UNIT}_${PERIOD}.xlsx`;

export function writeBytes(path: string, bytes: Buffer): string {
  writeFileSync(path, bytes);
  return path;
}

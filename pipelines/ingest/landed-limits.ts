import { limitMessages } from '../messages';
import type { Warehouse } from '../warehouse';
import { landedTable, type LandedTable } from './landed';
import type { IngestLimits } from './limits';
import { columnLetter, TABLES, type TableSpec } from './tables';
import { MAX_LISTED_ERRORS, type IngestIssue } from './types';

/** A value read from 填报信息 (label in column A, value in column B). */
export interface InfoCell {
  label: string;
  value?: string;
  row?: number;
}

/** One file's landed tables and 填报信息 values, for the limits. */
export interface LimitInput {
  fileId: number;
  file: string;
  tables: LandedTable[];
  info: InfoCell[];
}

type Counted = { file_id: number; n: number; suspects: number };
type Suspect = { file_id: number; source_row: number; col: string; chars: number; nul: boolean; preview: string };

/** A cell over the length limit, or holding NUL (invalid in a workbook's XML, cut off by C strings downstream). */
const suspectTest = (key: string, limits: IngestLimits) => `strlen(${key}::varchar) > ${limits.maxCellChars} or contains(${key}::varchar, chr(0))`;

/**
 * 填报信息 values and, in the landed tables, rows over NRP_MAX_ROWS, cells over
 * NRP_MAX_CELL_CHARS and cells holding NUL characters, as errors by file (checked before the
 * contract checks, which need not run on text of that size). A long cell is reported by its
 * address and length; its text is cut to a preview. The shared landed tables are counted once
 * for all files; one scan counts the rows and, with cheap tests (strlen counts bytes, never fewer
 * than the characters length counts), the suspect ones; only files with any are looked at again.
 */
export async function landedLimitErrors(wh: Warehouse, inputs: LimitInput[], limits: IngestLimits): Promise<Map<number, IngestIssue[]>> {
  const found = new Map<string, IngestIssue[]>(); // by `${fileId}/${table key}`
  const byFile = new Map(inputs.map((i) => [i.fileId, i]));
  const landedOf = (fileId: number, key: string) => byFile.get(fileId)!.tables.find((t) => t.table.key === key)!;
  const add = (fileId: number, key: string, issue: IngestIssue) => {
    const k = `${fileId}/${key}`;
    if (!found.has(k)) found.set(k, []);
    found.get(k)!.push(issue);
  };
  for (const table of TABLES) {
    const shared = inputs.filter((i) => i.tables.some((t) => t.table.key === table.key && t.path !== 'csv-fast')).map((i) => i.fileId);
    if (shared.length > 0) await checkShared(wh, table, shared, limits, landedOf, add, byFile);
  }
  // The CSV fast path tests the sizes of its text cells in the scan that checks the rules
  // (fast_patches_check.sql; a file with a long cell goes down the text path, whose table is
  // checked in full) and holds no NUL (land-csv.ts). Its numbers, typed by read_csv (DOUBLE),
  // print in at most 24 characters, so only a limit below that has its cells tested here.
  for (const input of inputs) {
    for (const t of input.tables.filter((x) => x.path === 'csv-fast')) {
      const columns = limits.maxCellChars >= 24 ? [] : t.table.columns.map((c) => c.key);
      const rows = await wh.all<Counted>(countSql(t.relation, columns, limits, input.fileId));
      for (const c of rows) tooManyRows(c, t, limits, add);
      if (rows.some((c) => c.suspects > 0)) for (const s of await wh.all<Suspect>(suspectSql(t.relation, columns, limits, [input.fileId]))) describe(s, landedOf(s.file_id, t.table.key), add, limits);
    }
  }
  const out = new Map<number, IngestIssue[]>();
  for (const input of inputs) {
    const issues: IngestIssue[] = [];
    for (const c of input.info) {
      const chars = c.value === undefined ? 0 : [...c.value].length;
      if (chars <= limits.maxCellChars) continue;
      const text = limitMessages.cellTooLong(c.label, chars, limits.maxCellChars);
      issues.push({
        severity: 'error', code: 'cell_too_long', file: input.file, sheet: '填报信息', cell: `填报信息!B${c.row ?? ''}`, row: c.row, column: 'B',
        header: c.label, value: `${c.value!.slice(0, 40)}…`, zh: text.zh, en: text.en,
      });
    }
    for (const t of input.tables) issues.push(...(found.get(`${input.fileId}/${t.table.key}`) ?? []).map((i) => ({ ...i, file: input.file })));
    if (issues.length > 0) out.set(input.fileId, issues);
  }
  return out;
}

async function checkShared(
  wh: Warehouse, table: TableSpec, fileIds: number[], limits: IngestLimits,
  landedOf: (fileId: number, key: string) => LandedTable, add: (fileId: number, key: string, issue: IngestIssue) => void, byFile: Map<number, LimitInput>,
): Promise<void> {
  const relation = `(select * from ${landedTable(table.key)} where file_id in (${fileIds.join(', ')}))`;
  const columns = table.columns.map((c) => c.key);
  const counted = await wh.all<Counted>(countSql(relation, columns, limits));
  const suspects: number[] = [];
  for (const c of counted) {
    if (!byFile.has(c.file_id)) continue;
    if (tooManyRows(c, landedOf(c.file_id, table.key), limits, add)) continue; // its cells are not looked at
    if (c.suspects > 0) suspects.push(c.file_id);
  }
  if (suspects.length === 0) return;
  for (const s of await wh.all<Suspect>(suspectSql(relation, columns, limits, suspects))) {
    if (byFile.has(s.file_id)) describe(s, landedOf(s.file_id, table.key), add, limits);
  }
}

/** Rows and suspect rows by file (`single`: a file's own table, counted without grouping). */
const countSql = (relation: string, columns: string[], limits: IngestLimits, single?: number) =>
  `select ${single ?? 'file_id'} as file_id, count(*) as n, ${columns.length > 0 ? `count(*) filter (where ${columns.map((k) => suspectTest(k, limits)).join(' or ')})` : '0'} as suspects ` +
  `from ${relation}${single === undefined ? ' group by file_id' : ''}`;

/** The suspect cells of the given files, at most MAX_LISTED_ERRORS a file. */
function suspectSql(relation: string, columns: string[], limits: IngestLimits, fileIds: number[]): string {
  const prefilter = columns.map((k) => suspectTest(k, limits)).join(' or ');
  const suspect = columns
    .map((key) => `select file_id, source_row, '${key}' as col, length(${key}::varchar) as chars, contains(${key}::varchar, chr(0)) as nul, ` +
      `left(replace(${key}::varchar, chr(0), '\\0'), 40) as preview from suspect_rows ` +
      `where length(${key}::varchar) > ${limits.maxCellChars} or contains(${key}::varchar, chr(0))`)
    .join(' union all ');
  return `with suspect_rows as materialized (select * from ${relation} where file_id in (${fileIds.join(', ')}) and (${prefilter})) ` +
    `select * exclude (k) from (select *, row_number() over (partition by file_id order by source_row, col) as k from (${suspect})) ` +
    `where k <= ${MAX_LISTED_ERRORS} order by file_id, source_row, col`;
}

/** A table over NRP_MAX_ROWS: an error for the table (true). */
function tooManyRows(c: Counted, landed: LandedTable, limits: IngestLimits, add: (fileId: number, key: string, issue: IngestIssue) => void): boolean {
  if (c.n <= limits.maxRows) return false;
  const where = landed.sheet ?? landed.table.name;
  const text = limitMessages.tooManyRows(where, String(c.n), limits.maxRows);
  add(c.file_id, landed.table.key, { severity: 'error', code: 'too_many_rows', file: '', sheet: where, zh: text.zh, en: text.en });
  return true;
}

function describe(f: Suspect, landed: LandedTable, add: (fileId: number, key: string, issue: IngestIssue) => void, limits: IngestLimits): void {
  const index = landed.header.columns.get(f.col);
  if (index === undefined) return;
  const column = columnLetter(index);
  const header = landed.table.columns.find((c) => c.key === f.col)?.header ?? f.col;
  const tooLong = f.chars > limits.maxCellChars;
  const text = tooLong ? limitMessages.cellTooLong(header, f.chars, limits.maxCellChars) : limitMessages.nulInCell(header);
  add(f.file_id, landed.table.key, {
    severity: 'error', code: tooLong ? 'cell_too_long' : 'nul_in_cell', file: '', sheet: landed.sheet ?? landed.table.name,
    cell: landed.sheet ? `${landed.sheet}!${column}${f.source_row}` : `${column}${f.source_row}`,
    row: f.source_row, column, header, value: tooLong ? `${f.preview}…` : f.preview, zh: text.zh, en: text.en,
  });
}

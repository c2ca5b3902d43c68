import { cellMessages, type CellContext } from '../messages';
import { parsePeriod, periodCode, periodEnd, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import type { LandedTable } from './landed';
import type { CheckRow } from './layout';
import { ingestLimits } from './limits';
import { mark } from './profile';
import { ingestSql, sqlString } from './sql';
import { columnLetter, headerOf, type TableSpec } from './tables';
import { MAX_LISTED_ERRORS, type IngestIssue } from './types';

/** What the rules found in a table's data rows. */
export interface RuleCheck {
  /** Data rows after dropping blank rows. */
  rows: number;
  errors: IngestIssue[];
  errorCount: number;
}

/** A file's table to check: where it was landed, the file's period and name. */
export interface CheckTarget {
  landed: LandedTable;
  period: Period;
  file: string;
}

/**
 * 监测批次 → period code, as SQL: the distinct texts of the files read by pipelines/period.ts
 * (the one period parser), written as a CASE (few values, the usual case) or, for many, a
 * lookup table.
 */
async function batchPeriodSql(wh: Warehouse, relation: string): Promise<string> {
  const distinct = await wh.all<{ batch: string }>(`select distinct batch from ${relation} where batch is not null`);
  const mapped = distinct
    .map((d) => ({ raw: d.batch, p: parsePeriod(d.batch) }))
    .filter((d): d is { raw: string; p: Period } => d.p !== undefined);
  if (mapped.length === 0) return 'null::varchar';
  if (mapped.length <= 200) return `case batch ${mapped.map((m) => `when ${sqlString(m.raw)} then '${periodCode(m.p)}'`).join(' ')} end`;
  await wh.run('create or replace temp table batch_map (raw varchar primary key, period varchar)');
  for (let i = 0; i < mapped.length; i += 500) {
    const values = mapped.slice(i, i + 500).map((m) => `(${sqlString(m.raw)}, '${periodCode(m.p)}')`);
    await wh.run(`insert into batch_map values ${values.join(', ')}`);
  }
  return '(select m.period from batch_map m where m.raw = batch)';
}

/**
 * The fast path of one 卫片图斑 CSV (read_csv typed its numbers): its typed rows as a view,
 * `typed_patches_fast_<file>`, and one cheap scan that says whether they are clean; if anything
 * is unusual the file is read again as text, where the rules give precise errors.
 */
export async function checkFast(wh: Warehouse, target: CheckTarget, data: string): Promise<RuleCheck | 'read_as_text'> {
  const { landed, period } = target;
  const view = fastView(landed.fileId);
  const batch_period = await batchPeriodSql(wh, data);
  const vars = { year: period.year, period: periodCode(period), max_cell_chars: ingestLimits().maxCellChars };
  let verdict: { bad: number; duplicates: number; longest: number | null; rows: number };
  try {
    await wh.run(ingestSql('typed_patches_fast', { landed: data, batch_period, view }));
    verdict = (await wh.one<{ bad: number; duplicates: number; longest: number | null; rows: number }>(ingestSql('fast_patches_check', { ...vars, typed: view })))!;
  } catch {
    await wh.run(`drop view if exists ${view}`).catch(() => undefined);
    return 'read_as_text';
  }
  if (verdict.bad > 0 || verdict.duplicates > 0 || (verdict.longest ?? 0) > vars.max_cell_chars) {
    await wh.run(`drop view if exists ${view}`);
    return 'read_as_text';
  }
  return { rows: verdict.rows, errors: [], errorCount: 0 };
}

/** The typed rows of a file on the CSV fast path (typed_patches_fast.sql). */
export const fastView = (fileId: number) => `typed_patches_fast_${fileId}`;

/**
 * Normalises the data rows of every file of one table kind (`data`, with file_id) into
 * typed_<key> and runs the rules of the contract on them (sql/ingest/errors_<key>.sql): one
 * statement each for all the files, whose periods come from the batch's ingest_files.
 */
export async function checkShared(wh: Warehouse, table: TableSpec, data: string, targets: CheckTarget[]): Promise<Map<number, RuleCheck>> {
  const key = table.key;
  const out = new Map<number, RuleCheck>(targets.map((t) => [t.landed.fileId, { rows: 0, errors: [], errorCount: 0 }]));
  if (targets.length === 0) return out;
  const batch_period = key === 'patches' ? await batchPeriodSql(wh, data) : '';
  mark('batch map');
  await wh.run(ingestSql(`typed_${key}`, { landed: data, batch_period }));
  mark(`typed ${key}`);
  for (const r of await wh.all<{ file_id: number; n: number }>(`select file_id, count(*) as n from typed_${key} group by file_id`)) {
    if (out.has(r.file_id)) out.get(r.file_id)!.rows = r.n;
  }
  await wh.run(`create or replace temp table check_errors as ${ingestSql(`errors_${key}`, { landed: data })}`);
  mark(`errors ${key}`);
  const counts = await wh.all<{ file_id: number; n: number }>('select file_id, count(*) as n from check_errors group by file_id');
  if (counts.length > 0) {
    const found = await wh.all<CheckRow & { file_id: number }>(
      `select * exclude (k) from (select *, row_number() over (partition by file_id order by source_row, col, code) as k from check_errors) ` +
        `where k <= ${MAX_LISTED_ERRORS + 50} order by file_id, source_row, col, code`,
    );
    const byFile = new Map(targets.map((t) => [t.landed.fileId, t]));
    for (const c of counts) if (out.has(c.file_id)) out.get(c.file_id)!.errorCount = c.n;
    for (const t of targets) {
      const rows = found.filter((f) => f.file_id === t.landed.fileId);
      if (rows.length === 0) continue;
      out.get(t.landed.fileId)!.errors = toIssues(rows, t.landed, byFile.get(t.landed.fileId)!.file, t.period, 'error').sort(
        (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? ''),
      );
    }
  }
  await wh.run('drop table if exists check_errors');
  return out;
}

/**
 * A `required` error on a column the header lacks is one file-level error for that column,
 * not one per row; everything else names its cell.
 */
export function toIssues(found: CheckRow[], landed: LandedTable, file: string, period: Period, severity: 'error' | 'warning'): IngestIssue[] {
  const out: IngestIssue[] = [];
  const missingReported = new Set<string>();
  const table = landed.table;
  for (const r of found) {
    const index = landed.header.columns.get(r.col);
    const header = headerOf(table, r.col);
    if (index === undefined && r.code === 'required') {
      if (missingReported.has(r.col)) continue;
      missingReported.add(r.col);
      out.push({
        severity, code: 'missing_column', file, sheet: landed.sheet ?? table.name, header,
        zh: `缺少列“${header}”（第 ${r.source_row} 行等需要填写）`, en: `missing column "${header}" (row ${r.source_row} and others need it)`,
        expected: { zh: `表头中有“${header}”列`, en: `a "${header}" column in the header row` },
      });
      continue;
    }
    const letter = index === undefined ? undefined : columnLetter(index);
    const cellAt = letter ? `${letter}${r.source_row}` : `${r.source_row}`;
    const context: CellContext = { h: header, d: r.detail, unit: unitOf(r), periodEnd: periodEnd(period), v: r.raw, word: r.word ?? undefined };
    const text = (cellMessages[r.code] ?? ((c: CellContext) => ({ zh: `${c.h}：${r.code}`, en: `${c.h}: ${r.code}` })))(context);
    out.push({
      severity,
      code: r.code,
      file,
      sheet: landed.sheet ?? table.name,
      cell: landed.sheet ? `${landed.sheet}!${cellAt}` : cellAt,
      row: r.source_row,
      column: letter,
      header,
      value: r.raw,
      expected: text,
      zh: text.zh,
      en: text.en,
    });
  }
  return out;
}

function unitOf(r: CheckRow): string | null {
  if (r.code !== 'not_a_number') return null;
  return r.detail;
}

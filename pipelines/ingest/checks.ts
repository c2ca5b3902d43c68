import { cellMessages, type CellContext } from '../messages';
import { parsePeriod, periodCode, periodEnd, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import { ingestLimits } from './limits';
import { mark } from './profile';
import type { LandedTable } from './landed';
import type { CheckRow } from './layout';
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

/**
 * 监测批次 → period code, as SQL: the distinct texts of the file read by pipelines/period.ts
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
 * Normalises a landed table's data rows (`landed.relation`) into typed_<key> and runs the rules
 * of the contract on them (sql/ingest/errors_<key>.sql).
 */
export async function checkTable(wh: Warehouse, landed: LandedTable, period: Period, file: string): Promise<RuleCheck | 'read_as_text'> {
  const key = landed.table.key;
  if (landed.path === 'csv-fast') {
    const batch_period = await batchPeriodSql(wh, landed.relation);
    mark('batch map');
    const vars = { year: period.year, period: periodCode(period), max_cell_chars: ingestLimits().maxCellChars };
    let verdict: { bad: number; duplicates: number; longest: number | null; rows: number };
    try {
      await wh.run(ingestSql(`typed_${key}_fast`, { landed: landed.relation, batch_period }));
      mark('typed (fast)');
      verdict = (await wh.one<{ bad: number; duplicates: number; longest: number | null; rows: number }>(ingestSql(`fast_${key}_check`, vars)))!;
    } catch {
      await wh.run(`drop view if exists typed_${key}`).catch(() => undefined);
      return 'read_as_text';
    }
    mark('fast path');
    if (verdict.bad > 0 || verdict.duplicates > 0 || (verdict.longest ?? 0) > vars.max_cell_chars) {
      await wh.run(`drop view if exists typed_${key}`); // typed_*_fast.sql makes a view; the text path makes a table
      return 'read_as_text';
    }
    const rows = verdict.rows;
    return { rows, errors: [], errorCount: 0 };
  }
  const batch_period = key === 'patches' ? await batchPeriodSql(wh, landed.relation) : '';
  mark('batch map');
  const vars = { period_end: periodEnd(period), year: period.year, quarter: period.quarter, period: periodCode(period) };
  await wh.run(ingestSql(`typed_${key}`, { landed: landed.relation, batch_period, ...vars }));
  mark('typed');
  const rows = (await wh.one<{ n: number }>(`select count(*) as n from typed_${key}`))!.n;
  await wh.run(`create or replace temp table check_errors as ${ingestSql(`errors_${key}`, { landed: landed.relation, ...vars })}`);
  mark('errors');
  const errorCount = (await wh.one<{ n: number }>('select count(*) as n from check_errors'))!.n;
  const found = errorCount
    ? await wh.all<CheckRow>(`select * from check_errors order by source_row, col, code limit ${MAX_LISTED_ERRORS + 50}`)
    : [];
  await wh.run('drop table if exists check_errors');
  const errors = toIssues(found, landed, file, period, 'error').sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? ''),
  );
  return { rows, errors, errorCount };
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
    const context: CellContext = { h: header, d: r.detail, unit: unitOf(table, r), periodEnd: periodEnd(period), v: r.raw, word: r.word ?? undefined };
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

function unitOf(table: TableSpec, r: CheckRow): string | null {
  if (r.code !== 'not_a_number') return null;
  return r.detail;
}

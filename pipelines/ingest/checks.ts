import { cellMessages, type CellContext } from '../messages';
import { parsePeriod, periodCode, periodEnd, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import { ingestLimits } from './limits';
import { mark } from './profile';
import { ingestSql, sqlString } from './sql';
import type { LandedTable } from './landed';
import { columnLetter, headerOf, type TableSpec } from './tables';
import { MAX_LISTED_ERRORS, type IngestIssue } from './types';

/** One row of an errors_* / warnings_* query. */
interface CheckRow {
  source_row: number;
  col: string;
  raw: string | null;
  code: string;
  detail: string | null;
}

export interface TableCheck {
  landed: LandedTable;
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

/** Normalises a landed table into typed_<key> and runs its checks. */
export async function checkTable(wh: Warehouse, landed: LandedTable, period: Period, file: string): Promise<TableCheck | 'read_as_text'> {
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
    return { landed, rows, errors: [], errorCount: 0 };
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
  return { landed, rows, errors, errorCount };
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
    const context: CellContext = { h: header, d: r.detail, unit: unitOf(table, r), periodEnd: periodEnd(period) };
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

export interface WarningContext {
  unitCode: string;
  period: Period;
  /** Schema prefix for history (`` or `src.`), where earlier loads are read. */
  hist: string;
  /** Detail tables landed from this same file. */
  hasLandSupply: boolean;
  hasPatches: boolean;
}

/** Warnings for 指标进度 (run only for a file without errors). */
export async function indicatorWarnings(wh: Warehouse, landed: LandedTable, ctx: WarningContext, file: string): Promise<IngestIssue[]> {
  const { period, hist } = ctx;
  // the latest version of a table, as the registry view says (sql/migrations/030)
  const latest = (table: string, p: string) =>
    `(select submission_id from ${hist}submission_versions where unit_code = ${sqlString(ctx.unitCode)} and period = '${p}' ` +
    `and table_name = '${table}' and is_latest)`;
  const code = periodCode(period);
  await wh.run(
    ctx.hasLandSupply
      ? `create or replace temp view check_land_supply as select v_supply_method as supply_method, v_land_use as land_use,
           v_area_mu as area_mu, v_is_stock as is_stock, v_price_wan as price_wan, v_supply_date as supply_date,
           v_agreed_start_date as agreed_start_date, v_agreed_completion_date as agreed_completion_date,
           v_actual_start_date as actual_start_date, v_actual_completion_date as actual_completion_date,
           v_extended_start_date as extended_start_date, v_extended_completion_date as extended_completion_date from typed_land_supply`
      : `create or replace temp view check_land_supply as select * from ${hist}raw_land_supply where submission_id = ${latest('供地台账', code)}`,
  );
  await wh.run(
    ctx.hasPatches
      ? `create or replace temp view check_patches as select v_batch as batch, v_occupied_farmland_mu as occupied_farmland_mu,
           v_illegal_farmland_mu as illegal_farmland_mu from typed_patches`
      : `create or replace temp view check_patches as select * from ${hist}raw_patches where submission_id = ${latest('卫片图斑', code)}`,
  );
  await wh.run(
    `create or replace temp table computed_details as ${ingestSql('computed_from_details', {
      year_start: `${period.year}-01-01`, period_end: periodEnd(period), year: period.year, period: code,
    })}`,
  );
  const prev = period.quarter > 1 ? `${period.year}Q${period.quarter - 1}` : undefined;
  await wh.run(
    prev
      ? `create or replace temp table prev_progress as select '${prev}' as period, indicator_code, cumulative_value
           from ${hist}raw_indicator_progress where submission_id = ${latest('指标进度', prev)}`
      : `create or replace temp table prev_progress as select '' as period, indicator_code, cumulative_value from raw_indicator_progress where false`,
  );
  const found = await wh.all<CheckRow>(`select * from (${ingestSql('warnings_indicator_progress')}) order by source_row, code`);
  await wh.run('drop view if exists check_land_supply; drop view if exists check_patches; drop table if exists computed_details; drop table if exists prev_progress');
  return toIssues(found, landed, file, period, 'warning');
}

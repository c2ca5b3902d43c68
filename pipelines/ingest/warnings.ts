import { periodCode, periodEnd, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import { toIssues } from './checks';
import type { TableCheck } from './check';
import type { LandedTable } from './landed';
import type { CheckRow, Layout } from './layout';
import { ingestSql, sqlString } from './sql';
import type { IngestIssue } from './types';

/**
 * The total rows of a ledger or patch table against the detail rows they cover
 * (sql/ingest/warnings_totals.sql): a warning for each typed total that differs by more than
 * 0.01, or is not a number. Run on a table without errors, after typed_<key> holds its rows.
 */
export async function totalWarnings(wh: Warehouse, landed: LandedTable, layout: Layout, period: Period, file: string): Promise<IngestIssue[]> {
  const { table } = landed;
  if (layout.totalRows === 0 || table.summed.length === 0) return [];
  const keys = table.summed.map((s) => s.key);
  const sql = ingestSql('warnings_totals', {
    landed: layout.allRelation,
    key: table.key,
    segment_of: await segmentOf(wh, layout.allRelation),
    // as text (the CSV fast path has typed them: 10 reads back as 10.0, shown as typed, 10)
    total_cells: keys.map((k) => `regexp_replace(${k}::varchar, '\\.0$', '') as ${k}`).join(', '),
    segment_sums: keys.map((k) => `sum(v_${k}) as ${k}`).join(', '),
    sums: keys.map((k) => `sum(s.${k}) as sum_${k}`).join(', '),
    cells: table.summed
      .map((s) => `select source_row, word, '${s.key}' as col, ${s.key} as raw, ${sqlString(s.unit)} as unit, sum_${s.key} as computed from covered`)
      .join(' union all '),
  });
  const found = await wh.all<CheckRow>(`select * from (${sql}) order by source_row, col`);
  return toIssues(found, landed, file, period, 'warning');
}

/**
 * The first total row below a detail row (`source_row`), as SQL: a chain of comparisons over the
 * total rows' positions (a table has a few; the detail rows are summed in one pass), or, for a
 * table with very many, a lookup.
 */
async function segmentOf(wh: Warehouse, relation: string): Promise<string> {
  const rows = await wh.all<{ source_row: number }>(
    `select source_row from ${relation} where row_kind in ('合计', '总计', '小计', '累计') order by source_row`,
  );
  if (rows.length <= 1000) return `case ${rows.map((r) => `when source_row < ${r.source_row} then ${r.source_row}`).join(' ')} else 2147483647 end`;
  return `coalesce((select min(t.source_row) from ${relation} as t where t.row_kind in ('合计', '总计', '小计', '累计') and t.source_row > detail.source_row), 2147483647)`;
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

/**
 * Step 5 of ingest (a file without errors): each table's warnings, kept on the table's check for
 * its registry row: the total rows of the detail tables, and 指标进度 against the details and the
 * previous period.
 */
export async function tableWarnings(wh: Warehouse, checks: TableCheck[], ctx: Omit<WarningContext, 'hasLandSupply' | 'hasPatches'>, file: string): Promise<void> {
  const loaded = (key: string) => checks.some((c) => c.landed.table.key === key && c.rows > 0);
  for (const c of checks) {
    if (c.rows === 0) continue;
    c.warnings = c.landed.table.key === 'indicator_progress'
      ? await indicatorWarnings(wh, c.landed, { ...ctx, hasLandSupply: loaded('land_supply'), hasPatches: loaded('patches') }, file)
      : await totalWarnings(wh, c.landed, c.layout, ctx.period, file);
  }
}

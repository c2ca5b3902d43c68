import { installRuleMacros } from '../models/macros';
import type { Warehouse } from '../warehouse';
import { fastView, toIssues } from './checks';
import type { Source } from './history';
import type { CheckRow } from './layout';
import { mark } from './profile';
import { ingestSql, sqlString } from './sql';
import type { TableKey } from './tables';
import type { IngestIssue } from './types';
import { keyTaskMessages } from '../messages/ingest';
import type { FileWork, TableCheck } from './work';

/** The typed rows of one file's table: its view on the CSV fast path, else its rows of typed_<key>. */
export const typedOf = (c: TableCheck) => (c.landed.path === 'csv-fast' ? fastView(c.landed.fileId) : `(select * from typed_${c.landed.table.key} where file_id = ${c.landed.fileId})`);

/**
 * The total rows of a ledger or patch table against the detail rows they cover
 * (sql/ingest/warnings_totals.sql): a warning for each typed total that differs by more than
 * 0.01, or is not a number. Run on a table without errors; few tables have total rows, so each
 * is looked at on its own.
 */
async function totalWarnings(wh: Warehouse, w: FileWork, c: TableCheck): Promise<IngestIssue[]> {
  const { table } = c.landed;
  if (c.layout.totalRows === 0 || table.summed.length === 0) return [];
  const keys = table.summed.map((s) => s.key);
  const sql = ingestSql('warnings_totals', {
    landed: c.landed.relation,
    typed: typedOf(c),
    segment_of: await segmentOf(wh, c.landed.relation),
    // as text (the CSV fast path has typed them: 10 reads back as 10.0, shown as typed, 10)
    total_cells: keys.map((k) => `regexp_replace(${k}::varchar, '\\.0$', '') as ${k}`).join(', '),
    segment_sums: keys.map((k) => `sum(v_${k}) as ${k}`).join(', '),
    sums: keys.map((k) => `sum(s.${k}) as sum_${k}`).join(', '),
    cells: table.summed
      .map((s) => `select source_row, word, '${s.key}' as col, ${s.key} as raw, ${sqlString(s.unit)} as unit, sum_${s.key} as computed from covered`)
      .join(' union all '),
  });
  const found = await wh.all<CheckRow>(`select * from (${sql}) order by source_row, col`);
  return toIssues(found, c.landed, w.report.file, w.period!, 'warning');
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

const kpiInstalled = new WeakSet<Warehouse>();

/** The KPI macros computed_from_details.sql shares with the models (sql/macros), as temp macros, once a connection. */
async function installKpiMacros(wh: Warehouse): Promise<void> {
  if (kpiInstalled.has(wh)) return;
  await installRuleMacros(wh, { temp: true });
  kpiInstalled.add(wh);
}

/** What the warnings read beside the files: where earlier loads are (`hist`), which typed tables this batch made. */
export interface WarningContext {
  hist: string;
  /** The kinds checked in this batch (typed_<key> exists). */
  typed: Set<TableKey>;
  /** Every file of the batch, by id (sources may be files that are not warned about themselves). */
  byId: Map<number, FileWork>;
}

/** A snapshot's rows for the files that read it: registry rows (raw table) or a batch file's typed rows. */
function sourceRows(ctx: WarningContext, purpose: Source['purpose'], key: TableKey, raw: string, columns: [string, string][], sources: Source[]): string {
  const parts = [
    `select s.file_id, s.period, ${columns.map(([, r]) => `r.${r}`).join(', ')} from warn_sources as s ` +
      `join ${ctx.hist}${raw} as r on r.submission_id = s.submission_id where s.purpose = '${purpose}'`,
  ];
  const fromFiles = [...new Set(sources.filter((s) => s.purpose === purpose && s.sourceFile !== undefined).map((s) => s.sourceFile!))];
  const fast = fromFiles.filter((id) => ctx.byId.get(id)?.checks.find((c) => c.landed.table.key === key)?.landed.path === 'csv-fast');
  const typedColumns = columns.map(([v, r]) => `t.${v} as ${r}`).join(', ');
  if (fromFiles.length > fast.length && ctx.typed.has(key)) {
    parts.push(`select s.file_id, s.period, ${typedColumns} from warn_sources as s join typed_${key} as t on t.file_id = s.source_file where s.purpose = '${purpose}'`);
  }
  for (const id of fast) {
    parts.push(`select s.file_id, s.period, ${typedColumns} from warn_sources as s join ${fastView(id)} as t on t.file_id = s.source_file where s.purpose = '${purpose}'`);
  }
  return parts.join(' union all ');
}

const LAND_COLUMNS: [string, string][] = ['supply_method', 'land_use', 'area_mu', 'is_stock', 'price_wan', 'supply_date', 'agreed_start_date',
  'agreed_completion_date', 'actual_start_date', 'actual_completion_date', 'extended_start_date', 'extended_completion_date'].map((c) => [`v_${c}`, c]);
const PATCH_COLUMNS: [string, string][] = ['batch', 'occupied_farmland_mu', 'illegal_farmland_mu'].map((c) => [`v_${c}`, c]);

/**
 * 指标进度 against the details and the previous period (warnings_indicator_progress.sql), for
 * every file holding one at once: each file's detail tables are its own, or the latest loaded
 * for the same unit and period; its previous period is the latest version loaded before it
 * (history.ts says which, by file: warn_sources).
 */
async function indicatorWarnings(wh: Warehouse, files: FileWork[], sources: Source[], ctx: WarningContext): Promise<void> {
  const warned = files.filter((w) => w.checks.some((c) => c.landed.table.key === 'indicator_progress' && c.rows > 0));
  if (warned.length === 0) return;
  await wh.run(`create or replace temp table warn_files as select * from (values ${warned.map((w) => `(${w.id})`).join(', ')}) as v(file_id)`);
  // Only a file that declares an indicator the details compute (most units leave them to the
  // details) needs the details computed: the KPI macros' query is the costliest of the warnings.
  const declaring = (await wh.all<{ file_id: number }>(
    `select distinct t.file_id from typed_indicator_progress as t join ingest_files as f on f.file_id = t.file_id
     join indicators as i on i.year = f.year and i.code = t.v_indicator_code
     where i.source <> 'summary' and t.file_id in (select file_id from warn_files)`,
  )).map((r) => r.file_id);
  if (declaring.length > 0) {
    await installKpiMacros(wh);
    const detail = sources.filter((s) => (s.purpose !== 'land_supply' && s.purpose !== 'patches') || declaring.includes(s.fileId));
    await wh.run(`create or replace temp view check_land_supply as select * exclude (period) from (${sourceRows(ctx, 'land_supply', 'land_supply', 'raw_land_supply', LAND_COLUMNS, detail)})`);
    await wh.run(`create or replace temp view check_patches as select * exclude (period) from (${sourceRows(ctx, 'patches', 'patches', 'raw_patches', PATCH_COLUMNS, detail)})`);
    await wh.run(`create or replace temp table computed_details as ${ingestSql('computed_from_details', { files: `(select * from ingest_files where file_id in (${declaring.join(', ')}))` })}`);
  } else {
    await wh.run('create or replace temp table computed_details (file_id integer, indicator_code varchar, numerator double, denominator double, computed double)');
  }
  await wh.run(`create or replace temp table prev_progress as ${sourceRows(ctx, 'prev_progress', 'indicator_progress', 'raw_indicator_progress', [['v_indicator_code', 'indicator_code'], ['v_cumulative_value', 'cumulative_value']], sources)}`);
  const found = await wh.all<CheckRow & { file_id: number }>(`select * from (${ingestSql('warnings_indicator_progress')}) order by file_id, source_row, code`);
  await wh.run('drop view if exists check_land_supply; drop view if exists check_patches; drop table if exists computed_details; drop table if exists prev_progress; drop table if exists warn_files');
  for (const w of warned) {
    const c = w.checks.find((x) => x.landed.table.key === 'indicator_progress')!;
    c.warnings = toIssues(found.filter((f) => f.file_id === w.id), c.landed, w.report.file, w.period!, 'warning');
  }
}

/**
 * 重点工作进展 (key-tasks.md): W-K2 and W-K3 at their cells, and W-K1, a warning of the file for
 * each milestone of the division's tasks it has no row for; for every division file at once.
 * The division's earlier reports of the year are each earlier period's latest snapshot loaded
 * before the file (history.ts: warn_sources).
 */
async function keyTaskWarnings(wh: Warehouse, files: FileWork[], sources: Source[], ctx: WarningContext): Promise<void> {
  const warned = files.filter((w) => w.checks.some((c) => c.landed.table.key === 'key_task_progress' && c.rows > 0));
  if (warned.length === 0) return;
  await wh.run(`create or replace temp table warn_files as select * from (values ${warned.map((w) => `(${w.id})`).join(', ')}) as v(file_id)`);
  const columns: [string, string][] = [['v_task_code', 'task_code'], ['v_milestone_no', 'milestone_no'], ['v_progress_status', 'progress_status'], ['source_row', 'source_row']];
  await wh.run(`create or replace temp table kt_earlier as ${sourceRows(ctx, 'earlier_reports', 'key_task_progress', 'raw_key_task_progress', columns, sources)}`);
  const cells = await wh.all<CheckRow & { file_id: number }>(`select * from (${ingestSql('warnings_key_task_progress')}) order by file_id, source_row, code`);
  const missing = await wh.all<{ file_id: number; task_code: string; milestone_no: number; milestone: string }>(ingestSql('warnings_key_task_missing'));
  await wh.run('drop table if exists kt_earlier; drop table if exists warn_files');
  for (const w of warned) {
    const c = w.checks.find((x) => x.landed.table.key === 'key_task_progress')!;
    const notReported = missing.filter((m) => m.file_id === w.id).map((m): IngestIssue => {
      const text = keyTaskMessages.milestoneNotReported(m.task_code, m.milestone_no, m.milestone);
      return { severity: 'warning', code: 'W-K1', file: w.report.file, sheet: c.landed.sheet ?? c.landed.table.name, zh: text.zh, en: text.en };
    });
    c.warnings = [...toIssues(cells.filter((f) => f.file_id === w.id), c.landed, w.report.file, w.period!, 'warning'), ...notReported];
  }
}

/**
 * Step 5 of ingest (files without errors, about to load or validated): each table's warnings,
 * kept on the table's check for its registry row: the total rows of the detail tables,
 * 指标进度 against the details and the previous period, 重点工作进展 against the catalogue and the
 * division's earlier reports; set-based for all the files at once.
 */
export async function batchWarnings(wh: Warehouse, files: FileWork[], sources: Source[], ctx: WarningContext): Promise<void> {
  if (files.length === 0) return;
  await wh.run(
    'create or replace temp table warn_sources (file_id integer, purpose varchar, period varchar, submission_id bigint, source_file integer)' +
      (sources.length ? `; insert into warn_sources values ${sources.map((s) => `(${s.fileId}, '${s.purpose}', '${s.period}', ${s.submissionId ?? 'null'}, ${s.sourceFile ?? 'null'})`).join(', ')}` : ''),
  );
  for (const w of files) {
    for (const c of w.checks) if (c.rows > 0 && c.landed.table.summed.length > 0) c.warnings = await totalWarnings(wh, w, c);
  }
  await indicatorWarnings(wh, files, sources, ctx);
  await keyTaskWarnings(wh, files, sources, ctx);
  await wh.run('drop table if exists warn_sources');
  mark('warnings');
  for (const w of files) w.report.warnings = w.checks.flatMap((c) => c.warnings);
}

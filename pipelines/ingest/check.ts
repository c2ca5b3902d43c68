import { periodCode, periodEnd, periodStart } from '../period';
import type { Warehouse } from '../warehouse';
import { createCatalogue } from './catalogue';
import { checkFast, checkShared, toIssues, type CheckTarget, type RuleCheck } from './checks';
import { landCsv } from './land-csv';
import type { LandTarget } from './land';
import { landedTable, type LandedTable } from './landed';
import { landedLimitErrors } from './landed-limits';
import { dataRelation, layoutsOf, type Layout } from './layout';
import type { IngestLimits } from './limits';
import { mark } from './profile';
import { sqlString } from './sql';
import { TABLES, type TableKey } from './tables';
import { reject, type FileWork, type TableCheck } from './work';

/**
 * The batch's files with a period, as ingest_files (file_id, unit_code, year, quarter, period,
 * period_end, year_start): the per-file values the checks and warnings join to.
 */
async function writeIngestFiles(wh: Warehouse, files: FileWork[]): Promise<void> {
  const rows = files.map((w) =>
    `(${w.id}, ${w.unit ? sqlString(w.unit.code) : 'null'}, ${w.period!.year}, ${w.period!.quarter}, '${periodCode(w.period!)}', ` +
    `date '${periodEnd(w.period!)}', date '${periodStart(w.period!)}')`);
  await wh.run(
    'create or replace temp table ingest_files (file_id integer, unit_code varchar, year integer, quarter integer, period varchar, period_end date, year_start date)' +
      (rows.length ? `; insert into ingest_files values ${rows.join(', ')}` : ''),
  );
}

/**
 * Step 4 of ingest, for every file of the batch with a period at once: total rows and the
 * footer set aside (layout.ts), then every rule of the contract on the data rows (checks.ts),
 * one statement per table kind for all the files; typed_<key> is left for the warnings and the
 * load. A 卫片图斑 CSV on the fast path is checked on its own first; one whose fast path found
 * anything unusual is read again as text and joins the others (its size limits checked in full:
 * over a limit, the file is refused).
 */
export async function checkFiles(wh: Warehouse, files: FileWork[], land: LandTarget, limits: IngestLimits): Promise<Set<TableKey>> {
  const typed = new Set<TableKey>();
  await writeIngestFiles(wh, files);
  const rules = new Map<string, { layout: Layout; rules: RuleCheck; landed: LandedTable }>(); // by `${file}/${key}`
  for (const w of files) {
    for (const [i, t] of w.tables.entries()) {
      if (t.path !== 'csv-fast') continue;
      const layout = (await layoutsOf(wh, t.table, t.relation, [w.id], { single: true })).get(w.id)!;
      const verdict = await checkFast(wh, { landed: t, period: w.period!, file: w.report.file }, dataRelation(t.relation, new Map([[w.id, layout]]), { single: true }));
      mark('fast path (a file)');
      if (verdict !== 'read_as_text') {
        rules.set(`${w.id}/${t.table.key}`, { layout, rules: verdict, landed: t });
        continue;
      }
      const again = (await landCsv(wh, w.id, w.path, w.bytes!, t.table, land.tempDir, { fast: false })).landed!;
      w.tables[i] = again;
      // the fast path left the cell-size limits to its check: as text, they are checked in full
      const over = (await landedLimitErrors(wh, [{ fileId: w.id, file: w.report.file, tables: [again], info: [] }], limits)).get(w.id);
      if (over) reject(w, ...over);
    }
  }
  if (files.some((w) => !w.done && w.tables.some((t) => t.table.key === 'key_task_progress'))) await createCatalogue(wh);
  mark('checks set-up');
  for (const table of TABLES) {
    const targets: CheckTarget[] = files
      .filter((w) => !w.done)
      .flatMap((w) => w.tables.filter((t) => t.table.key === table.key && t.path !== 'csv-fast').map((t) => ({ landed: t, period: w.period!, file: w.report.file })));
    if (targets.length === 0) continue;
    const ids = targets.map((t) => t.landed.fileId);
    const layouts = await layoutsOf(wh, table, landedTable(table.key), ids);
    mark(`layout ${table.key}`);
    const checked = await checkShared(wh, table, dataRelation(landedTable(table.key), layouts), targets);
    typed.add(table.key);
    for (const t of targets) rules.set(`${t.landed.fileId}/${table.key}`, { layout: layouts.get(t.landed.fileId)!, rules: checked.get(t.landed.fileId)!, landed: t.landed });
  }
  for (const w of files) {
    if (w.done) continue;
    w.checks = w.tables.map((t): TableCheck => {
      const { layout, rules: r } = rules.get(`${w.id}/${t.table.key}`)!;
      const afterFooter = toIssues(layout.errorRows, t, w.report.file, w.period!, 'error');
      return { landed: t, layout, warnings: [], rows: r.rows, errors: [...afterFooter, ...r.errors], errorCount: r.errorCount + afterFooter.length };
    });
  }
  return typed;
}

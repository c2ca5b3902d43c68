import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbMessage } from '../errors';
import { fileMessages } from '../messages';
import { periodCode } from '../period';
import type { Warehouse } from '../warehouse';
import { checkFiles } from './check';
import { earlyDuplicates, fillDuplicates, planLoads, registryRows } from './history';
import { identityByName, identifySubmission, isDivision, type Submitters } from './identity';
import { landFile, type LandTarget } from './land';
import { landedKinds } from './landed';
import { BatchLanders } from './lander';
import { landedLimitErrors } from './landed-limits';
import { ingestLimits, type IngestLimits } from './limits';
import { loadFiles } from './load';
import { mark } from './profile';
import { sniffFile } from './sniff';
import { TABLES, type TableKey } from './tables';
import { MAX_LISTED_ERRORS, type FileReport } from './types';
import { batchWarnings } from './warnings';
import { zipProblem } from './zip-check';
import { submitterTables } from './submitter';
import { fileError, newWork, open, reject, type FileWork } from './work';

export interface BatchContext {
  /** validate: check only, write nothing. */
  dryRun: boolean;
  /** Schema prefix where earlier loads are read ('' = this warehouse, 'src.' = an attached one). */
  hist: string;
  who: Submitters;
  /** Skip bytes loaded before even when superseded (IngestOptions.onlyNew). */
  onlyNew?: boolean;
  /** Called before each file is read (progress), with its index among all the call's files. */
  onFile?: (path: string) => void;
}

/**
 * The files of one call (or one slice of a large call), through the steps of ingest together:
 * each file is read and landed on its own (sniff → zip → land), then every later step runs once
 * for all of them (limits → identify → check → duplicates → warnings → load), set-based with a
 * file_id column, so that a file costs its rows, not a round of statements. Every file still gets
 * its own report and is accepted or rejected on its own; every accepted file loads whole, in one
 * transaction with the others. Never throws for bad input.
 */
export async function runBatch(wh: Warehouse, paths: string[], ctx: BatchContext): Promise<FileReport[]> {
  const limits = ingestLimits();
  const work = paths.map((p, i) => newWork(i + 1, p));
  const tempDir = mkdtempSync(join(tmpdir(), 'nrp-ingest-'));
  const land: LandTarget = { tempDir, landers: new BatchLanders(tempDir) };
  const typed = new Set<TableKey>();
  try {
    mark('batch set-up');
    for (const w of work) sniff(w, limits);
    // the registry rows of the units the names give (and of these bytes): duplicates known before reading, and the plan's
    const named = new Set(open(work).map((w) => identityByName(w.path, ctx.who)?.unit.code).filter((c): c is string => c !== undefined));
    let registry = ctx.dryRun ? [] : await registryRows(wh, ctx.hist, { units: [...named], shas: open(work).map((w) => w.report.sha256!) });
    if (!ctx.dryRun) earlyDuplicates(work, ctx.who, registry, ctx.onlyNew ?? false);
    mark('duplicates before reading');
    for (const w of work) {
      ctx.onFile?.(w.path);
      if (!w.done) await landOne(wh, w, land, limits);
    }
    await land.landers.land(wh);
    mark('land workbooks (one statement a kind)');
    const over = await landedLimitErrors(wh, open(work).map((w) => ({ fileId: w.id, file: w.report.file, tables: w.tables, info: w.info })), limits);
    for (const [id, errors] of over) reject(work[id - 1], ...errors);
    mark('limits');
    for (const w of open(work)) identify(w, ctx.who);
    mark('identify');
    const checked = open(work).filter((w) => w.period);
    for (const k of await checkFiles(wh, checked, land, limits)) typed.add(k);
    const valid = open(work).filter(settle);
    if (!ctx.dryRun) {
      const unread = valid.map((w) => w.unit!.code).filter((c) => !named.has(c)); // (units named only in 填报信息)
      if (unread.length > 0) registry = [...registry.filter((r) => !unread.includes(r.unit_code)), ...(await registryRows(wh, ctx.hist, { units: unread }))];
      const plan = planLoads(valid, registry, { dryRun: false, anyVersion: ctx.onlyNew ?? false });
      mark('plan loads (duplicates, versions)');
      await batchWarnings(wh, plan.loads, plan.sources, { hist: ctx.hist, typed, byId: new Map(work.map((w) => [w.id, w])) });
      await loadWithFallback(wh, plan.loads);
      fillDuplicates(work);
    } else {
      const plan = planLoads(valid, await registryRows(wh, ctx.hist, { units: valid.map((w) => w.unit!.code) }), { dryRun: true, anyVersion: false });
      await batchWarnings(wh, valid, plan.sources, { hist: ctx.hist, typed, byId: new Map(work.map((w) => [w.id, w])) });
      for (const w of valid) w.report.status = 'accepted';
    }
    return work.map((w) => w.report);
  } finally {
    land.landers.close();
    await dropTemps(wh, work, typed);
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Step 1: size, bytes, sha256, CSV or workbook. */
function sniff(w: FileWork, limits: IngestLimits): void {
  const sniffed = sniffFile(w.path, limits);
  w.report.sha256 = sniffed.sha256 ?? null;
  if (!('bytes' in sniffed)) return reject(w, fileError(w, sniffed.code, sniffed.text));
  w.bytes = sniffed.bytes;
  w.form = sniffed.form;
}

/** Step 2: zip bombs and damaged workbooks refused before anything inflates them; the tables landed. */
async function landOne(wh: Warehouse, w: FileWork, land: LandTarget, limits: IngestLimits): Promise<void> {
  if (w.form === 'workbook') {
    const zip = await zipProblem(w.bytes!, limits, w.inflated);
    mark('zip check');
    if (zip) return reject(w, fileError(w, zip.code, zip.text));
  }
  const landed = await landFile(wh, w.id, w.path, w.bytes!, w.form!, land, w.inflated);
  mark(w.form === 'csv' ? 'land csv (one statement a file)' : 'read workbook');
  w.inflated.clear();
  const fatal = landed.problems.find((p) => p.fatal);
  if (fatal) return reject(w, fileError(w, fatal.code, fatal.text, { sheet: fatal.sheet }));
  w.report.errors.push(...landed.problems.map((p) => fileError(w, p.code, p.text, { sheet: p.sheet })));
  // (said for the units until the submitter is known: identify)
  if (landed.noTables) w.report.errors.push(fileError(w, 'missing_sheet', fileMessages.noTables, { sheet: TABLES.filter((t) => t.submitter === 'unit').map((t) => t.name).join('/') }));
  w.tables = landed.tables;
  w.temps.push(...landed.tables.flatMap((t) => t.temps));
  w.sheet = landed.sheet;
  w.info = [{ label: '填报单位', value: landed.sheet?.unit, row: landed.sheet?.unitRow }, { label: '报告期', value: landed.sheet?.period, row: landed.sheet?.periodRow }];
}

/** Step 3: unit (or division) and period; the tables that are not the submitter's are refused. */
function identify(w: FileWork, who: Submitters): void {
  const { unit, period, errors } = identifySubmission(w.path, w.sheet, who);
  const missing = w.report.errors.findIndex((e) => e.code === 'missing_sheet');
  if (missing >= 0 && isDivision(unit)) w.report.errors[missing] = fileError(w, 'missing_sheet', fileMessages.noDivisionTable, { sheet: '重点工作进展' });
  w.report.errors.push(...errors);
  if (unit) Object.assign(w.report, { unit_code: unit.code, unit_name: unit.name });
  if (period) w.report.period = periodCode(period);
  w.unit = unit;
  w.period = period;
  const { kept, refused } = submitterTables(w, unit);
  w.tables = kept;
  w.report.errors.push(...refused);
}

/** The file's checks in its report; true when it has no error (and so loads, or is valid). */
function settle(w: FileWork): boolean {
  const report = w.report;
  const checks = w.checks;
  report.errors.push(...checks.flatMap((c) => c.errors));
  report.error_count = report.errors.length + checks.reduce((n, c) => n + Math.max(0, c.errorCount - c.errors.length), 0);
  report.tables = checks.map((c) => ({
    table_name: c.landed.table.name, sheet_name: c.landed.sheet, rows: c.rows, path: c.landed.path,
    total_rows: c.layout.totalRows, footer_rows: c.layout.footerRows,
  }));
  if (report.errors.length > 0 || !w.unit || !w.period) {
    report.errors = report.errors.slice(0, MAX_LISTED_ERRORS);
    report.error_count = Math.max(report.error_count, report.errors.length);
    report.status = 'rejected';
    w.done = true;
    return false;
  }
  return true;
}

/** All the batch's files in one transaction; should that fail, each file in its own, each with its own report. */
async function loadWithFallback(wh: Warehouse, loads: FileWork[]): Promise<void> {
  try {
    await loadFiles(wh, loads);
    for (const w of loads) w.report.status = 'accepted';
    return;
  } catch {
    for (const w of loads) w.report.tables.forEach((t) => { delete t.version; delete t.submission_id; });
  }
  for (const w of loads) {
    try {
      await loadFiles(wh, [w]);
      w.report.status = 'accepted';
    } catch (failure) {
      w.report.tables.forEach((t) => { delete t.version; delete t.submission_id; });
      reject(w, fileError(w, 'load_failed', fileMessages.loadFailed(duckdbMessage(failure))));
    }
  }
}

/** The batch's temp tables and views: gone whatever happened (one round trip). */
async function dropTemps(wh: Warehouse, work: FileWork[], typed: Set<TableKey>): Promise<void> {
  const drops = [
    ...landedKinds(wh).map((k) => `drop table if exists landed_${k}`),
    ...[...typed].map((k) => `drop table if exists typed_${k}`),
    'drop table if exists ingest_files', 'drop table if exists batch_map', 'drop table if exists check_errors', 'drop view if exists kt_catalogue',
    ...work.flatMap((w) => (w.temps.length ? [`drop view if exists typed_patches_fast_${w.id}`, ...w.temps.map((x) => `drop table if exists ${x}`)] : [])),
  ];
  await wh.run(drops.join('; ')).catch(async () => {
    for (const d of drops) await wh.run(d).catch(() => undefined);
  });
}

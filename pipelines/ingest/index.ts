/**
 * Ingest: the programmatic API (used by `nrp ingest`, `nrp validate`, `nrp run` and the sample
 * data tests). Stable; add fields, do not rename them.
 *
 *   ingestFiles(wh, paths, options?) → Promise<IngestReport>
 *     wh: a warehouse open for writing (openForWrite / withWriteWarehouse: migrated and seeded).
 *     paths: files or folders (folders are walked, .xlsx/.xlsm/.csv; hidden and ~$ lock files skipped).
 *     Each file is validated and, when it has no error, loaded in its own transaction: registry
 *     rows in `submissions` (version = previous + 1 per unit × period × table) and the rows in
 *     raw_indicator_progress / raw_land_supply / raw_patches, each with its source_row. A file with
 *     any error loads nothing. A file whose bytes (sha256) are already the latest version of every
 *     table they hold for the same unit and period (and table, for a CSV) is reported as
 *     `duplicate` and not loaded again; the same bytes under another unit's or period's name load.
 *
 *   validateFiles(paths, options?) → Promise<IngestReport>
 *     The same checks on an in-memory warehouse with the seeds; nothing is written. With
 *     options.historyDb (an existing warehouse file), that warehouse is attached read-only so
 *     that the previous-period warnings can be given.
 *
 *   IngestReport: { dry_run, files: FileReport[], accepted, rejected, duplicates }
 *   FileReport: { path, file, status: 'accepted'|'rejected'|'duplicate', sha256, unit_code,
 *                 unit_name, period, tables: [{ table_name, sheet_name, rows, path?, version?, submission_id? }],
 *                 errors: IngestIssue[], error_count, warnings: IngestIssue[] }
 *   IngestIssue: { severity, code, file, sheet?, cell? ('供地台账!E7', or 'E7' in a CSV), row?,
 *                  column?, header?, value? (raw text), expected?: {zh, en}, zh, en }
 *
 *   expandPaths(paths) → string[]: the files a list of files and folders stands for, in load order.
 *   formatReport(report) → string: the text nrp ingest / validate print.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CliError } from '../errors';
import { ingestMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { loadSeeds, migrate, Warehouse } from '../warehouse';
import { runBatch, type BatchContext } from './batch';
import { loadSubmitters } from './identity';
import { mark } from './profile';
import { ingestSql, sqlString } from './sql';
import type { FileReport, IngestOptions, IngestReport } from './types';

export type { FileReport, IngestIssue, IngestOptions, IngestPath, IngestReport, TableLoad } from './types';
export { formatReport, formatIssue } from './report';

/** The value rules of sql/ingest/macros.sql (the KPI rules, for the warnings, when a file needs them: warnings.ts). */
async function installMacros(wh: Warehouse): Promise<void> {
  await wh.run(ingestSql('macros'));
}

function summarise(dryRun: boolean, files: IngestReport['files']): IngestReport {
  return {
    dry_run: dryRun,
    files,
    accepted: files.filter((f) => f.status === 'accepted').length,
    rejected: files.filter((f) => f.status === 'rejected').length,
    duplicates: files.filter((f) => f.status === 'duplicate').length,
  };
}

/** Files per batch, and bytes: a call with more is taken in slices, each loaded before the next is read. */
const BATCH_FILES = 500;
const BATCH_BYTES = 256 * 1024 * 1024;

function slices(files: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const f of files) {
    let size = 0;
    try {
      size = statSync(f).size;
    } catch {
      size = 0; // reading it says why it cannot be read
    }
    if (current.length > 0 && (current.length >= BATCH_FILES || bytes + size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function runAll(wh: Warehouse, files: string[], ctx: Omit<BatchContext, 'onFile'>, options: IngestOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  let index = 0;
  for (const slice of slices(files)) {
    reports.push(...(await runBatch(wh, slice, { ...ctx, onFile: (path) => options.onFile?.(path, index++, files.length) })));
  }
  return reports;
}

export async function ingestFiles(wh: Warehouse, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
  mark('ingest start');
  const files = expandPaths(paths);
  await installMacros(wh);
  mark('install macros');
  const who = await loadSubmitters(wh);
  return summarise(false, await runAll(wh, files, { dryRun: false, hist: '', who, onlyNew: options.onlyNew }, options));
}

export async function validateFiles(paths: string[], options: IngestOptions & { historyDb?: string } = {}): Promise<IngestReport> {
  const files = expandPaths(paths);
  const wh = await Warehouse.open(':memory:');
  try {
    await migrate(wh);
    await loadSeeds(wh);
    await installMacros(wh);
    let hist = '';
    if (options.historyDb && existsSync(options.historyDb)) {
      try {
        await wh.run(`attach ${sqlString(options.historyDb)} as src (read_only)`);
        await wh.one('select count(*) from src.submission_versions'); // (a warehouse from before migration 030 has none)
        hist = 'src.';
      } catch {
        hist = ''; // locked or older: no previous-period warnings, the checks still run
      }
    }
    const who = await loadSubmitters(wh);
    return summarise(true, await runAll(wh, files, { dryRun: true, hist, who }, options));
  } finally {
    wh.close();
  }
}

const SUBMITTED = /\.(xlsx|xlsm|xls|csv)$/i;

/**
 * Files first by period (from the name), then workbooks and detail CSVs before 指标进度 CSVs
 * (whose declared figures are checked against the details), then by name.
 */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw CliError.usage(ingestMessages.noSuchPath(p));
    if (statSync(p).isDirectory()) {
      const found = walk(p);
      if (found.length === 0) throw CliError.usage(ingestMessages.noFilesIn(p));
      out.push(...found);
    } else out.push(p);
  }
  const key = (f: string) => {
    const parts = basename(f).split('_');
    const period = parts[1] ? parsePeriod(parts[1]) : undefined;
    return [period ? periodCode(period) : '', /指标进度/.test(basename(f)) ? 1 : 0, f] as const;
  };
  return [...new Set(out)].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0].localeCompare(kb[0]) || ka[1] - kb[1] || (ka[2] < kb[2] ? -1 : ka[2] > kb[2] ? 1 : 0);
  });
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (SUBMITTED.test(entry.name)) out.push(full);
  }
  return out;
}

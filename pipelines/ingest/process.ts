import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { duckdbMessage } from '../errors';
import { fileMessages } from '../messages';
import { periodCode } from '../period';
import type { Warehouse } from '../warehouse';
import { checkTables } from './check';
import { asDuplicate, duplicateOf } from './duplicate';
import { identifySubmission, type UnitRow } from './identity';
import { landFile } from './land';
import { landedLimitErrors } from './landed-limits';
import { ingestLimits } from './limits';
import { loadSubmission } from './load';
import { mark } from './profile';
import { sniffFile } from './sniff';
import { tableWarnings } from './warnings';
import { zipProblem } from './zip-check';
import { MAX_LISTED_ERRORS, type FileReport, type IngestIssue } from './types';

export interface ProcessContext {
  /** validate: check only, write nothing. */
  dryRun: boolean;
  /** Schema prefix where earlier loads are read ('' = this warehouse, 'src.' = an attached one). */
  hist: string;
  units: UnitRow[];
  /** Skip bytes loaded before even when superseded (IngestOptions.onlyNew). */
  onlyNew?: boolean;
}

type Text = { zh: string; en: string };

/**
 * Validates one file and, unless dry-run, loads it in one transaction. Never throws for bad
 * input. The steps: sniff (size, bytes, sha256, type) → duplicate? → zip checks → land (the
 * tables into temp tables) → size limits → identify (unit, period) → check (total rows and the
 * footer set aside, the contract's rules on the data rows) → warnings → load.
 */
export async function processFile(wh: Warehouse, path: string, ctx: ProcessContext): Promise<FileReport> {
  const file = basename(path);
  const report: FileReport = {
    path, file, status: 'rejected', sha256: null, unit_code: null, unit_name: null, period: null,
    tables: [], errors: [], error_count: 0, warnings: [],
  };
  const reject = (...errors: IngestIssue[]) => {
    report.errors.push(...errors);
    report.error_count = report.errors.length;
    report.status = 'rejected';
    return report;
  };
  const error = (code: string, text: Text, extra: Partial<IngestIssue> = {}): IngestIssue => ({ severity: 'error', code, file, ...extra, zh: text.zh, en: text.en });

  mark('start');
  const limits = ingestLimits();
  const sniffed = sniffFile(path, limits);
  report.sha256 = sniffed.sha256 ?? null;
  if (!('bytes' in sniffed)) return reject(error(sniffed.code, sniffed.text));

  // the workbook parts zipProblem inflated and verified, by local header offset: the direct reader takes them from here
  const inflatedParts = new Map<number, Buffer>();
  if (sniffed.form === 'workbook') {
    // zip bombs and truncated or damaged workbooks are refused before anything inflates them
    const zip = await zipProblem(sniffed.bytes, limits, inflatedParts);
    if (zip) return reject(error(zip.code, zip.text));
  }

  const tempDir = mkdtempSync(join(tmpdir(), 'nrp-ingest-'));
  const temps: string[] = [];
  try {
    const landed = await landFile(wh, path, sniffed.bytes, sniffed.form, tempDir, inflatedParts);
    const fatal = landed.problems.find((p) => p.fatal);
    if (fatal) return reject(error(fatal.code, fatal.text, { sheet: fatal.sheet }));
    report.errors.push(...landed.problems.map((p) => error(p.code, p.text, { sheet: p.sheet })));
    for (const s of landed.tables) temps.push(...s.temps);
    mark('landed');
    const overLimit = await landedLimitErrors(wh, landed.tables, file, limits, [
      { label: '填报单位', value: landed.sheet?.unit, row: landed.sheet?.unitRow }, { label: '报告期', value: landed.sheet?.period, row: landed.sheet?.periodRow },
    ]);
    if (overLimit.length > 0) return reject(...overLimit);

    const { unit, period, errors: identityErrors } = identifySubmission(path, landed.sheet, ctx.units);
    report.errors.push(...identityErrors);
    if (unit) {
      report.unit_code = unit.code;
      report.unit_name = unit.name;
    }
    if (period) report.period = periodCode(period);
    // the same bytes as the latest version of this unit × period (× table, for a CSV): nothing to load
    if (!ctx.dryRun && unit && period && identityErrors.length === 0) {
      const table = sniffed.form === 'csv' ? landed.tables[0]?.table.name : undefined;
      const dup = await duplicateOf(wh, sniffed.sha256, { unitCode: unit.code, period: periodCode(period), table }, ctx.onlyNew ?? false);
      if (dup) return asDuplicate(report, dup, ctx.units);
    }

    const checked = period
      ? await checkTables(wh, landed.tables, period, { path, file, bytes: sniffed.bytes, tempDir, limits, temps })
      : { checks: [], errors: [] };
    if ('limitErrors' in checked) return reject(...checked.limitErrors);
    const { checks } = checked;
    report.errors.push(...checked.errors);
    report.error_count = report.errors.length + checks.reduce((n, c) => n + Math.max(0, c.errorCount - c.errors.length), 0);
    report.tables = checks.map((c) => ({
      table_name: c.landed.table.name, sheet_name: c.landed.sheet, rows: c.rows, path: c.landed.path,
      total_rows: c.layout.totalRows, footer_rows: c.layout.footerRows,
    }));
    if (report.errors.length > 0 || !unit || !period) {
      report.errors = report.errors.slice(0, MAX_LISTED_ERRORS);
      report.error_count = Math.max(report.error_count, report.errors.length);
      report.status = 'rejected';
      return report;
    }

    await tableWarnings(wh, checks, { unitCode: unit.code, period, hist: ctx.hist }, file);
    report.warnings = checks.flatMap((c) => c.warnings);
    mark('warnings');
    if (!ctx.dryRun) {
      try {
        await loadSubmission(wh, report, checks, path);
        mark('loaded');
      } catch (failure) {
        report.tables.forEach((t) => { delete t.version; delete t.submission_id; });
        return reject(error('load_failed', fileMessages.loadFailed(duckdbMessage(failure))));
      }
    }
    report.status = 'accepted';
    return report;
  } finally {
    await dropTemps(wh, [...temps, 'batch_map']);
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** The temp tables and views a file was read into: gone whatever happened. */
async function dropTemps(wh: Warehouse, temps: string[]): Promise<void> {
  for (const t of temps) {
    await wh.run(`drop view if exists ${t}`).catch(() => undefined);
    await wh.run(`drop table if exists ${t}`).catch(() => undefined);
  }
}

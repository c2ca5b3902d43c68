import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { duckdbMessage } from '../errors';
import { fileMessages } from '../messages';
import { periodCode, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import { checkTable, indicatorWarnings, type TableCheck } from './checks';
import { parseFileName, periodOf, resolveUnit, type UnitRow } from './identity';
import { fileSizeProblem, ingestLimits, LimitExceeded, stagedLimitErrors, zipProblem } from './limits';
import { mark } from './profile';
import { stageCsv } from './source-csv';
import { stageWorkbook } from './source-xlsx';
import { ingestSql, sqlString } from './sql';
import type { StagedTable } from './staged';
import { headerOf, tableByName, TABLES } from './tables';
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

function issue(file: string, code: string, text: Text, extra: Partial<IngestIssue> = {}): IngestIssue {
  return { severity: 'error', code, file, ...extra, zh: text.zh, en: text.en };
}

/** Validates one file and, unless dry-run, loads it in one transaction. Never throws for bad input. */
export async function processFile(wh: Warehouse, path: string, ctx: ProcessContext): Promise<FileReport> {
  const file = basename(path);
  const report: FileReport = {
    path, file, status: 'rejected', sha256: null, unit_code: null, unit_name: null, period: null,
    tables: [], errors: [], error_count: 0, warnings: [],
  };
  const fail = (code: string, text: Text, extra: Partial<IngestIssue> = {}) => {
    report.errors.push(issue(file, code, text, extra));
    report.error_count = report.errors.length;
    return report;
  };

  mark('start');
  const limits = ingestLimits();
  const tooLarge = fileSizeProblem(path, limits);
  if (tooLarge) return fail(tooLarge.code, tooLarge.text);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail('unreadable', fileMessages.unreadable((error as Error).message));
  }
  mark('read');
  report.sha256 = createHash('sha256').update(bytes).digest('hex');
  mark('sha256');
  if (bytes.length === 0 || /^\s*$/.test(bytes.subarray(0, 64).toString('latin1')) && bytes.length < 64) return fail('empty_file', fileMessages.emptyFile);
  const ext = extname(path).toLowerCase();
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ext === '.xls' || (isOle && ext === '.xlsx')) return fail('old_xls', fileMessages.oldXls);
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.csv') return fail('unsupported_type', fileMessages.unsupportedType(ext || file));
  if (ext !== '.csv' && !isZip) return fail('not_a_workbook', fileMessages.notAWorkbook);

  if (!ctx.dryRun) {
    const dup = await duplicateOf(wh, report.sha256, ctx.onlyNew ?? false);
    if (dup) {
      Object.assign(report, { status: 'duplicate', unit_code: dup[0].unit_code, period: dup[0].period });
      report.unit_name = ctx.units.find((u) => u.code === dup[0].unit_code)?.name ?? null;
      report.tables = dup.map((d) => ({ table_name: d.table_name as never, sheet_name: d.sheet_name, rows: d.row_count, version: d.version, submission_id: d.submission_id }));
      return report;
    }
  }

  // the workbook parts zipProblem inflated and verified, by local header offset: the direct reader takes them from here
  const inflatedParts = new Map<number, Buffer>();
  if (ext !== '.csv') {
    // zip bombs and truncated or damaged workbooks are refused before exceljs inflates anything
    const zip = await zipProblem(bytes, limits, inflatedParts);
    if (zip) return fail(zip.code, zip.text);
  }

  const tempDir = mkdtempSync(join(tmpdir(), 'nrp-ingest-'));
  const temps: string[] = [];
  try {
    const named = parseFileName(path);
    let staged: StagedTable[] = [];
    let sheetUnit: string | undefined;
    let sheetPeriod: string | undefined;
    const infoRows: { unit?: number; period?: number } = {};
    if (ext === '.csv') {
      const table = named.table ? tableByName(named.table) : undefined;
      if (!table) return fail('unknown_table', fileMessages.csvTableName(named.table ?? basename(path, ext)));
      if (looksBinary(bytes)) return fail('not_a_csv', fileMessages.binaryCsv);
      const result = await stageCsv(wh, path, bytes, table, tempDir);
      if (result.problem?.kind === 'parse') return fail('malformed_csv', fileMessages.csvParse(result.problem.detail));
      if (result.problem?.kind === 'missing_columns') {
        fail('missing_column', fileMessages.missingColumns(result.problem.missing.map((k) => headerOf(table, k))), { sheet: table.name });
      }
      if (result.staged) staged = [result.staged];
    } else {
      let wb;
      try {
        wb = await stageWorkbook(wh, path, inflatedParts);
      } catch (error) {
        if (error instanceof LimitExceeded) return fail(error.code, error.text, { sheet: error.sheet });
        return fail('not_a_workbook', { zh: `${fileMessages.notAWorkbook.zh}（${duckdbMessage(error)}）`, en: `${fileMessages.notAWorkbook.en} (${duckdbMessage(error)})` });
      }
      staged = wb.staged;
      for (const m of wb.missingColumns) {
        fail('missing_column', fileMessages.missingColumns(m.missing.map((k) => headerOf(m.table, k))), { sheet: m.sheet });
      }
      if (wb.staged.length === 0 && wb.missingColumns.length === 0) {
        fail('missing_sheet', fileMessages.noTables, { sheet: TABLES.map((t) => t.name).join('/') });
      }
      if (wb.info.sheetPresent) {
        sheetUnit = wb.info.unit;
        sheetPeriod = wb.info.period;
        infoRows.unit = wb.info.unitRow;
        infoRows.period = wb.info.periodRow;
      }
    }
    for (const s of staged) temps.push(...s.temps);
    mark('staged');
    const overLimit = await stagedLimitErrors(wh, staged, file, limits, [
      { label: '填报单位', value: sheetUnit, row: infoRows.unit }, { label: '报告期', value: sheetPeriod, row: infoRows.period },
    ]);
    if (overLimit.length > 0) {
      report.errors.push(...overLimit);
      report.error_count = report.errors.length;
      return report;
    }

    // Unit and period: 填报信息 and the file name; both present and different → rejected.
    const unit = identify(report, file, 'unit', sheetUnit, named.unit, ctx, infoRows.unit);
    const period = identify(report, file, 'period', sheetPeriod, named.period, ctx, infoRows.period) as Period | undefined;
    if (unit) {
      report.unit_code = (unit as UnitRow).code;
      report.unit_name = (unit as UnitRow).name;
    }
    if (period) report.period = periodCode(period);

    const checks: TableCheck[] = [];
    if (period) {
      for (const s of staged) {
        temps.push(`typed_${s.table.key}`);
        let check = await checkTable(wh, s, period, file);
        if (check === 'read_as_text') {
          // the fast path found something that needs the text rules: read the CSV again as text for precise errors
          const again = (await stageCsv(wh, path, bytes, s.table, tempDir, { fast: false })).staged!;
          temps.push(...again.temps);
          // the fast path left the cell-size limits to its check: as text, they are checked in full
          const overLimit = await stagedLimitErrors(wh, [again], file, limits);
          if (overLimit.length > 0) {
            report.errors.push(...overLimit);
            report.error_count = report.errors.length;
            return report;
          }
          check = (await checkTable(wh, again, period, file)) as TableCheck;
        }
        checks.push(check);
        mark(`checked ${s.table.key}`);
        report.errors.push(...check.errors);
      }
    }
    report.error_count = report.errors.length + checks.reduce((n, c) => n + Math.max(0, c.errorCount - c.errors.length), 0);
    report.tables = checks.map((c) => ({ table_name: c.staged.table.name, sheet_name: c.staged.sheet, rows: c.rows }));
    if (report.errors.length > 0 || !unit || !period) {
      report.errors = report.errors.slice(0, MAX_LISTED_ERRORS);
      report.error_count = Math.max(report.error_count, report.errors.length);
      report.status = 'rejected';
      return report;
    }

    const progress = checks.find((c) => c.staged.table.key === 'indicator_progress' && c.rows > 0);
    if (progress) {
      report.warnings = await indicatorWarnings(wh, progress.staged, {
        unitCode: report.unit_code!, period, hist: ctx.hist,
        hasLandSupply: checks.some((c) => c.staged.table.key === 'land_supply' && c.rows > 0),
        hasPatches: checks.some((c) => c.staged.table.key === 'patches' && c.rows > 0),
      }, file);
    }
    if (!ctx.dryRun) {
      try {
        await load(wh, report, checks, path);
        mark('loaded');
      } catch (error) {
        report.tables.forEach((t) => { delete t.version; delete t.submission_id; });
        fail('load_failed', fileMessages.loadFailed(duckdbMessage(error)));
        report.status = 'rejected';
        return report;
      }
    }
    report.status = 'accepted';
    return report;
  } finally {
    for (const t of [...temps, 'batch_map']) {
      await wh.run(`drop view if exists ${t}`).catch(() => undefined);
      await wh.run(`drop table if exists ${t}`).catch(() => undefined);
    }
    rmSync(tempDir, { recursive: true, force: true });
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * One of unit/period from 填报信息 (`fromSheet`) and the file name (`fromName`). The sheet wins
 * where the name does not follow `<单位>_<报告期>`; where both name one, they must agree.
 */
function identify(report: FileReport, file: string, what: 'unit' | 'period', fromSheet: string | undefined, fromName: string | undefined, ctx: ProcessContext, sheetRow?: number): UnitRow | Period | undefined {
  const resolve = (raw: string) => {
    if (what === 'unit') {
      const r = resolveUnit(raw, ctx.units);
      return 'unit' in r ? { value: r.unit, key: r.unit.code } : { error: r.error };
    }
    const p = periodOf(raw);
    return p ? { value: p, key: periodCode(p) } : { error: fileMessages.badPeriod };
  };
  const push = (code: string, text: Text, value: string | null, sheet?: string) => {
    report.errors.push(issue(file, code, text, { value, sheet, cell: sheet ? `${sheet}!B${sheetRow ?? ''}` : undefined, row: sheet ? sheetRow : undefined, column: sheet ? 'B' : undefined }));
  };
  const code = what === 'unit' ? 'unknown_unit' : 'bad_period';
  const named = fromName !== undefined ? resolve(fromName) : undefined;
  if (fromSheet !== undefined) {
    const sheet = resolve(fromSheet);
    if ('error' in sheet) {
      push(code, sheet.error!, fromSheet, '填报信息');
      return undefined;
    }
    if (named && 'value' in named && named.key !== sheet.key) {
      const text = what === 'unit' ? fileMessages.unitMismatch(fromSheet, fromName!) : fileMessages.periodMismatch(fromSheet, fromName!);
      push(what === 'unit' ? 'unit_mismatch' : 'period_mismatch', text, fromSheet, '填报信息');
      return undefined;
    }
    return sheet.value;
  }
  if (named === undefined) {
    push(what === 'unit' ? 'no_unit' : 'no_period', what === 'unit' ? fileMessages.noUnit : fileMessages.noPeriod, null);
    return undefined;
  }
  if ('error' in named) {
    push(code, named.error!, fromName!);
    return undefined;
  }
  return named.value;
}

interface RegistryRow {
  submission_id: number;
  unit_code: string;
  period: string;
  table_name: string;
  sheet_name: string | null;
  version: number;
  row_count: number;
  latest: boolean;
}

/**
 * The registry rows holding these bytes, when every one is still the latest version (or, with
 * `anyVersion`, when they were loaded at all): a duplicate.
 */
async function duplicateOf(wh: Warehouse, sha256: string, anyVersion: boolean): Promise<RegistryRow[] | undefined> {
  const rows = await wh.all<RegistryRow>(
    `select s.submission_id, s.unit_code, s.period, s.table_name, s.sheet_name, s.version, s.row_count,
            s.version = (select max(m.version) from submissions m where m.unit_code = s.unit_code and m.period = s.period and m.table_name = s.table_name) as latest
     from submissions s where s.sha256 = ? order by s.table_name`,
    [sha256],
  );
  return rows.length > 0 && (anyVersion || rows.every((r) => r.latest)) ? rows : undefined;
}

/**
 * The insert into a raw table. Every row carries its source row number, so the order rows land
 * in does not matter: without DuckDB's insertion-order guarantee the insert runs on every thread
 * (a million 卫片图斑 rows load in about half the time). The setting is the session's, so it is
 * put back even when the insert fails.
 */
async function loadRows(wh: Warehouse, sql: string): Promise<void> {
  await wh.run('set preserve_insertion_order = false');
  try {
    await wh.run(sql);
  } finally {
    await wh.run('reset preserve_insertion_order');
  }
}

/** One transaction: a registry row and the raw rows for each non-empty table. */
async function load(wh: Warehouse, report: FileReport, checks: TableCheck[], path: string): Promise<void> {
  const warningTexts = report.warnings.map((w) => `${w.cell ?? w.sheet ?? ''} ${w.zh} / ${w.en}`.trim());
  await wh.transaction(async () => {
    for (const c of checks) {
      if (c.rows === 0) continue;
      const name = c.staged.table.name;
      const own = c.staged.table.key === 'indicator_progress' ? warningTexts : [];
      const warningsList = `[${own.map(sqlString).join(', ')}]::varchar[]`;
      const next = await wh.one<{ v: number }>(
        'select coalesce(max(version), 0) + 1 as v from submissions where unit_code = ? and period = ? and table_name = ?',
        [report.unit_code!, report.period!, name],
      );
      const row = await wh.one<{ id: number }>(
        `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, source_path, sheet_name, sha256, row_count, loaded_at, warnings)
         values (nextval('submission_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, current_localtimestamp(), ${warningsList}) returning submission_id as id`,
        [report.unit_code!, report.period!, name, next!.v, report.file, path, c.staged.sheet, report.sha256!, c.rows],
      );
      await loadRows(wh, ingestSql(`load_${c.staged.table.key}`, { submission_id: row!.id }));
      const t = report.tables.find((x) => x.table_name === name)!;
      t.version = next!.v;
      t.submission_id = row!.id;
    }
  });
}

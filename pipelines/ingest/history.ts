import { periodCode, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import { identityByName, type Submitters } from './identity';
import { sqlString } from './sql';
import type { FileReport, TableLoad } from './types';
import type { FileWork } from './work';

/**
 * A loaded version of a unit × period × table: a registry row, or a file of this batch to be
 * loaded before the file that looks (its version and id are known once it is loaded).
 */
export interface Version {
  unit_code: string;
  period: string;
  table_name: string;
  sha256: string;
  version: number;
  submission_id: number | null;
  sheet_name: string | null;
  row_count: number;
  /** Set for a file of this batch. */
  fileId?: number;
}

const key = (unit: string, period: string, table: string) => `${unit}|${period}|${table}`;

/**
 * The registry rows (every version) of some units or divisions, and those holding some bytes;
 * `hist` is where earlier loads are read. One query for what the call needs to know.
 */
export async function registryRows(wh: Warehouse, hist: string, where: { units?: string[]; shas?: string[] }): Promise<Version[]> {
  const list = (values: string[]) => [...new Set(values)].map(sqlString).join(', ');
  const tests = [
    ...(where.units?.length ? [`unit_code in (${list(where.units)})`] : []),
    ...(where.shas?.length ? [`sha256 in (${list(where.shas)})`] : []),
  ];
  if (tests.length === 0) return [];
  return wh.all<Version>(
    `select unit_code, period, table_name, sha256, version, submission_id, sheet_name, row_count from ${hist}submission_versions ` +
      `where ${tests.join(' or ')} order by unit_code, period, table_name, version`,
  );
}

/** Versions by unit × period × table, oldest first: the registry, and the loads of this batch as they are planned. */
export class VersionState {
  private readonly byKey = new Map<string, Version[]>();
  constructor(rows: Version[]) {
    for (const r of rows) this.add(r);
  }
  add(v: Version): void {
    const k = key(v.unit_code, v.period, v.table_name);
    if (!this.byKey.has(k)) this.byKey.set(k, []);
    this.byKey.get(k)!.push(v);
  }
  latest(unit: string, period: string, table: string): Version | undefined {
    return this.byKey.get(key(unit, period, table))?.at(-1);
  }
  /** The tables of unit × period (only `table`, for a CSV) that hold these bytes in some version. */
  holding(unit: string, period: string, sha: string, table?: string): Version[][] {
    const out: Version[][] = [];
    for (const [k, versions] of this.byKey) {
      const [u, p, t] = k.split('|');
      if (u !== unit || p !== period || (table !== undefined && t !== table)) continue;
      if (versions.some((v) => v.sha256 === sha)) out.push(versions);
    }
    return out;
  }
  /**
   * The versions these bytes duplicate, or undefined: a duplicate holds the latest version of every
   * table its bytes were loaded as (`anyVersion`, the inbox rule of nrp run: any version).
   */
  duplicateOf(unit: string, period: string, sha: string, table: string | undefined, anyVersion: boolean): Version[] | undefined {
    const tables = this.holding(unit, period, sha, table);
    if (tables.length === 0) return undefined;
    if (!anyVersion && !tables.every((versions) => versions.at(-1)!.sha256 === sha)) return undefined;
    return tables.map((versions) => versions.filter((v) => v.sha256 === sha).at(-1)!).sort((a, b) => (a.table_name < b.table_name ? -1 : 1));
  }
}

/** A file's table of a CSV: the one its name says; a workbook's: any. */
const csvTable = (w: FileWork) => (w.form === 'csv' ? w.tables[0]?.table.name : undefined);

/**
 * Duplicates found before a file is read: its name gives unit and period, and the registry holds
 * its bytes for them as the latest version (any version, `anyVersion`). Exact: the inbox rule
 * only grows as files load, and without it a file is skipped only when no earlier file of the
 * call may load a version of the same unit × period (those are decided after the checks).
 */
export function earlyDuplicates(work: FileWork[], who: Submitters, rows: Version[], anyVersion: boolean): void {
  const state = new VersionState(rows);
  const touched = new Set<string>(); // unit × period of earlier files still in play; '*' for a file whose name says neither
  for (const w of work) {
    if (w.done || !w.report.sha256) continue;
    const named = identityByName(w.path, who);
    const up = named ? `${named.unit.code}|${periodCode(named.period)}` : '*';
    if (named && (anyVersion || (!touched.has(up) && !touched.has('*')))) {
      const table = w.form === 'csv' ? named.table : undefined;
      const dup = state.duplicateOf(named.unit.code, periodCode(named.period), w.report.sha256, table, anyVersion);
      if (dup) {
        markDuplicate(w, dup, named.unit.name);
        continue;
      }
    }
    touched.add(up);
  }
}

export function markDuplicate(w: FileWork, versions: Version[], unitName: string): void {
  const [first] = versions;
  Object.assign(w.report, {
    status: 'duplicate', unit_code: first.unit_code, period: first.period, unit_name: unitName,
    tables: versions.map((d): TableLoad => ({ table_name: d.table_name as TableLoad['table_name'], sheet_name: d.sheet_name, rows: d.row_count, version: d.version, submission_id: d.submission_id ?? undefined })),
  } satisfies Partial<FileReport>);
  w.report.errors = [];
  w.report.error_count = 0;
  w.duplicateOf = versions;
  w.done = true;
}

/** Where a warning reads an earlier or sibling snapshot: a registry row, or a file of this batch (its typed rows). */
export interface Source {
  fileId: number;
  purpose: 'land_supply' | 'patches' | 'prev_progress' | 'earlier_reports';
  period: string;
  submissionId?: number;
  sourceFile?: number;
}

/**
 * Decides, for the valid files in load order, which are duplicates (of the registry or of an
 * earlier file of the call) and which load, as loading them one after the other would; and where
 * each file's warnings read the snapshots they compare with (the previous period's 指标进度, the
 * same period's detail tables, a division's earlier reports of the year), as they would be just
 * before that file loads. `dryRun` (validate): nothing loads, so every file sees the registry.
 */
export function planLoads(valid: FileWork[], rows: Version[], options: { dryRun: boolean; anyVersion: boolean }): { loads: FileWork[]; sources: Source[] } {
  const state = new VersionState(rows);
  const loads: FileWork[] = [];
  const sources: Source[] = [];
  for (const w of valid) {
    const unit = w.unit!.code;
    const period = periodCode(w.period!);
    if (!options.dryRun) {
      const dup = state.duplicateOf(unit, period, w.report.sha256!, csvTable(w), options.anyVersion);
      if (dup) {
        markDuplicate(w, dup, w.unit!.name);
        continue;
      }
    }
    sources.push(...sourcesOf(w, state, unit, w.period!));
    if (options.dryRun) continue;
    loads.push(w);
    for (const c of w.checks) {
      if (c.rows === 0) continue;
      const table = c.landed.table.name;
      const before = state.latest(unit, period, table);
      state.add({ unit_code: unit, period, table_name: table, sha256: w.report.sha256!, version: (before?.version ?? 0) + 1, submission_id: null, sheet_name: c.landed.sheet, row_count: c.rows, fileId: w.id });
    }
  }
  return { loads, sources };
}

function sourcesOf(w: FileWork, state: VersionState, unit: string, p: Period): Source[] {
  const own = (name: string) => w.checks.some((c) => c.landed.table.name === name && c.rows > 0);
  const from = (purpose: Source['purpose'], period: string, table: string): Source[] => {
    if (period === periodCode(p) && own(table)) return [{ fileId: w.id, purpose, period, sourceFile: w.id }];
    const v = state.latest(unit, period, table);
    if (!v) return [];
    return [{ fileId: w.id, purpose, period, ...(v.fileId !== undefined ? { sourceFile: v.fileId } : { submissionId: v.submission_id! }) }];
  };
  const out: Source[] = [];
  const code = periodCode(p);
  if (own('指标进度')) {
    out.push(...from('land_supply', code, '供地台账'), ...from('patches', code, '卫片图斑'));
    if (p.quarter > 1) out.push(...from('prev_progress', periodCode({ year: p.year, quarter: (p.quarter - 1) as Period['quarter'] }), '指标进度'));
  }
  if (own('重点工作进展')) {
    for (let q = 1; q < p.quarter; q++) out.push(...from('earlier_reports', periodCode({ year: p.year, quarter: q as Period['quarter'] }), '重点工作进展'));
  }
  return out;
}

/** A duplicate of a file loaded earlier in the call: the versions and ids that load gave. */
export function fillDuplicates(work: FileWork[]): void {
  const byId = new Map(work.map((w) => [w.id, w]));
  for (const w of work) {
    if (w.report.status !== 'duplicate' || !w.duplicateOf) continue;
    w.duplicateOf.forEach((v, i) => {
      if (v.fileId === undefined) return;
      const loaded = byId.get(v.fileId)?.report.tables.find((t) => t.table_name === v.table_name);
      if (loaded) Object.assign(w.report.tables[i], { version: loaded.version, submission_id: loaded.submission_id, rows: loaded.rows, sheet_name: loaded.sheet_name });
    });
  }
}

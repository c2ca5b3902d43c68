import { basename } from 'node:path';
import type { Period } from '../period';
import type { UnitRow, SheetIdentity } from './identity';
import type { LandedTable } from './landed';
import type { Layout } from './layout';
import type { RuleCheck } from './checks';
import type { InfoCell } from './landed-limits';
import type { Version } from './history';
import type { FileForm } from './sniff';
import type { FileReport, IngestIssue } from './types';

type Text = { zh: string; en: string };

/** A checked table: its landed rows, how its rows were sorted, what the rules found. */
export interface TableCheck extends RuleCheck {
  landed: LandedTable;
  layout: Layout;
  /** Set by the warnings step; stored with the table's registry row. */
  warnings: IngestIssue[];
}

/**
 * One file on its way through a batch: its report (what the caller gets) and what the steps
 * found. `done` once it needs no more work (rejected, or a duplicate).
 */
export interface FileWork {
  /** The file's id in the batch's SQL (file_id). */
  id: number;
  path: string;
  report: FileReport;
  done: boolean;
  bytes?: Buffer;
  form?: FileForm;
  /** The parts zip-check.ts inflated and verified, by local header offset: the reader takes them from here. */
  inflated: Map<number, Buffer>;
  tables: LandedTable[];
  sheet?: SheetIdentity;
  info: InfoCell[];
  /** Temp tables of this file alone (the CSV fast path's), to drop at the end. */
  temps: string[];
  unit?: UnitRow;
  period?: Period;
  checks: TableCheck[];
  /** A duplicate: the versions holding its bytes. */
  duplicateOf?: Version[];
}

export function newWork(id: number, path: string): FileWork {
  const file = basename(path);
  return {
    id, path, done: false, inflated: new Map(), tables: [], info: [], temps: [], checks: [],
    report: { path, file, status: 'rejected', sha256: null, unit_code: null, unit_name: null, period: null, tables: [], errors: [], error_count: 0, warnings: [] },
  };
}

/** An error of the file (no cell). */
export function fileError(w: FileWork, code: string, text: Text, extra: Partial<IngestIssue> = {}): IngestIssue {
  return { severity: 'error', code, file: w.report.file, ...extra, zh: text.zh, en: text.en };
}

/** The file is rejected with these errors (added to those it has); no more work. */
export function reject(w: FileWork, ...errors: IngestIssue[]): void {
  w.report.errors.push(...errors);
  w.report.error_count = w.report.errors.length;
  w.report.status = 'rejected';
  w.done = true;
}

/** The files still in play. */
export const open = (work: FileWork[]) => work.filter((w) => !w.done);

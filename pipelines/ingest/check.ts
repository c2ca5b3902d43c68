import type { Period } from '../period';
import type { Warehouse } from '../warehouse';
import { checkTable, type TableCheck } from './checks';
import { landedLimitErrors } from './landed-limits';
import type { IngestLimits } from './limits';
import { mark } from './profile';
import { landCsv } from './land-csv';
import type { LandedTable } from './landed';
import type { IngestIssue } from './types';

/** What the check step needs of the file beyond its tables (to read a CSV again as text). */
export interface CheckInput {
  path: string;
  file: string;
  bytes: Buffer;
  tempDir: string;
  limits: IngestLimits;
  /** Temp tables and views made here, for the caller to drop. */
  temps: string[];
}

export type Checked = { checks: TableCheck[]; errors: IngestIssue[] } | { limitErrors: IngestIssue[] };

/**
 * Step 4 of ingest: every rule of the contract on each landed table (checks.ts), which leaves
 * typed_<table> behind for the load. A CSV whose fast path found anything unusual is read again
 * as text, where the size limits and the rules give precise errors.
 */
export async function checkTables(wh: Warehouse, tables: LandedTable[], period: Period, input: CheckInput): Promise<Checked> {
  const checks: TableCheck[] = [];
  const errors: IngestIssue[] = [];
  for (const s of tables) {
    input.temps.push(`typed_${s.table.key}`);
    let check = await checkTable(wh, s, period, input.file);
    if (check === 'read_as_text') {
      const again = (await landCsv(wh, input.path, input.bytes, s.table, input.tempDir, { fast: false })).landed!;
      input.temps.push(...again.temps);
      // the fast path left the cell-size limits to its check: as text, they are checked in full
      const limitErrors = await landedLimitErrors(wh, [again], input.file, input.limits);
      if (limitErrors.length > 0) return { limitErrors };
      check = (await checkTable(wh, again, period, input.file)) as TableCheck;
    }
    checks.push(check);
    mark(`checked ${s.table.key}`);
    errors.push(...check.errors);
  }
  return { checks, errors };
}

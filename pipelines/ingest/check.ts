import type { Period } from '../period';
import type { Warehouse } from '../warehouse';
import { checkTable, toIssues, type RuleCheck } from './checks';
import { landCsv } from './land-csv';
import type { LandedTable } from './landed';
import { landedLimitErrors } from './landed-limits';
import { layoutOf, type Layout } from './layout';
import type { IngestLimits } from './limits';
import { mark } from './profile';
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

/** A checked table: its data rows (`landed.relation`), how its rows were sorted, what the rules found. */
export interface TableCheck extends RuleCheck {
  landed: LandedTable;
  layout: Layout;
  /** Set by the warnings step; stored with the table's registry row. */
  warnings: IngestIssue[];
}

export type Checked = { checks: TableCheck[]; errors: IngestIssue[] } | { limitErrors: IngestIssue[] };

/** Total rows and the footer set aside (layout.ts), then the rules on the data rows (checks.ts). */
async function checkLanded(wh: Warehouse, landed: LandedTable, period: Period, file: string): Promise<{ layout: Layout; data: LandedTable; rules: RuleCheck | 'read_as_text' }> {
  const layout = await layoutOf(wh, landed);
  mark('layout');
  const data = { ...landed, relation: layout.dataRelation };
  return { layout, data, rules: await checkTable(wh, data, period, file) };
}

/**
 * Step 4 of ingest: every rule of the contract on each landed table, which leaves typed_<table>
 * behind for the load. A CSV whose fast path found anything unusual is read again as text, where
 * the size limits and the rules give precise errors.
 */
export async function checkTables(wh: Warehouse, tables: LandedTable[], period: Period, input: CheckInput): Promise<Checked> {
  const checks: TableCheck[] = [];
  const errors: IngestIssue[] = [];
  for (const s of tables) {
    input.temps.push(`typed_${s.table.key}`);
    let checked = await checkLanded(wh, s, period, input.file);
    if (checked.rules === 'read_as_text') {
      const again = (await landCsv(wh, input.path, input.bytes, s.table, input.tempDir, { fast: false })).landed!;
      input.temps.push(...again.temps);
      // the fast path left the cell-size limits to its check: as text, they are checked in full
      const limitErrors = await landedLimitErrors(wh, [again], input.file, input.limits);
      if (limitErrors.length > 0) return { limitErrors };
      checked = await checkLanded(wh, again, period, input.file);
    }
    const rules = checked.rules as RuleCheck;
    const afterFooter = toIssues(checked.layout.errorRows, checked.data, input.file, period, 'error');
    const check: TableCheck = {
      landed: checked.data, layout: checked.layout, warnings: [],
      rows: rules.rows, errors: [...afterFooter, ...rules.errors], errorCount: rules.errorCount + afterFooter.length,
    };
    checks.push(check);
    mark(`checked ${s.table.key}`);
    errors.push(...check.errors);
  }
  return { checks, errors };
}

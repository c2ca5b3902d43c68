import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRow } from '../../reports/mart';

/** The fixed ReportRows of test/fixtures/charts (2023Q1–Q3; 嘉善县 missing in Q2). */
export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'charts');
export const ALL_ROWS: ReportRow[] = JSON.parse(readFileSync(join(FIXTURE_DIR, 'report-rows-2023.json'), 'utf8'));

export function rowsOf(period: string): ReportRow[] {
  return ALL_ROWS.filter((r) => r.period === period);
}

/** The year's rows before `period`, as the bulletin and `nrp charts` pass them. */
export function historyBefore(period: string): ReportRow[] {
  return ALL_ROWS.filter((r) => r.period.slice(0, 4) === period.slice(0, 4) && r.period < period);
}

import { readFileSync } from 'node:fs';
import { projectPath } from '../../pipelines/paths';
import type { ReportRow } from '../../reports/mart';
import type { SubmissionUsed } from '../../reports/bulletin/model';
import { martWarehouse } from '../mart-warehouse';

/** Fixed ReportRows for 2023Q1..Q3 (the charts' fixture; 嘉善县 did not submit for Q2). */
export const ROWS_FILE = projectPath('test/fixtures/charts/report-rows-2023.json');
export const SUBMISSIONS_FILE = projectPath('test/fixtures/report/submissions-2023Q2.json');

export function fixtureRows(): ReportRow[] {
  return JSON.parse(readFileSync(ROWS_FILE, 'utf8')) as ReportRow[];
}

export function fixtureSubmissions(): Omit<SubmissionUsed, 'unit_name'>[] {
  return JSON.parse(readFileSync(SUBMISSIONS_FILE, 'utf8'));
}

/**
 * A real warehouse (migrations and seeds applied) whose `mart_indicator_progress` holds the
 * fixture rows, as `nrp build` would leave it, and whose `submissions` registry holds the
 * fixture submissions. Returns the database path.
 */
export async function fixtureWarehouse(dir: string, rows: ReportRow[] = fixtureRows()): Promise<string> {
  return martWarehouse(dir, rows, async (wh) => {
    await wh.run("delete from submissions where period = '2023Q2'");
    for (const s of fixtureSubmissions()) {
      await wh.run(
        `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, sha256, row_count, loaded_at, warnings)
         values (nextval('submission_id_seq'), ?, '2023Q2', ?, ?, ?, ?, ?, cast(? as timestamp), from_json(?, '["VARCHAR"]'))`,
        [s.unit_code, s.table_name, s.version, s.file_name, s.sha256, s.row_count, s.loaded_at, JSON.stringify(s.warnings)] as never,
      );
    }
  });
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../pipelines/paths';
import { withWriteWarehouse } from '../../pipelines/warehouse';
import type { ReportRow } from '../../reports/mart';
import type { SubmissionUsed } from '../../reports/bulletin/model';

/** Fixed ReportRows for 2023Q1..Q3 (the charts' fixture; 嘉善县 did not submit for Q2). */
export const ROWS_FILE = projectPath('test/fixtures/charts/report-rows-2023.json');
export const SUBMISSIONS_FILE = projectPath('test/fixtures/report/submissions-2023Q2.json');

export function fixtureRows(): ReportRow[] {
  return JSON.parse(readFileSync(ROWS_FILE, 'utf8')) as ReportRow[];
}

export function fixtureSubmissions(): Omit<SubmissionUsed, 'unit_name'>[] {
  return JSON.parse(readFileSync(SUBMISSIONS_FILE, 'utf8'));
}

const MART_COLUMNS = `period varchar, period_end date, unit_code varchar, unit_name varchar, indicator_code varchar,
  indicator_name varchar, kind varchar, direction varchar, unit_of_measure varchar, actual double, numerator double,
  denominator double, target double, completion_pct double, expected_pct double, gap_pp double, status varchar,
  rank integer, prev_actual double, incomplete boolean, missing_units varchar`;

/**
 * A real warehouse (migrations and seeds applied) whose `mart_indicator_progress` holds the
 * fixture rows, as `nrp build` would leave it, and whose `submissions` registry holds the
 * fixture submissions. Returns the database path.
 */
export async function fixtureWarehouse(dir: string, rows: ReportRow[] = fixtureRows()): Promise<string> {
  const db = join(dir, 'warehouse.duckdb');
  await withWriteWarehouse(db, async (wh) => {
    await wh.run('drop table if exists mart_indicator_progress');
    await wh.run('drop view if exists mart_indicator_progress');
    await wh.run(`create table mart_indicator_progress (${MART_COLUMNS})`);
    const columns = MART_COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]);
    const file = join(dir, 'mart-rows.json');
    writeFileSync(file, JSON.stringify(rows));
    await wh.run(`insert into mart_indicator_progress select ${columns.join(', ')} from read_json_auto('${file.replace(/'/g, "''")}')`);
    await wh.run("delete from submissions where period = '2023Q2'");
    for (const s of fixtureSubmissions()) {
      await wh.run(
        `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, sha256, row_count, loaded_at, warnings)
         values (nextval('submission_id_seq'), ?, '2023Q2', ?, ?, ?, ?, ?, cast(? as timestamp), from_json(?, '["VARCHAR"]'))`,
        [s.unit_code, s.table_name, s.version, s.file_name, s.sha256, s.row_count, s.loaded_at, JSON.stringify(s.warnings)] as never,
      );
    }
  });
  return db;
}

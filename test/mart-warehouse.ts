import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withWriteWarehouse, type Warehouse } from '../pipelines/warehouse';
import type { ReportRow } from '../reports/mart';

/** The columns of mart_indicator_progress (kpis.md), for tests that fill it with fixed rows. */
const MART_COLUMNS = `period varchar, period_end date, unit_code varchar, unit_name varchar, indicator_code varchar,
  indicator_name varchar, kind varchar, direction varchar, unit_of_measure varchar, actual double, numerator double,
  denominator double, target double, completion_pct double, expected_pct double, gap_pp double, status varchar,
  rank integer, prev_actual double, incomplete boolean, missing_units varchar`;

/**
 * A real warehouse (migrations and seeds applied) in `dir` whose `mart_indicator_progress` holds
 * `rows`, as `nrp build` would leave it; `more` may add to it in the same session. Returns its path.
 */
export async function martWarehouse(dir: string, rows: ReportRow[], more?: (wh: Warehouse) => Promise<void>): Promise<string> {
  const db = join(dir, 'warehouse.duckdb');
  await withWriteWarehouse(db, async (wh) => {
    await wh.run('drop table if exists mart_indicator_progress');
    await wh.run('drop view if exists mart_indicator_progress');
    await wh.run(`create table mart_indicator_progress (${MART_COLUMNS})`);
    const columns = MART_COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]);
    const file = join(dir, 'mart-rows.json');
    writeFileSync(file, JSON.stringify(rows));
    await wh.run(`insert into mart_indicator_progress select ${columns.join(', ')} from read_json_auto('${file.replace(/'/g, "''")}')`);
    await more?.(wh);
  });
  return db;
}

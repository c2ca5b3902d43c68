import type { Warehouse } from '../warehouse';
import type { TableCheck } from './check';
import { ingestSql, sqlString } from './sql';
import type { FileReport } from './types';

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

/**
 * Step 6 of ingest: one transaction holding, for each non-empty table, a registry row (the next
 * version of unit × period × table, with the table's warnings) and its raw rows. Sets each table's
 * version and submission id in the report.
 */
export async function loadSubmission(wh: Warehouse, report: FileReport, checks: TableCheck[], path: string): Promise<void> {
  await wh.transaction(async () => {
    for (const c of checks) {
      if (c.rows === 0) continue;
      const name = c.landed.table.name;
      // the table's own warnings, each naming its cell (the bulletin's data-sources annex lists them)
      const own = c.warnings.map((w) => `${w.cell ?? w.sheet ?? ''} ${w.zh} / ${w.en}`.trim());
      const warningsList = `[${own.map(sqlString).join(', ')}]::varchar[]`;
      const next = await wh.one<{ v: number }>(
        'select coalesce(max(version), 0) + 1 as v from submissions where unit_code = ? and period = ? and table_name = ?',
        [report.unit_code!, report.period!, name],
      );
      const row = await wh.one<{ id: number }>(
        `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, source_path, sheet_name, sha256, row_count, loaded_at, warnings)
         values (nextval('submission_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, current_localtimestamp(), ${warningsList}) returning submission_id as id`,
        [report.unit_code!, report.period!, name, next!.v, report.file, path, c.landed.sheet, report.sha256!, c.rows],
      );
      await loadRows(wh, ingestSql(`load_${c.landed.table.key}`, { submission_id: row!.id }));
      const t = report.tables.find((x) => x.table_name === name)!;
      t.version = next!.v;
      t.submission_id = row!.id;
    }
  });
}

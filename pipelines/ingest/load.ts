import type { Warehouse } from '../warehouse';
import { fastView } from './checks';
import { mark } from './profile';
import { ingestSql, sqlString } from './sql';
import { TABLES } from './tables';
import type { FileWork, TableCheck } from './work';

/**
 * The inserts into the raw tables. Every row carries its source row number, so the order rows
 * land in does not matter: without DuckDB's insertion-order guarantee an insert runs on every
 * thread (a million 卫片图斑 rows load in about half the time). The setting is the session's, so
 * it is put back even when an insert fails.
 */
async function loadRows(wh: Warehouse, statements: string[], rows: number): Promise<void> {
  if (rows < PARALLEL_FROM_ROWS) {
    await wh.run(statements.join('\n'));
    return;
  }
  await wh.run('set preserve_insertion_order = false');
  try {
    for (const sql of statements) await wh.run(sql);
  } finally {
    await wh.run('reset preserve_insertion_order');
  }
}

/** Fewer rows load as fast in order (and two statements fewer). */
const PARALLEL_FROM_ROWS = 100_000;

interface Snapshot {
  w: FileWork;
  c: TableCheck;
  unit: string;
  period: string;
  table: string;
}

const mapOf = (pairs: [number, number][]) => `(select * from (values ${pairs.map(([f, s]) => `(${f}, ${s})`).join(', ')}) as v(file_id, submission_id))`;

/**
 * Step 6 of ingest: one transaction holding, for each file and each of its non-empty tables, a
 * registry row (the next version of unit × period × table, with the table's warnings) and its
 * raw rows: every file whole or none (a killed process leaves the registry as it was). Files of
 * the same unit × period × table get consecutive versions in load order. Sets each table's
 * version and submission id in the reports.
 */
export async function loadFiles(wh: Warehouse, loads: FileWork[]): Promise<void> {
  const snapshots: Snapshot[] = loads.flatMap((w) => w.checks.filter((c) => c.rows > 0).map((c) => ({ w, c, unit: w.unit!.code, period: w.report.period!, table: c.landed.table.name })));
  if (snapshots.length === 0) return;
  await wh.transaction(async () => {
    const ids = (await wh.all<{ id: number }>(`select nextval('submission_id_seq') as id from range(${snapshots.length})`)).map((r) => Number(r.id)).sort((a, b) => a - b);
    const units = [...new Set(snapshots.map((s) => s.unit))];
    const latest = new Map<string, number>();
    for (const r of await wh.all<{ k: string; v: number }>(
      `select unit_code || '|' || period || '|' || table_name as k, max(version) as v from submissions where unit_code in (${units.map(sqlString).join(', ')}) group by all`,
    )) latest.set(r.k, r.v);
    const values = snapshots.map((s, i) => {
      const k = `${s.unit}|${s.period}|${s.table}`;
      const version = (latest.get(k) ?? 0) + 1;
      latest.set(k, version);
      const t = s.w.report.tables.find((x) => x.table_name === s.table)!;
      Object.assign(t, { version, submission_id: ids[i] });
      // the table's own warnings, each naming its cell (the bulletin's data-sources annex lists them)
      const own = s.c.warnings.map((w) => `${w.cell ?? w.sheet ?? ''} ${w.zh} / ${w.en}`.trim());
      return `(${ids[i]}, ${sqlString(s.unit)}, ${sqlString(s.period)}, ${sqlString(s.table)}, ${version}, ${sqlString(s.w.report.file)}, ${sqlString(s.w.path)}, ` +
        `${s.c.landed.sheet === null ? 'null' : sqlString(s.c.landed.sheet)}, ${sqlString(s.w.report.sha256!)}, ${s.c.rows}, current_localtimestamp(), [${own.map(sqlString).join(', ')}]::varchar[])`;
    });
    await wh.run(
      `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, source_path, sheet_name, sha256, row_count, loaded_at, warnings) values ${values.join(', ')}`,
    );
    const statements: string[] = [];
    for (const table of TABLES) {
      const of = snapshots.map((s, i) => ({ s, id: ids[i] })).filter(({ s }) => s.c.landed.table.key === table.key);
      const shared = of.filter(({ s }) => s.c.landed.path !== 'csv-fast').map(({ s, id }): [number, number] => [s.w.id, id]);
      if (shared.length > 0) {
        statements.push(ingestSql(`load_${table.key}`, { rows: `(select t.*, m.submission_id from typed_${table.key} as t join ${mapOf(shared)} as m on m.file_id = t.file_id)` }));
      }
      // a file on the CSV fast path (a million rows): its own view, its one registry row, no join
      for (const { s, id } of of.filter(({ s }) => s.c.landed.path === 'csv-fast')) {
        statements.push(ingestSql(`load_${table.key}`, { rows: `(select *, ${id} as submission_id from ${fastView(s.w.id)})` }));
      }
    }
    await loadRows(wh, statements, snapshots.reduce((n, s) => n + s.c.rows, 0));
  });
  mark('load (one transaction)');
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors';
import { warehouseMessages } from '../messages';
import { SQL_DIR } from '../paths';
import type { Warehouse } from './connection';

const MIGRATIONS_DIR = join(SQL_DIR, 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `sql/migrations/NNN_name.sql`, in version order. */
export function migrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), name: f.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

export function currentSchemaVersion(): number {
  const all = migrations();
  return all.length ? all[all.length - 1].version : 0;
}

export async function schemaVersion(wh: Warehouse): Promise<number> {
  const exists = await wh.one<{ n: number }>(
    "select count(*) as n from duckdb_tables() where table_name = 'nrp_schema' and schema_name = 'main'",
  );
  if (!exists || exists.n === 0) return 0;
  const row = await wh.one<{ v: number | null }>('select max(version) as v from nrp_schema');
  return row?.v ?? 0;
}

/**
 * Brings the warehouse to the schema this release knows, each migration in its own transaction
 * together with its entry in `nrp_schema`, so a crash leaves a version that tells the truth.
 */
export async function migrate(wh: Warehouse): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(wh);
  const known = currentSchemaVersion();
  if (from > known) throw new CliError(warehouseMessages.newerSchema(wh.path, from, known));
  // An up-to-date warehouse is not written to at all: opening it changes nothing.
  if (from === known) return { from, to: known };
  if (from === 0) {
    await wh.run(`create table if not exists nrp_schema (version integer primary key, name varchar not null, applied_at timestamp not null)`);
    await wh.run(`comment on table nrp_schema is 'Schema versions applied to this warehouse (migrations in sql/migrations)'`);
  }
  for (const m of migrations().filter((m) => m.version > from)) {
    await wh.transaction(async () => {
      await wh.run(m.sql);
      await wh.run('insert into nrp_schema values (?, ?, current_localtimestamp())', [m.version, m.name]);
    });
    // Each schema change is folded into the database file at once, so that a process killed later
    // never leaves it to the write-ahead log: DuckDB 1.5 cannot replay some schema changes (a
    // COMMENT ON a table whose DEFAULT calls a function: duckdb#19712), and a warehouse whose log
    // cannot be replayed does not open.
    if (wh.path !== ':memory:') await wh.run('checkpoint');
  }
  return { from, to: known };
}

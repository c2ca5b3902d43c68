import { CliError } from '../errors';
import { Warehouse, warehouseExists, withWarehouse, type OpenOptions } from './connection';
import { createWarehouse, removeAbandonedTemporaries } from './create';
import { currentSchemaVersion, migrate, schemaVersion } from './migrate';
import { loadSeeds, SEED_TABLES } from './seeds';
import { openCopyForWrite } from './shadow';

export { Warehouse, resolveDbPath, withWarehouse, warehouseExists, DEFAULT_DB } from './connection';
export { migrate, currentSchemaVersion } from './migrate';
export { loadSeeds, seedsDir, SEED_TABLES } from './seeds';

/**
 * Opens the warehouse for writing, creating it on first use (whole or not at all: create.ts).
 * Every writing command starts here and writes a copy, put in place when it closes (shadow.ts):
 * the file itself is never written in place. An existing warehouse of an older release is
 * migrated in that copy.
 */
export async function openForWrite(path: string, options: Omit<OpenOptions, 'readOnly'> = {}): Promise<Warehouse> {
  if (path !== ':memory:' && !warehouseExists(path)) await createWarehouse(path);
  else if (path !== ':memory:') removeAbandonedTemporaries(path);
  const wh = path === ':memory:' ? await Warehouse.open(path, { ...options, readOnly: false }) : await openCopyForWrite(path, options);
  try {
    await migrate(wh);
    // Seeds are loaded when any seed table is missing (an in-memory warehouse; a new seed table
    // that a migration's release brought; a warehouse of an older release killed between its
    // migrations and its seeds), and folded into the file at once, like every schema change.
    if (await seedsMissing(wh)) {
      await wh.transaction(() => loadSeeds(wh));
      if (path !== ':memory:') await wh.run('checkpoint');
    }
    return wh;
  } catch (error) {
    wh.close();
    throw error;
  }
}

async function seedsMissing(wh: Warehouse): Promise<boolean> {
  const names = SEED_TABLES.map((t) => `'${t}'`).join(', ');
  const row = await wh.one<{ n: number }>(`select count(*) as n from duckdb_tables() where schema_name = 'main' and table_name in (${names})`);
  return (row?.n ?? 0) < SEED_TABLES.length;
}

export async function withWriteWarehouse<T>(path: string, work: (wh: Warehouse) => Promise<T>, options: Omit<OpenOptions, 'readOnly'> = {}): Promise<T> {
  const wh = await openForWrite(path, options);
  try {
    return await work(wh);
  } finally {
    wh.close();
  }
}

/**
 * Opens the warehouse read-only. A missing or older warehouse is first created or migrated
 * (briefly, for writing), so that `nrp query` works on a fresh clone.
 */
export async function withReadWarehouse<T>(path: string, work: (wh: Warehouse) => Promise<T>, options: Omit<OpenOptions, 'readOnly'> = {}): Promise<T> {
  if (path === ':memory:') throw new CliError('an in-memory warehouse cannot be opened read-only');
  if (warehouseExists(path)) {
    const wh = await Warehouse.open(path, { ...options, readOnly: true });
    let current = false;
    try {
      current = (await schemaVersion(wh)) >= currentSchemaVersion() && !(await seedsMissing(wh));
      if (current) return await work(wh);
    } finally {
      wh.close();
    }
  }
  (await openForWrite(path, options)).close();
  return withWarehouse(path, { ...options, readOnly: true }, work);
}

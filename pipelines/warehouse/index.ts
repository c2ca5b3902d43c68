import { CliError } from '../errors';
import { Warehouse, warehouseExists, withWarehouse, type OpenOptions } from './connection';
import { currentSchemaVersion, migrate, schemaVersion } from './migrate';
import { loadSeeds, SEED_TABLES } from './seeds';

export { Warehouse, resolveDbPath, withWarehouse, warehouseExists, DEFAULT_DB } from './connection';
export { migrate, currentSchemaVersion } from './migrate';
export { loadSeeds, seedsDir, SEED_TABLES } from './seeds';

/**
 * Opens the warehouse for writing, creating it on first use: migrations are applied and, for a
 * new warehouse, the seeds loaded. Every writing command starts here.
 */
export async function openForWrite(path: string, options: Omit<OpenOptions, 'readOnly'> = {}): Promise<Warehouse> {
  const wh = await Warehouse.open(path, { ...options, readOnly: false });
  try {
    await migrate(wh);
    // Seeds are loaded when any seed table is missing, not only when the schema was new: a process
    // killed between the migrations and the seeds must not leave a warehouse without them.
    if (await seedsMissing(wh)) await wh.transaction(() => loadSeeds(wh));
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

import { CliError } from '../errors';
import { Warehouse, warehouseExists, withWarehouse, type OpenOptions } from './connection';
import { currentSchemaVersion, migrate, schemaVersion } from './migrate';
import { loadSeeds } from './seeds';

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
    const { from } = await migrate(wh);
    if (from === 0) await wh.transaction(() => loadSeeds(wh));
    return wh;
  } catch (error) {
    wh.close();
    throw error;
  }
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
      current = (await schemaVersion(wh)) >= currentSchemaVersion();
      if (current) return await work(wh);
    } finally {
      wh.close();
    }
  }
  (await openForWrite(path, options)).close();
  return withWarehouse(path, { ...options, readOnly: true }, work);
}

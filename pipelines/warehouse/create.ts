import { existsSync, linkSync, readdirSync, renameSync } from 'node:fs';
import { fsyncFile, fsyncFolder, processAlive, removeQuietly } from '../fsutil';
import { basename, dirname, join } from 'node:path';
import { Warehouse } from './connection';
import { migrate } from './migrate';
import { loadSeeds } from './seeds';

/**
 * A new warehouse appears whole or not at all. It is built in a temporary file beside the final
 * one (migrations, seeds, CHECKPOINT, clean close: no write-ahead log is left), then linked into
 * place. A process killed on the way leaves only its temporary file, which the next creation
 * removes; the warehouse path never holds a half-made database, and the young warehouse never
 * depends on replaying a write-ahead log full of schema changes (DuckDB 1.5 cannot replay some
 * of them: duckdb#19712, #22044).
 */
export async function createWarehouse(path: string): Promise<void> {
  const dir = dirname(path);
  removeAbandonedTemporaries(path);
  const tmp = temporaryName(path, 'creating');
  removeQuietly(tmp);
  removeQuietly(`${tmp}.wal`);
  try {
    const wh = await Warehouse.open(tmp, { readOnly: false });
    try {
      await migrate(wh);
      await wh.transaction(() => loadSeeds(wh));
      await wh.run('checkpoint');
    } finally {
      wh.close();
    }
    fsyncFile(tmp);
    publish(tmp, path);
    fsyncFolder(dir);
  } finally {
    removeQuietly(tmp);
    removeQuietly(`${tmp}.wal`);
  }
}

/**
 * The files a process makes beside the warehouse: `FILE.creating-PID` (a new warehouse, create.ts)
 * and `FILE.writing-PID` (the copy a command writes, shadow.ts), each with DuckDB's `.wal`. The
 * pid tells whether the process that made one still runs.
 */
export function temporaryName(path: string, kind: 'creating' | 'writing'): string {
  return `${path}.${kind}-${process.pid}`;
}

const TEMPORARY = /^\.(?:creating|writing)-(\d+)(?:\.|$)/;

/**
 * link() refuses to replace an existing file, so two processes creating the same warehouse at
 * once cannot overwrite each other's: the second finds the first one's and uses it. Where the
 * file system has no hard links, a rename does the same job without that guarantee.
 */
function publish(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (!existsSync(path)) renameSync(tmp, path);
  }
}

/**
 * Temporary files of creations and writes whose process is gone (killed): never the warehouse
 * anyone reads. Called on every open for writing, not only on a creation: a process killed after
 * linking the new warehouse into place but before removing its temporary name leaves that name
 * behind a warehouse that now exists.
 */
export function removeAbandonedTemporaries(path: string): void {
  const dir = dirname(path);
  const own = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(own)) continue;
    const pid = Number(TEMPORARY.exec(name.slice(own.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) removeQuietly(join(dir, name));
  }
}

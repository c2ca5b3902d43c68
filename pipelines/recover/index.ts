import { existsSync, renameSync, statSync } from 'node:fs';
import { CliError, isCliError } from '../errors';
import type { IngestReport } from '../ingest';
import { warehouseMessages } from '../messages';
import { openForWrite, Warehouse } from '../warehouse';

export interface RecoverOptions {
  dbPath: string;
  /** Folder of submitted files to load again (files whose bytes the warehouse does not hold). */
  inbox: string;
  /** The warehouse file itself cannot be read: keep it aside and build a new one from the inbox. */
  rebuild: boolean;
}

export interface RecoverSummary {
  /** healthy: it opened as it was, nothing was touched. */
  state: 'healthy' | 'recovered';
  /** Files renamed and kept: the log that could not be replayed, or the unreadable warehouse. */
  setAside: { from: string; to: string }[];
  ingest: IngestReport | null;
  periods: string[];
}

/**
 * Gets an unopenable warehouse working again without deleting anything: the write-ahead log that
 * cannot be replayed is renamed and kept (with --rebuild, the unreadable file too), the warehouse
 * opens as of its last checkpoint, and the inbox is loaded again (only bytes it does not hold:
 * what the lost log had committed comes back) and the models rebuilt.
 */
export async function recoverWarehouse(options: RecoverOptions): Promise<RecoverSummary> {
  const { dbPath } = options;
  if (await opens(dbPath)) return { state: 'healthy', setAside: [], ingest: null, periods: [] };
  const setAside: RecoverSummary['setAside'] = [];
  const wal = `${dbPath}.wal`;
  if (existsSync(wal)) setAside.push(keepAside(wal, 'unreplayable'));
  if (!(await opens(dbPath))) {
    if (!options.rebuild) throw new CliError(warehouseMessages.fileUnreadable(dbPath), { context: warehouseMessages.rebuildHint(dbPath) });
    setAside.push(keepAside(dbPath, 'broken'));
  }
  const wh = await openForWrite(dbPath);
  try {
    const ingest = hasInbox(options.inbox)
      ? await (await import('../ingest')).ingestFiles(wh, [options.inbox], { onlyNew: true })
      : null;
    const built = await (await import('../models')).buildWarehouse(wh);
    return { state: 'recovered', setAside, ingest, periods: built.periods };
  } finally {
    wh.close();
  }
}

async function opens(path: string): Promise<boolean> {
  if (!existsSync(path)) return true; // nothing there: the next command creates it
  try {
    (await Warehouse.open(path, { readOnly: false, lockTimeoutMs: 0 })).close();
    return true;
  } catch (error) {
    // Another process holding the lock is not damage: say so rather than touch anything.
    if (isCliError(error) && /another process|另一进程/.test(error.message)) throw error;
    return false;
  }
}

/** `x.wal` → `x.wal.unreplayable-1` (the first free number): renamed, never overwritten or deleted. */
function keepAside(path: string, label: string): { from: string; to: string } {
  for (let n = 1; ; n++) {
    const to = `${path}.${label}-${n}`;
    if (existsSync(to)) continue;
    renameSync(path, to);
    return { from: path, to };
  }
}

function hasInbox(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

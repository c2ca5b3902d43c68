import { closeSync, existsSync, fstatSync, openSync, readSync, realpathSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../errors';
import { fsyncFile, fsyncFolder, removeQuietly } from '../fsutil';
import { warehouseMessages } from '../messages';
import { Warehouse, type OpenOptions } from './connection';
import { temporaryName } from './create';

/**
 * A command never writes the warehouse file in place: it holds the file's lock (DuckDB's, by
 * opening it, which writes nothing), works on a copy beside it, and when it closes renames the
 * copy over the file, so that a process killed at any moment leaves the old file as it was or the
 * new one whole.
 *
 * Why: DuckDB 1.5 checkpoints by writing new metadata into the free part of metadata blocks that
 * the file's last checkpoint still points to, rewriting each whole 256 KB block in place. A SIGKILL
 * can stop that write between pages; the block's checksum then fails and the warehouse never opens
 * again ("Corrupt database file: computed checksum … does not match stored checksum"). Found by the
 * kill campaign (bench/crash, RELIABILITY.md): 2 of 300 builds killed while they checkpointed.
 * The price is a copy of the file per writing command (about 1 ms per MB here).
 */
export async function openCopyForWrite(path: string, options: Omit<OpenOptions, 'readOnly'>): Promise<Warehouse> {
  const target = realpathSync(path);
  const live = await lockTarget(target, options);
  const copy = temporaryName(target, 'writing');
  let source: number | undefined;
  try {
    removeTemporary(copy);
    // A log beside the file comes from an older release or a process killed while it wrote in
    // place: folded into the file first (the one in-place write left), so that the copy holds it.
    if (existsSync(`${target}.wal`)) await live.run('checkpoint');
    source = openSync(target, 'r');
    copyFrom(source, copy);
    const wh = await Warehouse.open(copy, { readOnly: false, lockTimeoutMs: 0 });
    const held = source;
    wh.whenClosed((cleanly) => publish(copy, target, { live, source: held }, cleanly));
    return wh;
  } catch (error) {
    live.close();
    if (source !== undefined) closeSync(source);
    removeTemporary(copy);
    if (error instanceof CliError) throw error;
    throw new CliError(warehouseMessages.copyFailed(target, codeOrMessage(error)), { cause: error });
  }
}

/**
 * Opens the file for writing and so takes its lock, waiting for another writer as any open does.
 * A writer that finished while this one waited has renamed a new file into place: the lock then
 * held may be the old file's, so this one opens again until the file it locked is the file there.
 */
async function lockTarget(target: string, options: Omit<OpenOptions, 'readOnly'>): Promise<Warehouse> {
  for (;;) {
    const before = identity(target);
    const live = await Warehouse.open(target, { ...options, readOnly: false });
    if (identity(target) === before) return live;
    live.close();
  }
}

function identity(path: string): string {
  const s = statSync(path);
  return `${s.dev}:${s.ino}:${s.birthtimeMs}`;
}

/**
 * DuckDB's lock is a POSIX record lock, which a process loses when it closes ANY descriptor of the
 * file: copying with copyFileSync (open, read, close) would let another writer in. The copy is
 * read through `source`, a descriptor kept open until the lock is let go (publish).
 */
function copyFrom(source: number, copy: string): void {
  const out = openSync(copy, 'w', fstatSync(source).mode);
  try {
    const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (let position = 0; ; ) {
      const n = readSync(source, buffer, 0, buffer.length, position);
      if (n === 0) break;
      for (let written = 0; written < n; ) written += writeSync(out, buffer, written, n - written);
      position += n;
    }
  } finally {
    closeSync(out);
  }
}

/** The warehouse's lock: DuckDB's open file, and the descriptor the copy was read through. */
interface Held {
  live: Warehouse;
  source: number;
}

/**
 * The copy, closed (DuckDB has checkpointed it: no log is left), goes to disk and over the file;
 * then the lock on the old file is let go. A copy that did not close cleanly is not put in place.
 */
function publish(copy: string, target: string, held: Held, cleanly: boolean): void {
  try {
    if (!cleanly) return;
    if (existsSync(`${copy}.wal`)) throw new CliError(warehouseMessages.copyFailed(target, 'DuckDB left a write-ahead log when it closed the copy'));
    fsyncFile(copy);
    renameSync(copy, target);
    fsyncFolder(dirname(target));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(warehouseMessages.copyFailed(target, codeOrMessage(error)), { cause: error });
  } finally {
    try {
      held.live.close();
    } finally {
      closeSync(held.source);
      removeTemporary(copy);
    }
  }
}

function removeTemporary(copy: string): void {
  removeQuietly(copy);
  removeQuietly(`${copy}.wal`);
}

function codeOrMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return warehouseMessages.diskFull;
  return error instanceof Error ? error.message : String(error);
}

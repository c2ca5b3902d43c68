import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors';
import { bilingual } from './messages';

/** A sibling temp name: same folder, so the final rename is atomic on one file system. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Writes a file so that readers see the old content or the whole new one, never a part:
 * write a temp file beside it, fsync, rename. On any failure the temp file is removed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    removeQuietly(tmp);
    throw outputError(path, error);
  }
}

/** Runs `write(tmp)` and renames the result into place; for writers that want a path (DuckDB COPY, exceljs). */
export async function writeViaTemp<T>(path: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = tempPathFor(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const result = await write(tmp);
    renameSync(tmp, path);
    return result;
  } catch (error) {
    removeQuietly(tmp);
    if (error instanceof CliError) throw error;
    throw outputError(path, error);
  }
}

/** writeSync may write less than asked (a nearly full disk): keep going until done or an error. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Cleanup must never hide the error that made it necessary. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to remove, or nowhere to remove it from
  }
}

function outputError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const why =
    code === 'ENOSPC' ? bilingual('磁盘已满', 'the disk is full') :
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? bilingual('没有写入权限', 'no permission to write there') :
    detail;
  return new CliError(bilingual(`无法写入 ${path}`, `cannot write ${path}`), { context: [why], cause: error });
}

/** A file's bytes on disk before anyone relies on them (a rename or link of it comes next). */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A folder's entries (a rename or link just made in it) on disk; where the file system refuses, the rename is still atomic. */
export function fsyncFolder(path: string): void {
  try {
    fsyncFile(path);
  } catch {
    // some file systems refuse fsync on a folder
  }
}

/** Whether a process still runs (its temp files are then its own, not leftovers of a kill). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../errors';
import { fsyncFolder, processAlive, writeFileAtomic } from '../fsutil';
import { lakeMessages } from '../messages/lake';
import { manifestPath, manifestText, type Manifest } from './manifest';

/**
 * How an export lands in the lake: all at once or, after a crash, finished by the next export.
 *
 * 1. Every new file is written complete beside its place (`.data.parquet.<pid>.tmp`) and fsynced.
 * 2. The commit record `_commit.json` is written atomically: the new manifest, the renames to do
 *    and the old files to remove. From here on the export is decided.
 * 3. The renames and removals are applied (each rename replaces one partition's file whole), the
 *    manifest is replaced, and the commit record removed.
 *
 * A crash before 2 leaves only temp files (removed by the next export) and the lake as it was; a
 * crash after 2 is rolled forward by the next export before it does anything else. Readers refuse
 * a lake with a commit record (lakeMessages.commitPending) rather than read a half-applied one.
 * One export at a time: `.nrp-export.lock` holds the writer's PID.
 */
export const COMMIT_FILE = '_commit.json';
const LOCK_FILE = '.nrp-export.lock';
const TEMP_SUFFIX = '.tmp';

export interface Commit {
  manifest: Manifest;
  /** Paths relative to the lake folder. */
  renames: { from: string; to: string }[];
  removes: string[];
}

/** A temp name beside `path` that no reader takes for data (hidden, not ending in .parquet). */
export function tempBeside(path: string): string {
  return join(dirname(path), `.${path.split('/').pop()}.${process.pid}${TEMP_SUFFIX}`);
}

export function commitPending(dir: string): boolean {
  return existsSync(join(dir, COMMIT_FILE));
}

export function assertNoPendingCommit(dir: string): void {
  if (commitPending(dir)) throw new CliError(lakeMessages.commitPending(dir));
}

/** Runs `work` holding the lake's export lock; a lock left by a dead process is taken over. */
export async function withLakeLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(dir, lock, error);
      const pid = Number(readQuietly(lock));
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) throw new CliError(lakeMessages.locked(dir, `PID ${pid}`));
      rmSync(lock, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockError(dir: string, lock: string, error: unknown): CliError {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') return new CliError(lakeMessages.locked(dir, `PID ${readQuietly(lock) || '?'}`));
  return new CliError(lakeMessages.locked(dir, error instanceof Error ? error.message : String(error)), { cause: error });
}

/** Step 2 and 3: record the commit, then apply it. */
export function commit(dir: string, record: Commit): void {
  writeFileAtomic(join(dir, COMMIT_FILE), JSON.stringify(record) + '\n');
  fsyncFolder(dir);
  apply(dir, record);
}

/** Under the lock, before an export: finish a commit a crashed export recorded, drop its temp files. */
export function recoverLake(dir: string): void {
  const file = join(dir, COMMIT_FILE);
  if (existsSync(file)) apply(dir, JSON.parse(readFileSync(file, 'utf8')) as Commit);
  removeTempFiles(dir);
}

function apply(dir: string, record: Commit): void {
  const touched = new Set<string>();
  for (const { from, to } of record.renames) {
    const source = join(dir, from);
    // Already renamed by the run that crashed: its file is in place.
    if (existsSync(source)) renameSync(source, join(dir, to));
    touched.add(dirname(join(dir, to)));
  }
  for (const path of record.removes) {
    rmSync(join(dir, path), { force: true });
    touched.add(dirname(join(dir, path)));
  }
  for (const folder of touched) fsyncFolder(folder);
  writeFileAtomic(manifestPath(dir), manifestText(record.manifest));
  rmSync(join(dir, COMMIT_FILE), { force: true });
  fsyncFolder(dir);
  for (const folder of touched) removeEmptyFolders(folder, dir);
}

/** Temp files of exports that died before their commit record: never part of the lake. */
function removeTempFiles(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeTempFiles(path);
    else if (entry.name.startsWith('.') && entry.name.endsWith(TEMP_SUFFIX)) rmSync(path, { force: true });
  }
}

/** A partition folder emptied by a removal goes, and so does its year folder if now empty. */
export function removeEmptyFolders(folder: string, root: string): void {
  let current = folder;
  while (current.startsWith(root) && current !== root) {
    try {
      rmdirSync(current);
    } catch {
      return; // not empty (or gone): stop
    }
    current = dirname(current);
  }
}

function readQuietly(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

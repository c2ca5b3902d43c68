import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';
import { inspect, killAfter, killAfterCue, mulberry32, writeInbox } from './crash-kit';

/**
 * The kill campaign (bench/crash, RELIABILITY.md) found a build killed while DuckDB checkpointed
 * leaving a warehouse that never opened again ("Corrupt database file: computed checksum … does not
 * match stored checksum … in block at location …"): DuckDB writes new metadata into the free part
 * of metadata blocks that the file's last checkpoint still points to, rewriting each whole block in
 * place, and a SIGKILL stops that write between pages. The torn write itself cannot be timed from
 * outside; what makes it possible can be: the warehouse file being written in place. These kills
 * land where a build commits and checkpoints (0–300 ms after its data tests passed) and anywhere in
 * an ingest; each must leave the file byte for byte as it was, or the new warehouse whole (no log
 * beside it, it opens, the new marts or registry). Writing the file in place fails at nearly every kill.
 */
const dir = tempDir('nrp-in-place-');
const KILLS = Number(process.env.NRP_CRASH_KILLS ?? 6);

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function query<T>(db: string, sql: string): T[] {
  const r = nrpProcess(['query', '--db', db, '--format', 'json', sql]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T[];
}

const marts = (db: string) =>
  query<{ h: string }>(db, `select md5(string_agg(concat_ws('|', period, unit_code, indicator_code, actual, status, rank), ',' order by period, unit_code, indicator_code)) as h from mart_indicator_progress`)[0].h;
const registry = (db: string) => query(db, 'select unit_code, period, table_name, version, row_count, sha256 from submissions order by all');
const leftovers = (db: string) => readdirSync(dir).filter((f) => f.startsWith(`${db.split('/').pop()}.`));

describe('a writing command never writes the warehouse file in place', () => {
  const base = join(dir, 'base.duckdb');
  const q1 = join(dir, 'q1');
  const q2 = join(dir, 'q2');
  writeInbox(q1, '2023Q1', 2000);
  writeInbox(q2, '2023Q2', 2000);

  it(`nrp build killed ${KILLS} times while it commits and checkpoints leaves the old file unchanged or the new one whole`, async () => {
    expect(nrpProcess(['ingest', '--db', base, q1]).code).toBe(0);
    expect(nrpProcess(['build', '--db', base]).code).toBe(0);
    expect(nrpProcess(['ingest', '--db', base, q2]).code).toBe(0);
    const before = sha256(base);
    const reference = join(dir, 'reference.duckdb');
    copyFileSync(base, reference);
    expect(nrpProcess(['build', '--db', reference]).code).toBe(0);
    const newMarts = marts(reference);
    const random = mulberry32(20261201);
    let unchanged = 0;
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `build-${i}.duckdb`);
      copyFileSync(base, db);
      const ms = Math.round(random() * 300);
      const o = await killAfterCue(['build', '--db', db], /✓ data tests/, ms);
      expect(o.cued, 'the build reported its data tests').toBe(true);
      if (o.killed) killed++;
      const label = `killed ${ms} ms after the data tests`;
      expect(existsSync(`${db}.wal`), `${label}: a log beside the warehouse`).toBe(false);
      if (sha256(db) === before) unchanged++;
      else {
        const left = await inspect(db);
        expect(left.opens, `${label}: ${left.error}`).toBe(true);
        expect(marts(db), `${label}: changed, so it must be the new warehouse whole`).toBe(newMarts);
      }
      // what the kill left beside it (its copy) is removed by the next command, which ends as an unkilled one
      expect(nrpProcess(['build', '--db', db]).code).toBe(0);
      expect(marts(db)).toBe(newMarts);
      expect(leftovers(db)).toEqual([]);
    }
    expect(killed, 'kills landed while the build still ran').toBeGreaterThan(0);
    expect(unchanged, 'kills before the new file was put in place left the old one').toBeGreaterThan(0);
  }, 60_000 + KILLS * 30_000);

  it(`nrp ingest killed ${KILLS} times into an existing warehouse leaves the old file unchanged or the new one whole`, async () => {
    const db0 = join(dir, 'ingest-base.duckdb');
    expect(nrpProcess(['ingest', '--db', db0, q1]).code).toBe(0);
    const before = sha256(db0);
    const reference = join(dir, 'ingest-reference.duckdb');
    copyFileSync(db0, reference);
    const started = Date.now();
    expect(nrpProcess(['ingest', '--db', reference, q2]).code).toBe(0);
    const full = Date.now() - started;
    const expected = registry(reference);
    const random = mulberry32(20261202);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `ingest-${i}.duckdb`);
      copyFileSync(db0, db);
      // Ingest prints nothing before it has closed the warehouse: the moments are drawn over the
      // last 500 ms of an unkilled run (commit, checkpoint, close) and, every third kill, over all of it.
      const ms = Math.round(i % 3 === 2 ? 100 + random() * full : Math.max(100, full - random() * 500));
      const o = await killAfter(['ingest', '--db', db, q2], ms);
      if (o.killed) killed++;
      const label = `killed at ${ms} ms of ${full}`;
      expect(existsSync(`${db}.wal`), `${label}: a log beside the warehouse`).toBe(false);
      if (sha256(db) !== before) {
        const left = await inspect(db);
        expect(left.opens, `${label}: ${left.error}`).toBe(true);
        expect(registry(db), `${label}: changed, so it must be the new warehouse whole`).toEqual(expected);
      }
      expect(nrpProcess(['ingest', '--db', db, q2]).code).toBe(0);
      expect(registry(db)).toEqual(expected);
      expect(leftovers(db)).toEqual([]);
    }
    expect(killed, 'kills landed while the ingest still ran').toBeGreaterThan(0);
  }, 60_000 + KILLS * 20_000);

  /** A file system with room for the warehouse but not for a second copy of it. Needs root (CI runs as root). */
  function roomForOneCopy(size: number): string | undefined {
    const mountPoint = join(dir, 'one-copy');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil((size * 1.5) / 4096) * 4096}`, 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      return undefined;
    }
    return mountPoint;
  }

  const small = join(dir, 'small.duckdb');
  expect(nrpProcess(['query', '--db', small, 'select 1']).code).toBe(0);
  const tight = roomForOneCopy(statSync(small).size);
  it.skipIf(tight === undefined)('no room for the copy: a clear error, and the warehouse is left as it was (needs root to mount a tmpfs)', () => {
    if (tight === undefined) throw new Error('unreachable: skipped without a tmpfs');
    try {
      const db = join(tight, 'w.duckdb');
      copyFileSync(small, db);
      const before = sha256(db);
      const r = nrpProcess(['ingest', '--db', db, q1]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('磁盘已满');
      expect(r.stderr).toContain('The warehouse was not changed');
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(sha256(db)).toBe(before);
      expect(readdirSync(tight)).toEqual(['w.duckdb']);
    } finally {
      execFileSync('umount', [tight], { stdio: 'ignore' });
    }
  });
});

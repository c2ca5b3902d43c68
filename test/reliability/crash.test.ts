import { appendFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';
import { inspect, killAfter, mulberry32, writeInbox } from './crash-kit';
import { REGISTRY_DISAGREES_WITH_RAW_TABLES } from './invariants';

/**
 * SIGKILL `nrp ingest` and `nrp build` at chosen moments (fixed or seeded, bounded count) and
 * check what a killed process may leave behind: the warehouse opens, every submission is wholly
 * there or wholly absent, the registry agrees with the raw tables, the marts are the old or the
 * new ones, never a mix, and running again completes. The first test covers a new warehouse's
 * creation on every run; bench/crash.bench.ts runs the long campaign (RELIABILITY.md).
 */
const dir = tempDir('nrp-crash-');
const KILLS = Number(process.env.NRP_CRASH_KILLS ?? 6);

/** With NRP_CRASH_LOG=FILE the outcomes are appended there. */
function logOutcome(what: string, outcome: object): void {
  if (process.env.NRP_CRASH_LOG) appendFileSync(process.env.NRP_CRASH_LOG, JSON.stringify({ what, ...outcome }) + '\n');
}

function timeOf(args: string[]): number {
  const started = Date.now();
  const r = nrpProcess(args);
  expect(r.code, r.stderr).toBe(0);
  return Date.now() - started;
}

function query<T>(db: string, sql: string): T[] {
  const r = nrpProcess(['query', '--db', db, '--format', 'json', sql]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T[];
}

/** Every registry row has exactly its row_count rows in its raw table, and no raw row is orphaned. */
function registryAgreesWithRawTables(db: string): void {
  const disagreements = query(db, REGISTRY_DISAGREES_WITH_RAW_TABLES);
  expect(disagreements).toEqual([]);
}

const martFingerprint = (db: string) =>
  query<{ h: string }>(db, `select md5(string_agg(concat_ws('|', period, unit_code, indicator_code, actual, status, rank), ',' order by period, unit_code, indicator_code)) as h from mart_indicator_progress`)[0].h;

describe('crash safety', () => {
  it('a new warehouse killed at 14 moments spread over its creation and first ingest opens, and takes the inbox whole', async () => {
    const inbox = join(dir, 'inbox-young');
    writeInbox(inbox, '2023Q1', 400);
    const reference = join(dir, 'young-reference.duckdb');
    const full = timeOf(['ingest', '--db', reference, inbox]);
    const snapshot = (file: string) => query(file, 'select unit_code, period, table_name, version, row_count, sha256 from submissions order by all');
    const expected = snapshot(reference);
    // Fixed moments, denser over the first second (start-up, creation, migrations, seeds: the
    // window in which a warehouse used to be left unopenable), then across the whole ingest.
    const moments = [60, 140, 220, 300, 380, 460, 540, 620, 700, 800, 900, 1000, ...[0.6, 0.9].map((f) => 1000 + f * Math.max(0, full - 1000))];
    let killed = 0;
    for (const [i, ms] of moments.entries()) {
      const db = join(dir, `young-${i}.duckdb`);
      const outcome = await killAfter(['ingest', '--db', db, inbox], ms);
      if (outcome.killed) killed++;
      const left = await inspect(db);
      logOutcome('young', { ms, ...outcome, ...left });
      expect(left.opens, `killed at ${ms} ms: ${left.error}`).toBe(true);
      expect(left.halfLoaded, `killed at ${ms} ms`).toBe(0);
      const again = nrpProcess(['ingest', '--db', db, inbox]);
      expect(again.code, again.stderr).toBe(0);
      expect(snapshot(db)).toEqual(expected);
      // the next command removed what the killed creation had left
      expect(readdirSync(dir).filter((f) => f.startsWith(`young-${i}.duckdb.creating-`))).toEqual([]);
    }
    expect(killed).toBeGreaterThan(moments.length / 2);
  }, 300_000);

  it(`nrp ingest killed ${KILLS} times at random moments leaves whole submissions only, and finishes when run again`, async () => {
    const inbox = join(dir, 'inbox-ingest');
    writeInbox(inbox, '2023Q1', 3000);
    const reference = join(dir, 'reference.duckdb');
    const full = timeOf(['ingest', '--db', reference, inbox]);
    const snapshot = (file: string) => query(file, 'select unit_code, period, table_name, version, row_count, sha256 from submissions order by all');
    const expected = snapshot(reference);
    expect(expected).toHaveLength(18);
    const random = mulberry32(20231);
    let killedMidway = 0;
    for (let i = 0; i < KILLS; i++) {
      // A fresh warehouse each time, so that every kill lands in real loading work.
      const db = join(dir, `ingest-${i}.duckdb`);
      const outcome = await killAfter(['ingest', '--db', db, inbox], 100 + random() * full);
      if (outcome.killed) killedMidway++;
      if (existsSync(db)) registryAgreesWithRawTables(db);
      logOutcome('ingest', { ...outcome, snapshots: existsSync(db) ? query<{ n: number }>(db, 'select count(*) as n from submissions')[0].n : 0 });
      const again = nrpProcess(['ingest', '--db', db, inbox]);
      expect(again.code, again.stderr).toBe(0);
      registryAgreesWithRawTables(db);
      expect(snapshot(db)).toEqual(expected);
    }
    expect(killedMidway).toBeGreaterThan(0);
  }, KILLS * 40_000);

  it(`nrp build killed ${KILLS} times leaves the old marts or the new ones, never a mix`, async () => {
    const db = join(dir, 'build.duckdb');
    writeInbox(join(dir, 'q1'), '2023Q1', 2000);
    expect(nrpProcess(['ingest', '--db', db, join(dir, 'q1')]).code).toBe(0);
    const full = timeOf(['build', '--db', db]);
    const before = martFingerprint(db);
    writeInbox(join(dir, 'q2'), '2023Q2', 2000);
    expect(nrpProcess(['ingest', '--db', db, join(dir, 'q2')]).code).toBe(0);
    const random = mulberry32(20232);
    const seen: string[] = [];
    const rebuilt: string[] = [];
    let killedMidway = 0;
    for (let i = 0; i < KILLS; i++) {
      // Each kill starts from the warehouse as it was before the new build, so every kill lands
      // between the old marts and the new ones.
      const copy = join(dir, `build-${i}.duckdb`);
      copyFileSync(db, copy);
      const outcome = await killAfter(['build', '--db', copy], 50 + random() * full);
      if (outcome.killed) killedMidway++;
      seen.push(martFingerprint(copy));
      registryAgreesWithRawTables(copy);
      logOutcome('build', { ...outcome, marts: seen.at(-1) === before ? 'old' : 'new or other' });
      expect(nrpProcess(['build', '--db', copy]).code).toBe(0);
      rebuilt.push(martFingerprint(copy));
    }
    expect(killedMidway).toBeGreaterThan(0);
    expect(nrpProcess(['build', '--db', db]).code).toBe(0);
    const after = martFingerprint(db);
    expect(after).not.toBe(before);
    for (const h of seen) expect([before, after]).toContain(h);
    expect(new Set(rebuilt)).toEqual(new Set([after]));
  }, KILLS * 40_000);
});

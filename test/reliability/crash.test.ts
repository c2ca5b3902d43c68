import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';
import { nrpProcess, tempDir } from '../helpers';
import { REGISTRY_DISAGREES_WITH_RAW_TABLES } from './invariants';

/**
 * SIGKILL `nrp ingest` and `nrp build` at random moments (a seeded sequence, bounded count) and
 * check what a killed process may leave behind: the warehouse opens, every submission is wholly
 * there or wholly absent, the registry agrees with the raw tables, the marts are the old or the
 * new ones, never a mix, and running again completes.
 */
const dir = tempDir('nrp-crash-');
const KILLS = Number(process.env.NRP_CRASH_KILLS ?? 6);

/** With NRP_CRASH_LOG=FILE the outcomes are appended there (RELIABILITY.md quotes a long run). */
function logOutcome(what: string, outcome: object): void {
  if (process.env.NRP_CRASH_LOG) appendFileSync(process.env.NRP_CRASH_LOG, JSON.stringify({ what, ...outcome }) + '\n');
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid CSV submissions for every unit: a patch table big enough that ingest takes a while. */
function writeInbox(folder: string, period: string, patches: number): void {
  mkdirSync(folder, { recursive: true });
  const units = ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市', '嘉兴经济技术开发区', '嘉兴港区'];
  for (const [u, unit] of units.entries()) {
    const rows = ['图斑编号,监测批次,新增建设占用耕地面积（亩）,违法占用耕地面积（亩）,判定类型,整改状态'];
    for (let i = 0; i < patches; i++) {
      const illegal = i % 50 === 0 ? 0.5 : 0;
      rows.push(`TB${u}-${period}-${i},2023Q1,${(1 + (i % 7) / 10).toFixed(1)},${illegal},${illegal ? '违法' : '合法'},`);
    }
    writeFileSync(join(folder, `${unit}_${period}_卫片图斑.csv`), rows.join('\n') + '\n');
    writeFileSync(join(folder, `${unit}_${period}_指标进度.csv`), `指标代码,累计完成,分子,分母\nnew_farmland,${100 + u},,\nsurvey_error_rate,,${u},100\n`);
  }
}

/** Starts `nrp ARGS` and kills it with SIGKILL after `ms` (if still running). */
function killAfter(args: string[], ms: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [projectPath('dist/pipelines/cli.js'), ...args], { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
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

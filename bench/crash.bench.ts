import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectPath } from '../pipelines/paths';
import { Warehouse } from '../pipelines/warehouse';
import { inspect, killAfter, mulberry32, writeInbox, type Inspection } from '../test/reliability/crash-kit';

/**
 * The kill campaign of issue 13: NRP_CRASH_BENCH_KILLS (default 500) seeded SIGKILLs spread over
 * the commands that write (a new warehouse's creation and first ingest, ingest into an existing
 * one, build, report --issue), each at a moment drawn uniformly from that command's own run time.
 * After every kill: does the warehouse open, is any submission half there (registry vs raw rows),
 * are the marts the old or the new ones, is an issued bulletin recorded whole or not at all.
 * Every creation kill, and every fifth other kill, then runs the command again and checks it ends
 * with the same result as an unkilled run. The counts that must be 0 are the point.
 */
const SEED = Number(process.env.NRP_CRASH_SEED ?? 20261130);
const KILLS = Number(process.env.NRP_CRASH_BENCH_KILLS ?? 500);
const CLI = projectPath('dist/pipelines/cli.js');

interface Tally {
  kills: number;
  killedMidway: number;
  absent: number;
  unopenable: number;
  halfLoaded: number;
  mixed: number;
  reruns: number;
  rerunFailures: number;
  errors: string[];
}

const tally = (): Tally => ({ kills: 0, killedMidway: 0, absent: 0, unopenable: 0, halfLoaded: 0, mixed: 0, reruns: 0, rerunFailures: 0, errors: [] });

function nrp(args: string[]): { code: number | null; ms: number; stderr: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, ms: performance.now() - started, stderr: r.stderr };
}

function mustRun(args: string[]): number {
  const r = nrp(args);
  if (r.code !== 0) throw new Error(`bench crash: nrp ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.ms;
}

async function scalar(db: string, sql: string): Promise<string> {
  const wh = await Warehouse.open(db, { readOnly: true, lockTimeoutMs: 0 });
  try {
    const row = await wh.one<Record<string, unknown>>(sql);
    return String(Object.values(row ?? {})[0]);
  } finally {
    wh.close();
  }
}

const SUBMISSIONS = `select md5(coalesce(string_agg(concat_ws('|', unit_code, period, table_name, version, row_count, sha256), ',' order by all), '')) from submissions`;
const MARTS = `select md5(string_agg(concat_ws('|', period, unit_code, indicator_code, actual, status, rank), ',' order by period, unit_code, indicator_code)) from mart_indicator_progress`;
/** An issued bulletin is recorded with every figure it published, or not at all. */
const ISSUE = `select (select count(*) from bulletin_issues) || '/' || (select count(*) from bulletin_published_values)`;

/** The warehouse and whatever a kill left beside it (its log, a creation's temporary files). */
function removeWarehouse(db: string): void {
  for (const f of readdirSync(dirname(db))) if (f === basename(db) || f.startsWith(`${basename(db)}.`)) rmSync(join(dirname(db), f), { force: true });
}

function record(t: Tally, left: Inspection, label: string): void {
  t.kills++;
  if (left.absent) t.absent++;
  if (!left.opens) {
    t.unopenable++;
    t.errors.push(`${label}: ${left.error?.split('\n')[0]}`);
  }
  if (left.halfLoaded > 0) {
    t.halfLoaded++;
    t.errors.push(`${label}: ${left.halfLoaded} registry rows disagree with the raw tables`);
  }
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-crash-bench-'));
  const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const started = performance.now();
  const random = mulberry32(SEED);
  const at = (full: number) => Math.round(20 + random() * full);
  try {
    // The inputs and the reference results of unkilled runs.
    const small = join(dir, 'small');
    writeInbox(small, '2023Q1', 400);
    const big = join(dir, 'big');
    writeInbox(big, '2023Q1', 3000);
    const q2 = join(dir, 'q2');
    writeInbox(q2, '2023Q2', 1000);

    const youngRef = join(dir, 'young-ref.duckdb');
    const youngMs = mustRun(['ingest', '--db', youngRef, small]);
    const youngSubs = await scalar(youngRef, SUBMISSIONS);

    const empty = join(dir, 'empty.duckdb');
    mustRun(['query', '--db', empty, 'select 1']);
    const ingestRef = join(dir, 'ingest-ref.duckdb');
    copyFileSync(empty, ingestRef);
    const ingestMs = mustRun(['ingest', '--db', ingestRef, big]);
    const ingestSubs = await scalar(ingestRef, SUBMISSIONS);

    const built = join(dir, 'built.duckdb');
    copyFileSync(ingestRef, built);
    mustRun(['build', '--db', built]);
    mustRun(['ingest', '--db', built, q2]);
    const oldMarts = await scalar(built, MARTS);
    const buildRef = join(dir, 'build-ref.duckdb');
    copyFileSync(built, buildRef);
    const buildMs = mustRun(['build', '--db', buildRef]);
    const newMarts = await scalar(buildRef, MARTS);

    const issueRef = join(dir, 'issue-ref.duckdb');
    copyFileSync(buildRef, issueRef);
    const out = join(dir, 'out');
    const issueArgs = (db: string) => ['report', '--db', db, '--period', '2023Q2', '--issue', '--out', out];
    const issueMs = mustRun(issueArgs(issueRef));
    const issued = await scalar(issueRef, ISSUE);

    const kinds = {
      creation: { share: 0.3, t: tally() },
      ingest: { share: 0.3, t: tally() },
      build: { share: 0.2, t: tally() },
      issue: { share: 0.2, t: tally() },
    };
    const counts = Object.values(kinds).map((k) => Math.round(k.share * KILLS));
    counts[0] += KILLS - counts.reduce((a, b) => a + b, 0);

    for (let i = 0; i < counts[0]; i++) {
      // A fresh path each time: the kill lands in start-up, creation, migrations, seeds or the load.
      const db = join(dir, `young-${i}.duckdb`);
      const ms = at(youngMs * 1.1);
      const o = await killAfter(['ingest', '--db', db, small], ms);
      const t = kinds.creation.t;
      if (o.killed) t.killedMidway++;
      record(t, await inspect(db), `creation kill at ${ms} ms`);
      t.reruns++;
      const again = nrp(['ingest', '--db', db, small]);
      if (again.code !== 0 || (await scalar(db, SUBMISSIONS)) !== youngSubs) {
        t.rerunFailures++;
        t.errors.push(`creation kill at ${ms} ms: the run after it did not load the inbox whole (${again.stderr.split('\n')[0]})`);
      }
      removeWarehouse(db);
    }
    for (let i = 0; i < counts[1]; i++) {
      const db = join(dir, `ingest-${i}.duckdb`);
      copyFileSync(empty, db);
      const ms = at(ingestMs);
      const o = await killAfter(['ingest', '--db', db, big], ms);
      const t = kinds.ingest.t;
      if (o.killed) t.killedMidway++;
      record(t, await inspect(db), `ingest kill at ${ms} ms`);
      if (i % 5 === 0) {
        t.reruns++;
        const again = nrp(['ingest', '--db', db, big]);
        if (again.code !== 0 || (await scalar(db, SUBMISSIONS)) !== ingestSubs) t.rerunFailures++;
      }
      removeWarehouse(db);
    }
    for (let i = 0; i < counts[2]; i++) {
      const db = join(dir, `build-${i}.duckdb`);
      copyFileSync(built, db);
      const ms = at(buildMs);
      const o = await killAfter(['build', '--db', db], ms);
      const t = kinds.build.t;
      if (o.killed) t.killedMidway++;
      const left = await inspect(db);
      record(t, left, `build kill at ${ms} ms`);
      if (left.opens && ![oldMarts, newMarts].includes(await scalar(db, MARTS))) {
        t.mixed++;
        t.errors.push(`build kill at ${ms} ms: marts are neither the old nor the new ones`);
      }
      if (i % 5 === 0) {
        t.reruns++;
        const again = nrp(['build', '--db', db]);
        if (again.code !== 0 || (await scalar(db, MARTS)) !== newMarts) t.rerunFailures++;
      }
      removeWarehouse(db);
    }
    for (let i = 0; i < counts[3]; i++) {
      const db = join(dir, `issue-${i}.duckdb`);
      copyFileSync(buildRef, db);
      const ms = at(issueMs);
      const o = await killAfter(issueArgs(db), ms);
      const t = kinds.issue.t;
      if (o.killed) t.killedMidway++;
      const left = await inspect(db);
      record(t, left, `report --issue kill at ${ms} ms`);
      if (left.opens && !['0/0', issued].includes(await scalar(db, ISSUE))) {
        t.mixed++;
        t.errors.push(`report --issue kill at ${ms} ms: issue recorded in part (${await scalar(db, ISSUE)})`);
      }
      if (i % 5 === 0) {
        t.reruns++;
        const again = nrp(issueArgs(db));
        if (again.code !== 0 || (await scalar(db, ISSUE)) !== issued) t.rerunFailures++;
      }
      removeWarehouse(db);
    }

    const rows = Object.entries(kinds).map(([name, { t }]) =>
      `| ${name} | ${t.kills} | ${t.killedMidway} | ${t.absent} | **${t.unopenable}** | **${t.halfLoaded}** | **${t.mixed}** | ${t.reruns} / ${t.rerunFailures} |`);
    const all = Object.values(kinds).map((k) => k.t);
    const sum = (f: (t: Tally) => number) => all.reduce((n, t) => n + f(t), 0);
    const errors = all.flatMap((t) => t.errors);
    return `## crash

Kill campaign (issue 13): ${sum((t) => t.kills)} SIGKILLs (seed ${SEED}; \`NRP_CRASH_SEED\`, \`NRP_CRASH_BENCH_KILLS\`), each at a moment
drawn uniformly from the command's own unkilled run time: **creation** = \`nrp ingest\` into a path where no warehouse exists
yet (start-up, creation, migrations, seeds, first load; ${Math.round(youngMs)} ms unkilled; 9 units × 2 CSV files, 400 patches each),
**ingest** = into an existing empty warehouse (${Math.round(ingestMs)} ms; 3,000 patches per unit), **build** = a rebuild after a
new quarter arrived (${Math.round(buildMs)} ms), **issue** = \`nrp report --period 2023Q2 --issue\` (${Math.round(issueMs)} ms). After each kill the
warehouse is opened read-only as \`nrp query\` opens it. "Absent": killed before a new warehouse was put in place (the
path holds nothing; the next command creates it). "Mixed": marts neither the old nor the new ones, or an issued bulletin
recorded without all its figures. Reruns: every creation kill and every fifth other kill, the same command run again must
exit 0 with the same submissions, marts or issue record as an unkilled run.

| command | kills | still running when killed | absent | did not open | half-loaded submissions | mixed | reruns / failed |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
| **all** | ${sum((t) => t.kills)} | ${sum((t) => t.killedMidway)} | ${sum((t) => t.absent)} | **${sum((t) => t.unopenable)}** | **${sum((t) => t.halfLoaded)}** | **${sum((t) => t.mixed)}** | ${sum((t) => t.reruns)} / ${sum((t) => t.rerunFailures)} |

${errors.length ? `Failures:\n\n${errors.slice(0, 20).map((e) => `- ${e}`).join('\n')}\n` : 'No failure.'}

Run took ${((performance.now() - started) / 60000).toFixed(1)} min; load average ${loadBefore} before, ${loadavg().map((l) => l.toFixed(1)).join(' / ')} after (2 cores shared).
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

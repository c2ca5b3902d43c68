import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectPath } from '../pipelines/paths';
import { Warehouse } from '../pipelines/warehouse';
import { inspect, killAfter, killAfterCue, mulberry32, writeInbox, type Inspection } from '../test/reliability/crash-kit';
import { copyCost, KEEP, keepAside } from './crash-keep';

/**
 * The kill campaign of issue 13: NRP_CRASH_BENCH_KILLS (default 500) seeded SIGKILLs spread over
 * the commands that write (a new warehouse's creation and first ingest, ingest into an existing
 * one, build, report --issue), each at a moment drawn uniformly from that command's own run time,
 * and NRP_CRASH_CHECKPOINT_KILLS (default 300) builds killed while they commit and checkpoint: a
 * window of a few hundred milliseconds that uniform moments seldom hit (it is where DuckDB rewrote
 * metadata blocks in place and a kill left a file that never opened). After every kill: does the warehouse open, is any submission half there (registry vs raw rows),
 * are the marts the old or the new ones, is an issued bulletin recorded whole or not at all.
 * Every creation kill, and every fifth other kill, then runs the command again and checks it ends
 * with the same result as an unkilled run. The counts that must be 0 are the point.
 */
const SEED = Number(process.env.NRP_CRASH_SEED ?? 20261130);
const KILLS = Number(process.env.NRP_CRASH_BENCH_KILLS ?? 500);
/** Besides: builds killed within 300 ms after their data tests passed (commit, checkpoint, close). */
const CHECKPOINT_KILLS = Number(process.env.NRP_CRASH_CHECKPOINT_KILLS ?? 300);
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

/** A failure: the whole text kept with the files, the report's line long enough to read the cause. */
function fail(t: Tally, db: string, label: string, text: string): void {
  const kept = keepAside(db, `${label.replace(/[^\w-]+/g, '-')}-${t.errors.length}`, `${label}\n${text}`);
  t.errors.push(`${label}: ${text.replace(/\s+/g, ' ').slice(0, 1500)} (kept in ${kept})`);
}

function record(t: Tally, left: Inspection, label: string, db: string): void {
  t.kills++;
  if (left.absent) t.absent++;
  if (!left.opens) {
    t.unopenable++;
    fail(t, db, label, left.error ?? 'no message');
  }
  if (left.halfLoaded > 0) {
    t.halfLoaded++;
    fail(t, db, label, `${left.halfLoaded} registry rows disagree with the raw tables`);
  }
}

/** One command of the campaign: where its warehouse comes from, how it is run, what it must leave. */
interface Target {
  share: number;
  t: Tally;
  /** A warehouse path in the state before the command (a copy, or nothing at a new path). */
  prepare(db: string): void;
  args(db: string): string[];
  /** Beyond opening and whole submissions: what else a kill must not leave (a mix). */
  mixed?(db: string): Promise<string | undefined>;
  /** The state after a complete run, to compare a rerun with. */
  result(db: string): Promise<string>;
  expected: string;
  rerunEvery: number;
  /** Unkilled run times measured so far (ms); kill moments are drawn from their median. */
  times: number[];
  /** Instead: kill within `windowMs` after the command printed `pattern` (a build's data tests passed). */
  cue?: { pattern: RegExp; windowMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Kills `target` `count` times. The run time the moments are drawn from is measured again every
 * tenth kill on an unkilled run (the machine's speed drifts with its load), so that most kills
 * land while the command still runs.
 */
async function campaign(name: string, target: Target, count: number, dir: string, random: () => number): Promise<void> {
  const { t } = target;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0 && !target.cue) {
      const db = join(dir, `${name}-timing.duckdb`);
      target.prepare(db);
      target.times.push(mustRun(target.args(db)));
      removeWarehouse(db);
    }
    const db = join(dir, `${name}-${i}.duckdb`);
    target.prepare(db);
    const ms = Math.round(target.cue ? random() * target.cue.windowMs : 20 + random() * median(target.times));
    const o = target.cue ? await killAfterCue(target.args(db), target.cue.pattern, ms) : await killAfter(target.args(db), ms);
    if (o.killed) t.killedMidway++;
    const left = await inspect(db);
    const label = `${name} kill ${i} at ${ms} ms${target.cue ? ' after the cue' : ''}`;
    record(t, left, label, db);
    if (left.opens && !left.absent && target.mixed) {
      const mix = await target.mixed(db);
      if (mix) {
        t.mixed++;
        fail(t, db, label, mix);
      }
    }
    if (left.opens && i % target.rerunEvery === 0) {
      t.reruns++;
      // the state the kill left, kept until the rerun has shown whether it matters
      const before = join(dir, `${name}-${i}-before-rerun`);
      mkdirSync(before);
      for (const f of readdirSync(dir)) if (f === basename(db) || f.startsWith(`${basename(db)}.`)) copyFileSync(join(dir, f), join(before, f));
      const again = nrp(target.args(db));
      const result = again.code === 0 ? await target.result(db) : undefined;
      if (again.code !== 0 || result !== target.expected) {
        t.rerunFailures++;
        fail(t, join(before, basename(db)), `${label} (as the kill left it)`, 'the run after it did not end as an unkilled run');
        fail(t, db, `${label} (after the rerun)`, `exit ${again.code}, result ${result} (expected ${target.expected}):\n${again.stderr}`);
      }
      rmSync(before, { recursive: true, force: true });
    }
    removeWarehouse(db);
  }
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-crash-bench-'));
  const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const started = performance.now();
  const random = mulberry32(SEED);
  try {
    // The inputs and the states the commands start from.
    const small = join(dir, 'small');
    writeInbox(small, '2023Q1', 400);
    const big = join(dir, 'big');
    writeInbox(big, '2023Q1', 3000);
    const q2 = join(dir, 'q2');
    writeInbox(q2, '2023Q2', 1000);
    const empty = join(dir, 'empty.duckdb');
    mustRun(['query', '--db', empty, 'select 1']);
    const built = join(dir, 'built.duckdb');
    copyFileSync(empty, built);
    mustRun(['ingest', '--db', built, big]);
    mustRun(['build', '--db', built]);
    mustRun(['ingest', '--db', built, q2]);
    const oldMarts = await scalar(built, MARTS);
    const rebuilt = join(dir, 'rebuilt.duckdb');
    copyFileSync(built, rebuilt);
    mustRun(['build', '--db', rebuilt]);
    const newMarts = await scalar(rebuilt, MARTS);
    const out = join(dir, 'out');
    const issueArgs = (db: string) => ['report', '--db', db, '--period', '2023Q2', '--issue', '--out', out];
    const issuedRef = join(dir, 'issued.duckdb');
    copyFileSync(rebuilt, issuedRef);
    mustRun(issueArgs(issuedRef));
    const issued = await scalar(issuedRef, ISSUE);
    const reference = async (prepare: (db: string) => void, args: (db: string) => string[], result: (db: string) => Promise<string>) => {
      const db = join(dir, 'reference.duckdb');
      prepare(db);
      mustRun(args(db));
      const r = await result(db);
      removeWarehouse(db);
      return r;
    };

    const fresh = (db: string) => removeWarehouse(db);
    const copyOf = (from: string) => (db: string) => {
      removeWarehouse(db);
      copyFileSync(from, db);
    };
    const submissions = (db: string) => scalar(db, SUBMISSIONS);
    const marts = (db: string) => scalar(db, MARTS);
    const issue = (db: string) => scalar(db, ISSUE);
    const targets: Record<string, Target> = {
      creation: {
        share: 0.3, t: tally(), prepare: fresh, args: (db) => ['ingest', '--db', db, small], result: submissions, rerunEvery: 1, times: [],
        expected: await reference(fresh, (db) => ['ingest', '--db', db, small], submissions),
      },
      ingest: {
        share: 0.3, t: tally(), prepare: copyOf(empty), args: (db) => ['ingest', '--db', db, big], result: submissions, rerunEvery: 5, times: [],
        expected: await reference(copyOf(empty), (db) => ['ingest', '--db', db, big], submissions),
      },
      build: {
        share: 0.2, t: tally(), prepare: copyOf(built), args: (db) => ['build', '--db', db], result: marts, rerunEvery: 5, times: [],
        expected: newMarts,
        mixed: async (db) => {
          const h = await marts(db);
          return [oldMarts, newMarts].includes(h) ? undefined : 'marts are neither the old nor the new ones';
        },
      },
      issue: {
        share: 0.2, t: tally(), prepare: copyOf(rebuilt), args: issueArgs, result: issue, rerunEvery: 5, times: [],
        expected: issued,
        mixed: async (db) => {
          const h = await issue(db);
          return ['0/0', issued].includes(h) ? undefined : `issue recorded in part (${h})`;
        },
      },
      checkpoint: {
        share: 0, t: tally(), prepare: copyOf(built), args: (db) => ['build', '--db', db], result: marts, rerunEvery: 5, times: [],
        expected: newMarts, cue: { pattern: /✓ data tests/, windowMs: 300 },
        mixed: async (db) => {
          const h = await marts(db);
          return [oldMarts, newMarts].includes(h) ? undefined : 'marts are neither the old nor the new ones';
        },
      },
    };
    const costDb = join(dir, 'cost.duckdb');
    copyFileSync(rebuilt, costDb);
    const cost = await copyCost(costDb);
    const kinds = targets;
    const counts = Object.values(kinds).map((k) => (k.cue ? CHECKPOINT_KILLS : Math.round(k.share * KILLS)));
    counts[0] += KILLS + CHECKPOINT_KILLS - counts.reduce((a, b) => a + b, 0);
    for (const [i, [name, target]] of Object.entries(kinds).entries()) await campaign(name, target, counts[i], dir, random);

    const ms = (k: Target) => `${Math.round(Math.min(...k.times))}–${Math.round(Math.max(...k.times))} ms`;
    const rows = Object.entries(kinds).map(([name, { t }]) =>
      `| ${name} | ${t.kills} | ${t.killedMidway} | ${t.absent} | **${t.unopenable}** | **${t.halfLoaded}** | **${t.mixed}** | ${t.reruns} / ${t.rerunFailures} |`);
    const all = Object.values(kinds).map((k) => k.t);
    const sum = (f: (t: Tally) => number) => all.reduce((n, t) => n + f(t), 0);
    const errors = all.flatMap((t) => t.errors);
    return `## crash

Kill campaign (issue 13): ${sum((t) => t.kills)} SIGKILLs (seed ${SEED}; \`NRP_CRASH_SEED\`, \`NRP_CRASH_BENCH_KILLS\`, \`NRP_CRASH_CHECKPOINT_KILLS\`),
${KILLS} of them each at a moment drawn uniformly from the command's own unkilled run time: **creation** = \`nrp ingest\` into a path where no warehouse exists
yet (start-up, creation, migrations, seeds, first load; ${ms(kinds.creation)} unkilled; 9 units × 2 CSV files, 400 patches each),
**ingest** = into an existing empty warehouse (${ms(kinds.ingest)}; 3,000 patches per unit), **build** = a rebuild after a
new quarter arrived (${ms(kinds.build)}), **issue** = \`nrp report --period 2023Q2 --issue\` (${ms(kinds.issue)}); and ${CHECKPOINT_KILLS} **checkpoint** kills:
the same build killed 0–300 ms after it printed that its data tests passed, while it commits, checkpoints, closes and puts the
new file in place (the window in which DuckDB rewrites metadata blocks, RELIABILITY.md). Each command's unkilled run time is
measured again every tenth kill (the machine's speed drifts with its load) and the moments drawn from the median. After each kill the
warehouse is opened read-only as \`nrp query\` opens it. "Absent": killed before a new warehouse was put in place (the
path holds nothing; the next command creates it). "Mixed": marts neither the old nor the new ones, or an issued bulletin
recorded without all its figures. Reruns: every creation kill and every fifth other kill, the same command run again must
exit 0 with the same submissions, marts or issue record as an unkilled run. A writing command writes a copy of the warehouse
and renames it into place (pipelines/warehouse/shadow.ts); opening for writing and closing with nothing written: ${cost}.

| command | kills | still running when killed | absent | did not open | half-loaded submissions | mixed | reruns / failed |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
| **all** | ${sum((t) => t.kills)} | ${sum((t) => t.killedMidway)} | ${sum((t) => t.absent)} | **${sum((t) => t.unopenable)}** | **${sum((t) => t.halfLoaded)}** | **${sum((t) => t.mixed)}** | ${sum((t) => t.reruns)} / ${sum((t) => t.rerunFailures)} |

${errors.length ? `Failures (the warehouse files and the whole error text of each kept in ${KEEP}):\n\n${errors.map((e) => `- ${e}`).join('\n')}\n` : 'No failure.'}

Run took ${((performance.now() - started) / 60000).toFixed(1)} min; load average ${loadBefore} before, ${loadavg().map((l) => l.toFixed(1)).join(' / ')} after (2 cores shared).
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

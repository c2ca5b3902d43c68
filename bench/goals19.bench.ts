import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg as osLoadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expandPaths, ingestFiles } from '../pipelines/ingest';
import { buildWarehouse } from '../pipelines/models';
import { projectPath } from '../pipelines/paths';
import { FINDINGS } from './goals19-findings';
import { DEFAULT_SEED, generateSample } from '../pipelines/sample';
import { seedsDir, withWriteWarehouse } from '../pipelines/warehouse';

/**
 * Issue 19's goals on fresh processes, in one run so that every variant shares the machine's load:
 *   (a) one 1.8 KB CSV into a warehouse (`nrp ingest`) against `nrp query "select 1"`;
 *   (b) `npm start` (`nrp demo`) from an empty folder, with and without the PDF helper
 *       (NRP_RUN_HELPER=0: the PDFs too in the one process);
 *   (c) the city bulletin (`nrp report --period 2023Q2`).
 * Wall and CPU time (user + system of the process and every process it waited for: the helper's
 * too), rounds alternating the variants, medians. With NRP_BENCH_BEFORE=DIR (a build of the code
 * before: DIR/dist), the code before is measured in the same rounds.
 */
const BEFORE = process.env.NRP_BENCH_BEFORE;
const ROUNDS = { small: 9, demo: 3, report: 7 };

type Run = { wall: number; cpu: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadavg = () => osLoadavg().map((l) => l.toFixed(1)).join(' / ');

/** CPU ms of the processes this one has waited for (cutime + cstime; USER_HZ 100). */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

function time(dist: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const cpu0 = childrenCpu();
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [join(dist, 'pipelines/cli.js'), ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true', ...env } });
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: childrenCpu() - cpu0 };
}

type Breakdown = { phases: { name: string; ms: number; cpu: number }[]; steps: { name: string; ms: number; cpu: number }[] };

/** Medians by phase, and by ingest step within the ingest phase. */
function phasesTable(runs: Breakdown[]): string {
  const rows = (pick: (b: Breakdown) => { name: string; ms: number; cpu: number }[], indent: string) =>
    pick(runs[0]).map(({ name }) => {
      const of = (k: 'ms' | 'cpu') => median(runs.map((r) => pick(r).find((x) => x.name === name)?.[k] ?? 0));
      return `| ${indent}${name} | ${of('ms').toFixed(0)} | ${of('cpu').toFixed(0)} |`;
    });
  const phaseRows = rows((b) => b.phases, '');
  const at = runs[0].phases.findIndex((p) => p.name === 'ingest');
  const stepRows = rows((b) => b.steps, '↳ ');
  return `
(a) phase by phase: the same ingest in a fresh process that times its phases (bench/ingest-child.ts;
${runs.length} runs, medians; CPU includes DuckDB's threads; the first phase includes Node's own start):

| phase | wall ms | CPU ms |
|---|---:|---:|
${[...phaseRows.slice(0, at + 1), ...stepRows, ...phaseRows.slice(at + 1)].join('\n')}
`;
}

type Variant = { label: string; run: (round: number) => Run };

/** Each round runs every variant once, in an order that turns each round. */
function rounds(n: number, variants: Variant[]): Map<string, Run[]> {
  const out = new Map(variants.map((v) => [v.label, [] as Run[]]));
  for (let i = 0; i < n; i++) {
    for (const v of [...variants.slice(i % variants.length), ...variants.slice(0, i % variants.length)]) out.get(v.label)!.push(v.run(i));
  }
  return out;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-goals19-'));
  const after = projectPath('dist');
  const before = BEFORE ? join(BEFORE, 'dist') : undefined;
  try {
    const loadBefore = loadavg();
    // the sample, ingested and built: (a)'s warehouse lacks one small CSV, (c)'s is whole
    const inbox = join(dir, 'inbox');
    await generateSample({ outDir: inbox, seed: DEFAULT_SEED, scale: 1, seedsDir: seedsDir() });
    const all = expandPaths([inbox]);
    const small = all.find((f) => basename(f) === '海宁市_2023Q1_指标进度.csv')!;
    const prepared = join(dir, 'prepared.duckdb');
    await withWriteWarehouse(prepared, (wh) => ingestFiles(wh, all.filter((f) => f.includes('2023-04-14') && f !== small)));
    const whole = join(dir, 'whole.duckdb');
    await withWriteWarehouse(whole, async (wh) => {
      await ingestFiles(wh, [inbox]);
      await buildWarehouse(wh);
    });

    const ingestInto = (dist: string, tag: string) => (i: number): Run => {
      const db = join(dir, `small-${tag}-${i}.duckdb`);
      copyFileSync(prepared, db);
      try {
        return time(dist, ['ingest', '--db', db, small], dir);
      } finally {
        rmSync(db, { force: true });
      }
    };
    const a = rounds(ROUNDS.small, [
      { label: 'query', run: () => time(after, ['query', '--db', prepared, 'select 1'], dir) },
      { label: 'after', run: ingestInto(after, 'after') },
      ...(before ? [{ label: 'before', run: ingestInto(before, 'before') }] : []),
    ]);

    // (a) phase by phase, in fresh processes (ingest-child.ts)
    const breakdown: Breakdown[] = [];
    for (let i = 0; i < ROUNDS.small; i++) {
      const db = join(dir, `small-phases-${i}.duckdb`);
      copyFileSync(prepared, db);
      breakdown.push(JSON.parse(execFileSync(process.execPath, [join(after, 'bench/ingest-child.js'), db, small], { encoding: 'utf8' })) as Breakdown);
      rmSync(db, { force: true });
    }

    const report = (dist: string) => (): Run => time(dist, ['report', '--period', '2023Q2', '--db', whole, '--out', join(dir, 'report-out')], dir);
    report(after)(); // a first run, as after any install
    const c = rounds(ROUNDS.report, [
      { label: 'after', run: report(after) },
      ...(before ? [{ label: 'before', run: report(before) }] : []),
    ]);

    const demo = (dist: string, tag: string, env: Record<string, string> = {}) => (i: number): Run => {
      const cwd = join(dir, `demo-${tag}-${i}`);
      mkdirSync(cwd);
      try {
        return time(dist, ['demo'], cwd, env);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    };
    const b = rounds(ROUNDS.demo, [
      { label: 'after', run: demo(after, 'after') },
      { label: 'no helper', run: demo(after, 'nohelper', { NRP_RUN_HELPER: '0' }) },
      ...(before ? [{ label: 'before', run: demo(before, 'before') }] : []),
    ]);
    const beforeCommit = BEFORE ? execFileSync('git', ['-C', BEFORE, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim() : '';
    return section({ a, b, c, loadBefore, loadAfter: loadavg(), smallBytes: readFileSync(small).length, beforeCommit }) + phasesTable(breakdown) + '\n' + FINDINGS;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function section(m: { a: Map<string, Run[]>; b: Map<string, Run[]>; c: Map<string, Run[]>; loadBefore: string; loadAfter: string; smallBytes: number; beforeCommit: string }): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const wall = (runs: Run[] | undefined) => (runs ? median(runs.map((r) => r.wall)) : undefined);
  const cpu = (runs: Run[] | undefined) => (runs ? median(runs.map((r) => r.cpu)) : undefined);
  const fig = (runs: Run[] | undefined) => (runs ? `${s(wall(runs)!)} (CPU ${s(cpu(runs)!)})` : 'not measured');
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const q = m.a.get('query')!;
  const ratio = (runs: Run[]) => median(runs.map((r, i) => r.wall / q[i].wall));
  const ratioCpu = (runs: Run[]) => median(runs.map((r, i) => r.cpu / q[i].cpu));
  const aAfter = m.a.get('after')!;
  const aBefore = m.a.get('before');
  const bAfter = m.b.get('after')!;
  const cAfter = m.c.get('after')!;
  const list = (runs: Run[]) => runs.map((r) => `${(r.wall / 1000).toFixed(2)}/${(r.cpu / 1000).toFixed(2)}`).join(', ');
  return `## Issue 19's goals, fresh processes (bench/goals19.bench.ts)

Each figure: median wall time (CPU time: user + system of the process and of every process it
waited for, the PDF helper's included). Rounds alternate the variants, in an order that turns
each round: (a) ${ROUNDS.small} rounds, (b) ${ROUNDS.demo}, (c) ${ROUNDS.report}. "Before" is the code before this work (${m.beforeCommit || 'not measured in this run'},
built in a worktree: NRP_BENCH_BEFORE), measured in the same rounds; "issue" is the figure the issue
was filed with. This machine: 2 cores, shared with other work (load average ${m.loadBefore} before,
${m.loadAfter} after: wall times are inflated by the load, CPU times much less).

| goal | issue | before | after | goal | |
|---|---|---|---|---|---|
| (a) one ${m.smallBytes}-byte CSV, \`nrp ingest\` as a fresh process | 0.48 s | ${fig(aBefore)} | ${fig(aAfter)} | ≤ 0.30 s | ${met(wall(aAfter)! <= 300)} |
| (a) the same / \`nrp query "select 1"\` (${fig(q)}) | 2.1× | ${aBefore ? `${ratio(aBefore).toFixed(2)}× (CPU ${ratioCpu(aBefore).toFixed(2)}×)` : ''} | ${ratio(aAfter).toFixed(2)}× (CPU ${ratioCpu(aAfter).toFixed(2)}×) | ≤ 1.3× | ${met(ratio(aAfter) <= 1.3)} |
| (b) \`npm start\` (\`nrp demo\`) from an empty folder | 22 s | ${fig(m.b.get('before'))} | ${fig(bAfter)} | ≤ 10 s | ${met(wall(bAfter)! <= 10_000)} |
| (b) the same without the PDF helper (NRP_RUN_HELPER=0) | | | ${fig(m.b.get('no helper'))} | | |
| (c) the city bulletin, \`nrp report --period 2023Q2\` | 1.7 s | ${fig(m.c.get('before'))} | ${fig(cAfter)} | ≤ 1.2 s | ${met(wall(cAfter)! <= 1200)} |

The issue's two other goals, the sample year's inbox in one process and a province's quarter, are
measured by bench/inbox and bench/province (their sections); both are met.

Every run, wall/CPU seconds:

| variant | runs |
|---|---|
${[...m.a].map(([k, r]) => `| (a) ${k === 'query' ? 'nrp query "select 1"' : `nrp ingest, ${k}`} | ${list(r)} |`).join('\n')}
${[...m.b].map(([k, r]) => `| (b) nrp demo, ${k} | ${list(r)} |`).join('\n')}
${[...m.c].map(([k, r]) => `| (c) nrp report, ${k} | ${list(r)} |`).join('\n')}
`;
}

/**
 * Runs one hostile file through `nrp ingest --json` (in this process, as the CLI runs it) or
 * through ingestFiles, and says what went wrong, if anything: a crash or stack trace, an exit code other than 0/1, a
 * report that is not accepted-or-rejected-with-reasons, a rejected file that changed a table,
 * an accepted one that loaded other than it said, a registry that disagrees with the raw tables,
 * a non-finite number in a raw table, or an outcome other than the one the case expects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../pipelines/cli';
import { formatReport, ingestFiles, type IngestReport } from '../../../pipelines/ingest';
import { bufferIo } from '../../../pipelines/io';
import { withReadWarehouse, type Warehouse } from '../../../pipelines/warehouse';
import type { FuzzCase } from './mutations';
import { REGISTRY_DISAGREES_WITH_RAW_TABLES } from '../invariants';

export interface Outcome {
  status: 'accepted' | 'rejected' | 'duplicate' | 'crashed';
  exitCode: number;
  errorCodes: string[];
  violations: string[];
}

const TABLES = { submissions: 'submissions', progress: 'raw_indicator_progress', land: 'raw_land_supply', patches: 'raw_patches' } as const;
type Counts = Record<keyof typeof TABLES, number>;

async function counts(wh: Warehouse): Promise<Counts> {
  const row = await wh.one<Counts>(`select ${Object.entries(TABLES).map(([k, t]) => `(select count(*) from ${t}) as ${k}`).join(', ')}`);
  return row!;
}


/** Every number column of the raw tables holds finite numbers, every text column no NUL. */
async function nonFinite(wh: Warehouse): Promise<string[]> {
  const cols = await wh.all<{ t: string; c: string; type: string }>(
    `select table_name as t, column_name as c, data_type as type from information_schema.columns
      where table_name in ('raw_indicator_progress', 'raw_land_supply', 'raw_patches') and data_type in ('DOUBLE', 'FLOAT', 'VARCHAR')`,
  );
  const out: string[] = [];
  for (const { t, c, type } of cols) {
    // NUL, or what an external entity would have read from /etc/passwd
    const bad = type === 'VARCHAR' ? `(contains(${c}, chr(0)) or contains(${c}, 'root:x:0:0'))` : `not isfinite(${c})`;
    const n = (await wh.one<{ n: number }>(`select count(*) as n from ${t} where ${c} is not null and ${bad}`))!.n;
    if (n > 0) out.push(`${t}.${c}: ${n} ${type === 'VARCHAR' ? 'with NUL or /etc/passwd' : 'non-finite'}`);
  }
  return out;
}

interface State {
  counts: Counts;
  disagreements: unknown[];
  nonFinite: string[];
}

async function stateOf(wh: Warehouse): Promise<State> {
  return { counts: await counts(wh), disagreements: await wh.all(REGISTRY_DISAGREES_WITH_RAW_TABLES), nonFinite: await nonFinite(wh) };
}

/** Where a case is ingested: the CLI (the user's path) or the API on an open warehouse (cheaper). */
export interface Target {
  ingest(path: string, cwd: string): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  state(): Promise<State>;
}

/** `nrp ingest --db DB --json FILE`, run in this process as cli.ts runs it; DB must exist. */
export function cliTarget(db: string): Target {
  return {
    async ingest(path, cwd) {
      const io = bufferIo({ cwd, env: {} });
      const exitCode = await runCli(['ingest', '--db', db, '--json', path], io);
      return { exitCode, stdout: io.out.join(''), stderr: io.err.join('') };
    },
    state: () => withReadWarehouse(db, stateOf),
  };
}

/** ingestFiles on an open warehouse, its report as the CLI prints it with --json. */
export function apiTarget(wh: Warehouse): Target {
  return {
    async ingest(path) {
      const report = await ingestFiles(wh, [path]);
      return { exitCode: report.rejected > 0 ? 1 : 0, stdout: JSON.stringify(report), stderr: formatReport(report) };
    },
    state: () => stateOf(wh),
  };
}

const STACK_LINE = /^\s+at .+[:(].*\d+:\d+\)?$/m;
const INTERNAL = /内部错误|internal error/i;

/** Env overrides for the duration of one call (limits are read from process.env at each file). */
async function withEnv<T>(env: Record<string, string> | undefined, fn: () => Promise<T>): Promise<T> {
  if (!env) return fn();
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

let serial = 0;

/** `dir` is where the case's file is written, in a folder of its own so that its name can follow `<单位>_<报告期>`. */
export async function runCase(c: FuzzCase, target: Target, dir: string): Promise<Outcome> {
  const folder = join(dir, `case-${process.pid}-${++serial}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, c.fileName);
  writeFileSync(path, await c.bytes());
  const before = await target.state();
  const violations: string[] = [];
  let ran: { exitCode: number; stdout: string; stderr: string };
  try {
    ran = await withEnv(c.env, () => target.ingest(path, folder));
  } catch (error) {
    return { status: 'crashed', exitCode: -1, errorCodes: [], violations: [`ingest threw: ${(error as Error)?.stack ?? error}`] };
  }
  const { exitCode, stdout, stderr } = ran;
  if (exitCode !== 0 && exitCode !== 1) violations.push(`exit code ${exitCode}`);
  if (INTERNAL.test(stderr) || INTERNAL.test(stdout)) violations.push(`internal error printed: ${stderr.slice(0, 400)}`);
  if (STACK_LINE.test(stderr) || STACK_LINE.test(stdout)) violations.push(`stack trace printed: ${(stderr || stdout).slice(0, 400)}`);

  let report: IngestReport | undefined;
  try {
    report = JSON.parse(stdout) as IngestReport;
  } catch {
    violations.push(`no JSON report on stdout (stderr: ${stderr.slice(0, 300)})`);
  }
  const file = report?.files?.[0];
  const status = file?.status ?? 'crashed';
  const errorCodes = file?.errors.map((e) => e.code) ?? [];
  if (file) {
    if (report!.files.length !== 1) violations.push(`${report!.files.length} file reports for one file`);
    if (status === 'rejected' && file.errors.length === 0) violations.push('rejected without an error');
    if (status === 'rejected' && exitCode !== 1) violations.push(`rejected but exit code ${exitCode}`);
    if (status !== 'rejected' && exitCode !== 0) violations.push(`${status} but exit code ${exitCode}`);
    for (const e of file.errors) {
      if (!e.zh?.trim() || !e.en?.trim()) violations.push(`error ${e.code} without zh and en text`);
      if (STACK_LINE.test(e.zh) || STACK_LINE.test(e.en)) violations.push(`error ${e.code} holds a stack trace`);
      const chars = e.value ? [...e.value].length : 0; // the cell limit counts characters, not UTF-16 units
      if (chars > 40_000) violations.push(`error ${e.code} echoes a ${chars}-character value`);
    }
  }

  const after = await target.state();
  if (after.disagreements.length > 0) violations.push(`registry disagrees with raw tables: ${JSON.stringify(after.disagreements).slice(0, 300)}`);
  if (after.nonFinite.length > 0 && before.nonFinite.join() !== after.nonFinite.join()) violations.push(`non-finite numbers or NUL loaded: ${after.nonFinite.join('; ')}`);
  const delta = Object.fromEntries(Object.keys(TABLES).map((k) => [k, after.counts[k as keyof Counts] - before.counts[k as keyof Counts]])) as Counts;
  if (status !== 'accepted' && Object.values(delta).some((d) => d !== 0)) violations.push(`${status} file changed row counts: ${JSON.stringify(delta)}`);
  if (status === 'accepted' && file) {
    const loaded = file.tables.filter((t) => t.rows > 0);
    const want: Counts = {
      submissions: loaded.length,
      progress: loaded.find((t) => t.table_name === '指标进度')?.rows ?? 0,
      land: loaded.find((t) => t.table_name === '供地台账')?.rows ?? 0,
      patches: loaded.find((t) => t.table_name === '卫片图斑')?.rows ?? 0,
    };
    if (JSON.stringify(delta) !== JSON.stringify(want)) violations.push(`accepted, reported ${JSON.stringify(want)} but loaded ${JSON.stringify(delta)}`);
  }
  if (c.expect && status !== 'crashed') {
    if (c.expect.status !== status && !(c.expect.status === 'accepted' && status === 'duplicate')) {
      violations.push(`expected ${c.expect.status}, got ${status} ${JSON.stringify(file?.errors.slice(0, 3).map((e) => `${e.code}: ${e.en}`))}`);
    } else if (c.expect.status === 'rejected' && c.expect.code && !c.expect.code.some((code) => errorCodes.includes(code))) {
      violations.push(`expected an error ${c.expect.code.join(' or ')}, got ${errorCodes.join(', ')}`);
    }
  }
  return { status, exitCode, errorCodes, violations };
}

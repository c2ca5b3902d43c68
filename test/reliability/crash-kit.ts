/**
 * What the crash test and the kill campaign (bench/crash.bench.ts) share: an inbox that takes a
 * while to load, a way to SIGKILL `nrp` at a chosen moment, and the inspection of what a killed
 * process left behind. Only the compiled CLI is killed (dist/, built before the tests).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { projectPath } from '../../pipelines/paths';
import { Warehouse } from '../../pipelines/warehouse';
import { REGISTRY_DISAGREES_WITH_RAW_TABLES } from './invariants';

export const UNITS = ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市', '嘉兴经济技术开发区', '嘉兴港区'];

/** A seeded sequence in [0, 1): the same kill moments on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid CSV submissions for every unit: a patch table big enough that ingest takes a while. */
export function writeInbox(folder: string, period: string, patches: number): void {
  mkdirSync(folder, { recursive: true });
  for (const [u, unit] of UNITS.entries()) {
    const rows = ['图斑编号,监测批次,新增建设占用耕地面积（亩）,违法占用耕地面积（亩）,判定类型,整改状态'];
    for (let i = 0; i < patches; i++) {
      const illegal = i % 50 === 0 ? 0.5 : 0;
      rows.push(`TB${u}-${period}-${i},${period.slice(0, 4)}Q1,${(1 + (i % 7) / 10).toFixed(1)},${illegal},${illegal ? '违法' : '合法'},`);
    }
    writeFileSync(join(folder, `${unit}_${period}_卫片图斑.csv`), rows.join('\n') + '\n');
    // the period in the figures too: these files must differ from quarter to quarter
    writeFileSync(join(folder, `${unit}_${period}_指标进度.csv`), `指标代码,累计完成,分子,分母\nnew_farmland,${100 + u + 10 * Number(period.slice(-1))},,\nsurvey_error_rate,,${u},100\n`);
  }
}

export interface KillOutcome {
  /** The process was still running when the signal came (else it had finished on its own). */
  killed: boolean;
  code: number | null;
}

/** Starts the compiled `nrp ARGS` and SIGKILLs it after `ms` if it is still running. */
export function killAfter(args: string[], ms: number, env: Record<string, string> = {}): Promise<KillOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [projectPath('dist/pipelines/cli.js'), ...args], {
      stdio: 'ignore',
      env: { ...process.env, CI: 'true', ...env },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

/**
 * Starts the compiled `nrp ARGS` and SIGKILLs it `ms` after what it prints (stdout or stderr) first
 * matches `cue` (`✓ data tests`: a build then commits, checkpoints and closes; an ingest's first
 * file report: it has committed and closes), so that kills land in a window of a few hundred
 * milliseconds however loaded the machine is.
 */
export function killAfterCue(args: string[], cue: RegExp, ms: number): Promise<KillOutcome & { cued: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [projectPath('dist/pipelines/cli.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let timer: NodeJS.Timeout | undefined;
    let seen = '';
    const watch = (chunk: Buffer) => {
      if (timer) return;
      seen += chunk.toString('utf8');
      if (cue.test(seen)) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, cued: timer !== undefined });
    });
  });
}

export interface Inspection {
  /** No warehouse file at all (killed before the new warehouse was put in place). */
  absent: boolean;
  /** The warehouse opened (read-only, as `nrp query` opens it). */
  opens: boolean;
  error?: string;
  /** Registry rows whose raw rows are not exactly there, and raw rows without a registry row. */
  halfLoaded: number;
  submissions: number;
  /** Temporary files of an unfinished creation or write lying beside the warehouse. */
  leftovers: string[];
}

/** What a killed process left at `db`, read the way nrp reads it. */
export async function inspect(db: string): Promise<Inspection> {
  const leftovers = existsSync(dirname(db)) ? readdirSync(dirname(db)).filter((f) => f.startsWith(`${basename(db)}.creating-`) || f.startsWith(`${basename(db)}.writing-`)) : [];
  if (!existsSync(db)) return { absent: true, opens: true, halfLoaded: 0, submissions: 0, leftovers };
  let wh: Warehouse;
  try {
    wh = await Warehouse.open(db, { readOnly: true, lockTimeoutMs: 0 });
  } catch (error) {
    const context = (error as { context?: readonly string[] }).context ?? [];
    const message = error instanceof Error ? error.message : String(error);
    // nrp's message quotes only the first line of DuckDB's; the whole of it (stack included) is the finding
    const cause = (error as { cause?: unknown }).cause;
    const duckdb = cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause);
    const error_ = [message, ...context, ...(duckdb ? ['DuckDB said:', duckdb] : [])].join('\n');
    return { absent: false, opens: false, error: error_, halfLoaded: 0, submissions: 0, leftovers };
  }
  try {
    const halfLoaded = (await wh.all(REGISTRY_DISAGREES_WITH_RAW_TABLES)).length;
    const submissions = (await wh.one<{ n: number }>('select count(*) as n from submissions'))!.n;
    return { absent: false, opens: true, halfLoaded, submissions, leftovers };
  } finally {
    wh.close();
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { projectPath } from '../pipelines/paths';
import { openForWrite } from '../pipelines/warehouse';
import { baseWorkbook, workbookBytes, workbookName } from '../test/reliability/fuzz/corpus';
import { ARBITRARIES, KINDS, zipBombCase, type FuzzCase, type Kind } from '../test/reliability/fuzz/mutations';
import { apiTarget, cliTarget, runCase, type Outcome, type Target } from '../test/reliability/fuzz/oracle';

/**
 * The long fuzz run (the test suite runs a short one): every kind of hostile file of
 * test/reliability/fuzz/mutations.ts, NRP_FUZZ_BENCH_RUNS times each (default 200) through
 * ingestFiles, a tenth of that through `nrp ingest --json` in process, and three of each through
 * the compiled CLI as a child process; plus zip bombs at the default limits (a 200 MB sheet, a
 * 2.1 GB workbook). Reports, per kind, how often ingest accepted and rejected, the reasons, and
 * every violation (crash, stack trace, partial load, wrong outcome), reproducible by its seed.
 */
const SEED = Number(process.env.NRP_FUZZ_SEED ?? 20231128);
const RUNS = Number(process.env.NRP_FUZZ_BENCH_RUNS ?? 200);
const CASE_TIMEOUT_MS = 120_000;

interface Tally {
  runs: number;
  accepted: number;
  rejected: number;
  duplicate: number;
  crashed: number;
  violations: { label: string; what: string[] }[];
  codes: Map<string, number>;
  ms: number[];
}

const tally = (): Tally => ({ runs: 0, accepted: 0, rejected: 0, duplicate: 0, crashed: 0, violations: [], codes: new Map(), ms: [] });

async function timed(c: FuzzCase, target: Target, dir: string): Promise<{ outcome: Outcome; ms: number }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'crashed', exitCode: -1, errorCodes: [], violations: [`no answer in ${CASE_TIMEOUT_MS / 1000} s`] }), CASE_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([runCase(c, target, dir).catch((e) => ({ status: 'crashed' as const, exitCode: -1, errorCodes: [], violations: [`threw: ${e}`] })), hang]);
    return { outcome, ms: performance.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

function add(t: Tally, c: FuzzCase, outcome: Outcome, ms: number): void {
  t.runs++;
  t[outcome.status]++;
  t.ms.push(ms);
  for (const code of new Set(outcome.errorCodes)) t.codes.set(code, (t.codes.get(code) ?? 0) + 1);
  if (outcome.violations.length > 0) t.violations.push({ label: `${c.kind}: ${c.label}`, what: outcome.violations });
}

/** The compiled CLI as a child process: exit 0/1 and no internal error or stack trace on stderr. */
function childProcess(c: FuzzCase, bytes: Buffer, dir: string, db: string): string[] {
  const folder = mkdtempSync(join(dir, 'child-'));
  const path = join(folder, c.fileName);
  writeFileSync(path, bytes);
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync(process.execPath, [projectPath('dist/pipelines/cli.js'), 'ingest', '--db', db, path], {
    env: { ...process.env, CI: 'true', ...c.env }, encoding: 'utf8', timeout: CASE_TIMEOUT_MS,
  });
  const out: string[] = [];
  if (r.status !== 0 && r.status !== 1) out.push(`exit ${r.status ?? r.signal}`);
  if (/内部错误|internal error|\n\s+at .+:\d+:\d+/.test(r.stderr ?? '')) out.push(`stderr: ${(r.stderr ?? '').slice(0, 300)}`);
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-fuzz-'));
  const started = Date.now();
  try {
    const wh = await openForWrite(join(dir, 'api.duckdb'));
    const api = apiTarget(wh);
    const cliDb = join(dir, 'cli.duckdb');
    (await openForWrite(cliDb)).close();
    const cli = cliTarget(cliDb);
    const childDb = join(dir, 'child.duckdb');

    // Baseline: the valid workbook, unmutated, through the same oracle (state before and after included).
    const valid: FuzzCase = { kind: 'hidden_sheet', label: 'valid workbook', fileName: workbookName, bytes: () => workbookBytes(baseWorkbook(5, ['供地台账'])), expect: { status: 'accepted' } };
    const baseMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const { outcome, ms } = await timed(valid, api, dir);
      if (outcome.violations.length) throw new Error(`the valid workbook fails: ${outcome.violations.join('; ')}`);
      baseMs.push(ms);
    }
    const base = median(baseMs);

    const tallies = new Map<Kind, Tally>();
    const cliTallies = new Map<Kind, Tally>();
    const childViolations: string[] = [];
    let childRuns = 0;
    for (const [k, kind] of KINDS.entries()) {
      const t = tally();
      const ct = tally();
      tallies.set(kind, t);
      cliTallies.set(kind, ct);
      const cases = fc.sample(ARBITRARIES[kind], { numRuns: RUNS, seed: SEED + k });
      for (const [i, c] of cases.entries()) {
        const { outcome, ms } = await timed(c, api, dir);
        add(t, c, outcome, ms);
        if (i % 10 === 0) {
          const viaCli = await timed(c, cli, dir);
          add(ct, c, viaCli.outcome, viaCli.ms);
        }
        if (i < 3) {
          childRuns++;
          for (const v of childProcess(c, await c.bytes(), dir, childDb)) childViolations.push(`${c.kind}: ${c.label}: ${v}`);
        }
      }
      process.stderr.write(`  fuzz ${kind}: ${t.runs} runs, ${t.violations.length} violations\n`);
    }

    // Zip bombs at the default limits.
    const bombs: { label: string; c: FuzzCase }[] = [
      { label: 'sheet declared to inflate to 200 MB (ratio ≈ 1,000)', c: zipBombCase('honest', 200) },
      { label: 'sheet declared as 4 KB, inflating to 200 MB', c: zipBombCase('lying', 200) },
      { label: 'workbook inflating to 2,100 MB, ratio limit raised to 100,000 (the 2,048 MB total stops it)', c: { ...zipBombCase('total', 2100), env: { NRP_MAX_UNZIP_RATIO: '100000' } } },
    ];
    const bombRows: string[] = [];
    for (const b of bombs) {
      const { outcome, ms } = await timed(b.c, api, dir);
      bombRows.push(`| ${b.label} | ${outcome.status} | ${outcome.errorCodes.join(', ')} | ${(ms / 1000).toFixed(2)} | ${outcome.violations.length ? outcome.violations.join('; ') : 'none'} |`);
    }
    wh.close();

    const all = [...tallies.values()];
    const total = (f: (t: Tally) => number, m = tallies) => [...m.values()].reduce((n, t) => n + f(t), 0);
    const topCodes = (t: Tally) => [...t.codes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4).map(([c, n]) => `${c} ${n}`).join(', ');
    const rows = KINDS.map((kind) => {
      const t = tallies.get(kind)!;
      const ct = cliTallies.get(kind)!;
      return `| ${kind} | ${t.runs} | ${t.accepted} | ${t.rejected} | ${t.duplicate} | ${t.crashed} | ${t.violations.length} | ${ct.runs} / ${ct.violations.length} | ${topCodes(t) || '–'} | ${median(t.ms).toFixed(0)} | ${(median(t.ms) / base).toFixed(2)}× |`;
    });
    const violations = [...all, ...cliTallies.values()].flatMap((t) => t.violations);
    const shown = violations.slice(0, 15).map((v) => `- ${v.label}: ${v.what.join(' / ').slice(0, 400)}`);
    const load = require('node:os').loadavg().map((l: number) => l.toFixed(1)).join(' / ');
    return `## fuzz

Hostile input (issue 9): ${RUNS} mutated files of each of the ${KINDS.length} kinds of test/reliability/fuzz/mutations.ts
through \`ingestFiles\` (seed ${SEED} + kind index; \`NRP_FUZZ_SEED\`, \`NRP_FUZZ_BENCH_RUNS\`), every tenth of them also
through \`nrp ingest --json\` in process (exit code, stderr, report) and the first three of each through the compiled CLI
as a child process. After each file: a rejected file changed no table, an accepted one loaded exactly the rows it
reported, the registry agrees with the raw tables, no raw number is non-finite and no raw text holds NUL. Baseline: the
valid one-table workbook through the same checks, median of 10: ${base.toFixed(0)} ms. Run took ${((Date.now() - started) / 60000).toFixed(1)} min; load
average at the end ${load} (2 cores shared).

| kind | runs | accepted | rejected | duplicate | crashed | violations | CLI runs / violations | most frequent error codes (files) | median ms | × baseline |
|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|
${rows.join('\n')}
| **all** | ${total((t) => t.runs)} | ${total((t) => t.accepted)} | ${total((t) => t.rejected)} | ${total((t) => t.duplicate)} | ${total((t) => t.crashed)} | ${total((t) => t.violations.length)} | ${total((t) => t.runs, cliTallies)} / ${total((t) => t.violations.length, cliTallies)} | | | |

Compiled CLI as a child process: ${childRuns} files, ${childViolations.length} with an exit code other than 0/1 or an internal error / stack trace on stderr.
${childViolations.slice(0, 5).map((v) => `- ${v}`).join('\n')}

Zip bombs at the default limits (ratio 100, 2,048 MB inflated):

| bomb | outcome | error | seconds | violations |
|---|---|---|---:|---|
${bombRows.join('\n')}

${violations.length ? `Violations (first ${shown.length} of ${violations.length}):\n${shown.join('\n')}` : 'No violations.'}
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

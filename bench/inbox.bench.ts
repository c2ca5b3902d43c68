import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg as osLoadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as iconv from 'iconv-lite';
import { expandPaths, ingestFiles } from '../pipelines/ingest';
import { collectProfile } from '../pipelines/ingest/profile';
import { sqlString } from '../pipelines/ingest/sql';
import { readWorkbookDirect } from '../pipelines/ingest/xlsx-direct';
import { projectPath } from '../pipelines/paths';
import { DEFAULT_SEED, generateSample, type Manifest } from '../pipelines/sample';
import { openForWrite, seedsDir, Warehouse } from '../pipelines/warehouse';

/**
 * Issue 19's small-file goals, in one run so that the ratios share the machine's load:
 *   - the sample year's inbox (the units' 46 files and the divisions' 65) ingested in one process
 *     (ingestFiles on a warehouse made beforehand), against loading the same files' rows with no
 *     checks: DuckDB's read_csv for each CSV (GBK ones decoded beforehand), the workbook reader for
 *     each workbook with its rows appended to DuckDB; and the cost of each step per file;
 *   - one 1.8 KB CSV into a warehouse as a fresh process, against `nrp query "select 1"`.
 * With NRP_BENCH_BEFORE=DIR (a build of the code before the change: DIR/dist), the same is
 * measured for it on the units' files, in the same rounds.
 */
const ROUNDS = 5;
const FRESH_RUNS = 7;
const BEFORE = process.env.NRP_BENCH_BEFORE;

const loadavg = () => osLoadavg().map((l) => l.toFixed(1)).join(' / ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

type IngestModule = { ingestFiles: typeof ingestFiles };
type WarehouseModule = { openForWrite: typeof openForWrite };

/** `ingestFiles` of a build (this one, or the one before), on a warehouse made beforehand: seconds. */
async function ingestTime(dist: string | undefined, db: string, paths: string[]): Promise<{ s: number; accepted: number; rejected: number }> {
  const { ingestFiles: ingest } = (dist ? require(join(dist, 'pipelines/ingest')) : { ingestFiles }) as IngestModule;
  const { openForWrite: open } = (dist ? require(join(dist, 'pipelines/warehouse')) : { openForWrite }) as WarehouseModule;
  const wh = await open(db);
  try {
    const start = process.hrtime.bigint();
    const r = await ingest(wh, paths);
    return { s: seconds(start), accepted: r.accepted, rejected: r.rejected };
  } finally {
    wh.close();
  }
}

/** The same files' rows with no checks: read_csv per CSV, the workbook reader and DuckDB's appender per workbook. */
async function baselineTime(db: string, csvs: string[], workbooks: string[]): Promise<number> {
  const wh = await Warehouse.open(db);
  try {
    await wh.run(`create table rows (${Array.from({ length: 20 }, (_, i) => `c${i} varchar`).join(', ')})`);
    const start = process.hrtime.bigint();
    for (const [i, csv] of csvs.entries()) {
      await wh.run(`create table csv_${i} as select * from read_csv(${sqlString(csv)}, header = false, all_varchar = true, null_padding = true)`);
    }
    const appender = await wh.connection.createAppender('rows');
    for (const path of workbooks) {
      for (const sheet of readWorkbookDirect(readFileSync(path))) {
        for (const row of sheet.rows as Iterable<{ texts: (string | null)[] }>) {
          for (let c = 0; c < 20; c++) {
            const v = row.texts[c];
            if (v === null || v === undefined) appender.appendNull();
            else appender.appendVarchar(v);
          }
          appender.endRow();
        }
      }
    }
    appender.closeSync();
    return seconds(start);
  } finally {
    wh.close();
  }
}

/** Runs the CLI of a build as a fresh process: seconds. */
function processTime(dist: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(dist, 'pipelines/cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const s = seconds(start);
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return s;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-inbox-'));
  try {
    const inbox = join(dir, 'inbox');
    const manifest: Manifest = await generateSample({ outDir: inbox, seed: DEFAULT_SEED, scale: 1, seedsDir: seedsDir() });
    const all = expandPaths([inbox]);
    // the units' files alone (what the code before could read), in a folder of their own
    const unitsInbox = join(dir, 'units');
    for (const f of manifest.files.filter((x) => x.submitter === 'unit')) {
      mkdirSync(join(unitsInbox, f.path.split('/')[0]), { recursive: true });
      copyFileSync(join(inbox, ...f.path.split('/')), join(unitsInbox, ...f.path.split('/')));
    }
    const units = expandPaths([unitsInbox]);
    // the baseline reads each CSV as UTF-8 (DuckDB cannot read GBK): decoded beforehand, untimed
    const gbk = new Set(manifest.files.filter((f) => f.encoding === 'gbk').map((f) => join(inbox, ...f.path.split('/'))));
    const csvs = all.filter((f) => f.endsWith('.csv')).map((f, i) => {
      if (!gbk.has(f)) return f;
      const utf8 = join(dir, `decoded-${i}.csv`);
      writeFileSync(utf8, iconv.decode(readFileSync(f), 'gbk'));
      return utf8;
    });
    const workbooks = all.filter((f) => f.endsWith('.xlsx'));
    const bytes = all.reduce((n, f) => n + readFileSync(f).length, 0);

    const loadBefore = loadavg();
    await ingestTime(undefined, join(dir, 'warm.duckdb'), [inbox]); // file cache, DuckDB's start
    const rounds: { base: number; after: number; afterUnits: number; before?: number; accepted: number; rejected: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const base = await baselineTime(join(dir, `base-${i}.duckdb`), csvs, workbooks);
      const after = await ingestTime(undefined, join(dir, `after-${i}.duckdb`), [inbox]);
      const afterUnits = await ingestTime(undefined, join(dir, `after-units-${i}.duckdb`), [unitsInbox]);
      const before = BEFORE ? (await ingestTime(join(BEFORE, 'dist'), join(dir, `before-${i}.duckdb`), [unitsInbox])).s : undefined;
      rounds.push({ base, after: after.s, afterUnits: afterUnits.s, before, accepted: after.accepted, rejected: after.rejected });
    }
    const { steps } = await collectProfile(() => ingestTime(undefined, join(dir, 'profile.duckdb'), [inbox]));
    const loadAfter = loadavg();

    // one 1.8 KB CSV as a fresh process, into a warehouse holding the rest of the first delivery
    const small = all.find((f) => basename(f) === '海宁市_2023Q1_指标进度.csv')!;
    const prepared = join(dir, 'prepared.duckdb');
    await ingestTime(undefined, prepared, all.filter((f) => f.includes('2023-04-14') && f !== small));
    const dist = projectPath('dist');
    const fresh: { query: number; ingest: number; before?: number }[] = [];
    for (let i = 0; i < FRESH_RUNS; i++) {
      const query = processTime(dist, ['query', '--db', prepared, 'select 1']);
      const copy = join(dir, `fresh-${i}.duckdb`);
      copyFileSync(prepared, copy);
      const ingest = processTime(dist, ['ingest', '--db', copy, small]);
      let before: number | undefined;
      if (BEFORE) {
        copyFileSync(prepared, join(dir, `fresh-before-${i}.duckdb`));
        before = processTime(join(BEFORE, 'dist'), ['ingest', '--db', join(dir, `fresh-before-${i}.duckdb`), small]);
      }
      fresh.push({ query, ingest, before });
      for (const f of [copy, join(dir, `fresh-before-${i}.duckdb`)]) if (existsSync(f)) rmSync(f, { force: true });
    }
    return report({ rounds, steps, fresh, files: all.length, units: units.length, workbooks: workbooks.length, csvs: csvs.length, bytes, smallBytes: readFileSync(small).length, loadBefore, loadAfter });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Measured {
  rounds: { base: number; after: number; afterUnits: number; before?: number; accepted: number; rejected: number }[];
  steps: Map<string, { ms: number; cpu: number; n: number }>;
  fresh: { query: number; ingest: number; before?: number }[];
  files: number;
  units: number;
  workbooks: number;
  csvs: number;
  bytes: number;
  smallBytes: number;
  loadBefore: string;
  loadAfter: string;
}

function report(m: Measured): string {
  const f = (n: number) => n.toFixed(2);
  const x = (n: number) => `${n.toFixed(2)}×`;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const after = median(m.rounds.map((r) => r.after));
  const ratios = m.rounds.map((r) => r.after / r.base);
  const ratio = median(ratios);
  const before = m.rounds[0].before === undefined ? undefined : median(m.rounds.map((r) => r.before!));
  const afterUnits = median(m.rounds.map((r) => r.afterUnits));
  const q = median(m.fresh.map((r) => r.query));
  const ing = median(m.fresh.map((r) => r.ingest));
  const freshRatio = median(m.fresh.map((r) => r.ingest / r.query));
  const freshBefore = m.fresh[0].before === undefined ? undefined : median(m.fresh.map((r) => r.before!));
  const totalMs = [...m.steps.values()].reduce((s, t) => s + t.ms, 0);
  const steps = [...m.steps.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, t]) => `| ${name} | ${t.n} | ${(t.ms / m.files).toFixed(1)} | ${(t.cpu / m.files).toFixed(1)} | ${((100 * t.ms) / totalMs).toFixed(0)} % |`);
  return `## inbox: many small files (issue 19)

The sample year's inbox (\`nrp sample\`: ${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB: the units' ${m.units} and the divisions' ${m.files - m.units};
${m.workbooks} workbooks, ${m.csvs} CSV files) ingested in one process (\`ingestFiles\` on a warehouse made
beforehand), against loading the same files' rows with no checks (DuckDB \`read_csv\` for each CSV, the GBK
ones decoded beforehand; the workbook reader for each workbook, its rows appended to DuckDB). ${m.rounds.length} rounds,
each measuring every case once in turn; medians. Load average ${m.loadBefore} before, ${m.loadAfter} after
(1, 5, 15 min; the machine is shared: read the ratios, which share the load).

| what | median s | rounds (s) | goal | |
|---|---|---|---|---|
| ingest, the whole inbox (${m.rounds[0].accepted} accepted, ${m.rounds[0].rejected} rejected as meant) | ${f(after)} | ${m.rounds.map((r) => f(r.after)).join(', ')} | ≤ 2.0 s | ${met(after <= 2)} |
| rows with no checks (baseline) | ${f(median(m.rounds.map((r) => r.base)))} | ${m.rounds.map((r) => f(r.base)).join(', ')} | | |
| ingest / baseline | ${x(ratio)} | ${ratios.map(x).join(', ')} | ≤ 3× | ${met(ratio <= 3)} |
| ingest, the units' ${m.units} files only | ${f(afterUnits)} | ${m.rounds.map((r) => f(r.afterUnits)).join(', ')} | | |
${before === undefined ? '' : `| the same ${m.units} files, the code before (one file at a time) | ${f(before)} | ${m.rounds.map((r) => f(r.before!)).join(', ')} | | |
| before / after, the units' files | ${x(before / afterUnits)} | | | |
`}
Where the time goes, per file (one more run with the steps timed; ${m.files} files; CPU includes DuckDB's threads):

| step | runs | ms a file | CPU ms a file | share |
|---|---|---|---|---|
${steps.join('\n')}

One 1.8 KB CSV (${m.smallBytes} bytes, a 指标进度) into a warehouse as a fresh process (\`nrp ingest\`), against
\`nrp query "select 1"\` on the same warehouse; ${m.fresh.length} runs each, alternating; medians.

| what | median s | runs (s) | goal | |
|---|---|---|---|---|
| \`nrp query "select 1"\` | ${f(q)} | ${m.fresh.map((r) => f(r.query)).join(', ')} | | |
| \`nrp ingest\` one 1.8 KB CSV | ${f(ing)} | ${m.fresh.map((r) => f(r.ingest)).join(', ')} | ≤ 0.30 s | ${met(ing <= 0.3)} |
| ingest / query | ${x(freshRatio)} | ${m.fresh.map((r) => x(r.ingest / r.query)).join(', ')} | ≤ 1.3× | ${met(freshRatio <= 1.3)} |
${freshBefore === undefined ? '' : `| \`nrp ingest\`, the code before | ${f(freshBefore)} | ${m.fresh.map((r) => f(r.before!)).join(', ')} | | |
`}`;
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWarehouse } from '../pipelines/models';
import { projectPath } from '../pipelines/paths';
import { parsePeriod } from '../pipelines/period';
import { generateSample } from '../pipelines/sample';
import { seedsDir, withReadWarehouse, withWriteWarehouse } from '../pipelines/warehouse';
import { bulletinChartsOf, bulletinPdf, chartsOf, drawCharts, readBulletinConfig, readBulletinModels } from '../reports';
import { PDF_PATCHES } from '../reports/pdf';
import { REMOVED } from './report-removed';

/**
 * The city bulletin of the sample's 2023Q2 (nrp sample, default seed, ingested and built), timed
 *  - as `nrp report` in a fresh process, wall and CPU, alternating with `node -e 0` and
 *    `nrp query "select 1"` as baselines;
 *  - in process, by stage: the model's reads, the charts, the PDF;
 *  - the PDF's render with and without the fontkit patch (shaping off), each in a process of its
 *    own (report-child.ts).
 */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, USER_HZ 100
}

type Run = { wall: number; cpu: number };
function time(args: string[], env: Record<string, string> = {}): Run {
  const cpu0 = childrenCpu();
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: childrenCpu() - cpu0 };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

async function sampleWarehouse(dir: string): Promise<string> {
  const inbox = join(dir, 'inbox');
  await generateSample({ outDir: inbox, seed: 2023, scale: 1, seedsDir: seedsDir() });
  const { ingestFiles } = await import('../pipelines/ingest');
  const db = join(dir, 'w.duckdb');
  await withWriteWarehouse(db, async (wh) => {
    await ingestFiles(wh, [inbox], {});
    await buildWarehouse(wh);
  });
  return db;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-report-'));
  try {
    const db = await sampleWarehouse(dir);
    const cli = projectPath('dist/pipelines/cli.js');
    const report = (env: Record<string, string> = {}) => time([cli, 'report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'out')], env);
    const chart = () => time([cli, 'charts', '--period', '2023Q2', '--db', db, '--only', 'rank-land_supply', '--out', join(dir, 'charts')]);
    report(); // a first run, as after any install
    const commands: Record<'node' | 'query' | 'report' | 'chart', () => Run> = {
      node: () => time(['-e', '0']),
      query: () => time([cli, 'query', '--db', db, 'select 1']),
      report: () => report(),
      chart: () => chart(),
    };
    type Key = keyof typeof commands;
    const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as Run[]])) as Record<Key, Run[]>;
    const keys = Object.keys(commands) as Key[];
    for (let i = 0; i < 9; i++) {
      // A different order each round, so that a burst of load elsewhere does not always hit the same command.
      for (const k of [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)]) runs[k].push(commands[k]());
    }
    const wall = (k: keyof typeof runs) => median(runs[k].map((r) => r.wall));
    const cpu = (k: keyof typeof runs) => median(runs[k].map((r) => r.cpu));

    // Stages, warm, in this process.
    const config = readBulletinConfig();
    const stages = { model: [] as number[], charts: [] as number[], pdf: [] as number[] };
    let chartCount = 0;
    let pages = 0;
    for (let i = 0; i < 4; i++) {
      let t = performance.now();
      const [model] = await withReadWarehouse(db, (wh) => readBulletinModels(wh, config, [{ period: parsePeriod('2023Q2')! }]));
      const m = performance.now() - t;
      t = performance.now();
      const printed = bulletinChartsOf(model, chartsOf(model));
      const drawings = await drawCharts(printed);
      const c = performance.now() - t;
      t = performance.now();
      const pdf = await bulletinPdf(model, printed, drawings);
      const p = performance.now() - t;
      chartCount = printed.length;
      pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      if (i === 0) continue; // the first round pays for loading modules and fonts: that is in the fresh process
      stages.model.push(m);
      stages.charts.push(c);
      stages.pdf.push(p);
    }

    // The PDF patch (one left: shaping off), on and off, each run in a process of its own, alternating.
    const names = Object.keys(PDF_PATCHES);
    const variants: [string, string][] = [['with the patch', names.join(',')], ['without', 'none']];
    const child = projectPath('dist/bench/report-child.js');
    type ChildRun = { firstCpu: number; warmCpu: number; firstWall: number; warmWall: number; bytes: number };
    const patchRuns = new Map<string, ChildRun[]>(variants.map(([label]) => [label, []]));
    for (let round = 0; round < 7; round++) {
      for (const [label, list] of round % 2 ? [...variants].reverse() : variants) {
        patchRuns.get(label)!.push(JSON.parse(execFileSync(process.execPath, [child, db, list, '4'], { encoding: 'utf8' })));
      }
    }
    const rows = variants.map(([label]) => {
      const r = patchRuns.get(label)!;
      const m = (k: keyof ChildRun) => median(r.map((x) => x[k]));
      return { label, firstCpu: m('firstCpu'), warmCpu: m('warmCpu'), firstWall: m('firstWall'), kb: Math.round(r[0].bytes / 1024) };
    });
    const patchTable = rows.map((r) => `| ${r.label} | ${ms(r.firstCpu)} | ${ms(r.warmCpu)} | ${ms(r.firstWall)} | ${r.kb} KB |`).join('\n');
    const [on, off] = rows;

    const warm = median(stages.model) + median(stages.charts) + median(stages.pdf);
    return `## Quarterly bulletin (bench/report.bench.ts)

The city bulletin of the sample's 2023Q2 (\`nrp sample\`, default seed, through the real ingest and
build): ${pages} pages, ${chartCount} charts (SVG vectors). Goal (issue 7): the bulletin (queries,
charts and PDF) in 1.5 s or less. Nine rounds, each running the four commands in a rotating order,
after one first report; medians. CPU is user + system time of the process and all its
threads. This machine: ${availableParallelism()} cores, shared (load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end).

| fresh process | wall | CPU |
|---|---:|---:|
| \`node -e 0\` | ${ms(wall('node'))} | ${ms(cpu('node'))} |
| \`nrp query "select 1"\` | ${ms(wall('query'))} | ${ms(cpu('query'))} |
| \`nrp report --period 2023Q2\` | ${ms(wall('report'))} | ${ms(cpu('report'))} |
| \`nrp charts --only rank-land_supply\` (one chart: loading vega is most of it) | ${ms(wall('chart'))} | ${ms(cpu('chart'))} |

| in process, warm (after one render) | median |
|---|---:|
| the model (one read-only session, the marts) | ${ms(median(stages.model))} |
| the ${chartCount} charts the bulletin prints (vega → SVG) | ${ms(median(stages.charts))} |
| the PDF (layout, SVG, font subsets) | ${ms(median(stages.pdf))} |
| total | ${ms(warm)} (${warm <= 1500 ? 'within' : 'over'} 1.5 s) |

\`nrp run\` draws each chart of a period once, for the chart files and the bulletin: the
${chartCount} charts the bulletin prints (${ms(median(stages.charts))} above) are no longer drawn a second time.

The fontkit patch (reports/pdf/fonts.ts: no OpenType shaping for the Noto SC faces): the PDF
rendered four times in a fresh process per variant (first = pdfmake cold, as in \`nrp report\`;
warm = median of the other three, as for the later quarters of \`nrp run\`), CPU ms of the
process (all threads), seven rounds alternating, medians. It buys ${ms(off.firstCpu - on.firstCpu)} of CPU on
the first render and ${ms(off.warmCpu - on.warmCpu)} on a warm one:

| shaping off | first render CPU | warm render CPU | first render wall | PDF |
|---|---:|---:|---:|---:|
${patchTable}

${REMOVED}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

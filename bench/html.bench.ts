import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWarehouse } from '../pipelines/models';
import { projectPath } from '../pipelines/paths';
import { generateSample } from '../pipelines/sample';
import { seedsDir, withReadWarehouse, withWriteWarehouse } from '../pipelines/warehouse';
import { readBulletinConfig, readBulletinModels, type BulletinModel } from '../reports';
import { bulletinHtmlParts, pageQuarters } from '../reports/html';

/**
 * The HTML bulletin (issue 16) of the sample year (`nrp sample`, default seed, real ingest and
 * build): the city bulletins of 2023Q2 (two quarters in the page) and 2023Q4 (four), timed
 *  - writing, in process: the first page of a process (harfbuzz's WebAssembly and the libraries
 *    read from disk) and warm (median of the next rounds); and `nrp report --format html` as a
 *    fresh process against `node -e 0`;
 *  - drawing, in Debian's Chromium (headless, the file opened from disk): from navigation to the
 *    page's mark that every chart of the quarter shown is drawn (`nrp-charts-drawn-<P>`, set by
 *    the page's script), with the moment its script starts (`nrp-app`: the HTML and the libraries
 *    parsed), and switching to another quarter (unpacking it, drawing its charts);
 *  - its size by part.
 * Goals: under 1.0 s to write, under 1.5 s to draw, on this machine (2 cores, shared: the load
 * average is given at the start and the end).
 */
const CHROMIUM = process.env.NRP_CHROMIUM ?? '/usr/bin/chromium';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

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

function wall(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Drawn { app: number; drawn: number; switched: number }

async function drawTimes(file: string, period: string, other: string, rounds: number): Promise<Drawn[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const out: Drawn[] = [];
  try {
    for (let i = 0; i <= rounds; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      await page.waitForFunction((p) => document.documentElement.dataset.chartsDrawn === p, period, { timeout: 120_000 });
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      const t0 = await page.evaluate(() => performance.now());
      await page.check(`input[name="period"][value="${other}"]`);
      await page.waitForFunction((p) => document.documentElement.dataset.chartsDrawn === p, other, { timeout: 120_000 });
      const t1 = await page.evaluate(() => performance.now());
      if (i > 0) out.push({ app: marks['nrp-app'], drawn: marks[`nrp-charts-drawn-${period}`], switched: t1 - t0 }); // round 0 warms the browser
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-html-'));
  const startLoad = load();
  try {
    const db = await sampleWarehouse(dir);
    const requests = [1, 2, 3, 4].map((q) => ({ period: { year: 2023, quarter: q as 1 | 2 | 3 | 4 } }));
    const models = await withReadWarehouse(db, (wh) => readBulletinModels(wh, readBulletinConfig(), requests));
    const pageOf = (q: number): BulletinModel[] => pageQuarters(models, models[q - 1]);

    // Writing, in process: the first page pays for harfbuzz and the files; then warm rounds.
    const write: Record<string, number[]> = { '2023Q2': [], '2023Q4': [] };
    let first = 0;
    const parts = new Map<string, Awaited<ReturnType<typeof bulletinHtmlParts>>>();
    for (let i = 0; i < 8; i++) {
      for (const q of [2, 4]) {
        const t = performance.now();
        const page = await bulletinHtmlParts(pageOf(q));
        const took = performance.now() - t;
        if (i === 0 && q === 2) first = took;
        else write[`2023Q${q}`].push(took);
        parts.set(`2023Q${q}`, page);
      }
    }
    const cli = projectPath('dist/pipelines/cli.js');
    const fresh = { node: [] as number[], html: [] as number[] };
    for (let i = 0; i < 5; i++) {
      fresh.node.push(wall(['-e', '0']));
      fresh.html.push(wall([cli, 'report', '--period', '2023Q4', '--format', 'html', '--db', db, '--out', join(dir, 'out')]));
    }

    const q4 = join(dir, 'bulletin-2023Q4.html');
    writeFileSync(q4, parts.get('2023Q4')!.html);
    const draws = existsSync(CHROMIUM) ? await drawTimes(q4, '2023Q4', '2023Q1', 7) : [];
    const bytes = parts.get('2023Q4')!.bytes;
    const total = parts.get('2023Q4')!.html.length;
    const charts = (parts.get('2023Q4')!.html.toString('utf8').match(/class="vis" data-chart=/g) ?? []).length;

    const lines = [
      '## HTML bulletin (bench/html.bench.ts)',
      '',
      `The city bulletin as one HTML file (issue 16), from the sample year (\`nrp sample\`, default seed, real ingest and build). The 2023Q4 page carries the year's four quarters (${charts} charts in the quarter shown); 2023Q2's carries two. Goals: under 1.0 s to write, under 1.5 s to draw. This machine: 2 cores, shared; load average ${startLoad} at the start, ${load()} at the end.`,
      '',
      '| writing | median |',
      '|---|---:|',
      `| 2023Q2 page, the first of a process (harfbuzz WebAssembly, libraries and faces read) | ${ms(first)} |`,
      `| 2023Q2 page, warm (7 rounds) | ${ms(median(write['2023Q2']))} |`,
      `| 2023Q4 page, warm (8 rounds) | ${ms(median(write['2023Q4']))} |`,
      `| \`nrp report --period 2023Q4 --format html\`, fresh process (5 rounds; \`node -e 0\` ${ms(median(fresh.node))}) | ${ms(median(fresh.html))} |`,
      '',
    ];
    if (draws.length) {
      lines.push(
        `| in Chromium (${draws.length} loads of the 2023Q4 page from disk, each in a fresh context, after one warm-up) | median | min – max |`,
        '|---|---:|---:|',
        `| navigation → the page's script starts (HTML and libraries parsed) | ${ms(median(draws.map((d) => d.app)))} | ${ms(Math.min(...draws.map((d) => d.app)))} – ${ms(Math.max(...draws.map((d) => d.app)))} |`,
        `| navigation → every chart of 2023Q4 drawn | ${ms(median(draws.map((d) => d.drawn)))} | ${ms(Math.min(...draws.map((d) => d.drawn)))} – ${ms(Math.max(...draws.map((d) => d.drawn)))} |`,
        `| switch to 2023Q1 (unpack, show, draw its charts) | ${ms(median(draws.map((d) => d.switched)))} | ${ms(Math.min(...draws.map((d) => d.switched)))} – ${ms(Math.max(...draws.map((d) => d.switched)))} |`,
        '',
      );
    } else {
      lines.push(`Chromium (${CHROMIUM}) is not installed here: the drawing was not measured.`, '');
    }
    lines.push(
      `| 2023Q4 page, by part | bytes |`,
      '|---|---:|',
      `| vega, vega-lite, vega-embed (minified builds, as installed) | ${kb(bytes.libraries)} |`,
      `| the page's script and styles | ${kb(bytes.client + bytes.css)} |`,
      `| the three faces (WOFF subsets, base64) | ${kb(bytes.fonts)} |`,
      `| data: the quarter shown (chart specs, unit panel) and the three earlier quarters packed (article and data, deflate, base64) | ${kb(bytes.data)} |`,
      `| the markup of the quarter shown | ${kb(bytes.markup)} |`,
      `| total | ${kb(total)} (${(total / 1024 / 1024).toFixed(2)} MB; goal under 3 MB) |`,
    );
    return lines.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../pipelines/paths';
import { withReadWarehouse, withWriteWarehouse } from '../pipelines/warehouse';
import { readBulletinConfig } from '../reports/bulletin/config';
import { chartFigures } from '../reports/bulletin/charts';
import { loadBulletinData } from '../reports/bulletin/data';
import { bulletinDocument } from '../reports/bulletin/document';
import { renderPdf } from '../reports/bulletin/render';

/**
 * The full city bulletin (issue 7: queries, charts and PDF in 1.5 s or less). A warehouse is made
 * in a temp folder from the fixed ReportRows the tests use (11 units × 37 indicators × 3
 * quarters) and 27 registry rows. Measured two ways:
 *  - cold: `nrp report` as a fresh process (what a user waits for), against `nrp query "select 1"`
 *    on the same warehouse as the baseline (process start, DuckDB open), alternated;
 *  - warm, in one process: each stage after a first render, to show where the time goes.
 */
const MART_COLUMNS = `period varchar, period_end date, unit_code varchar, unit_name varchar, indicator_code varchar,
  indicator_name varchar, kind varchar, direction varchar, unit_of_measure varchar, actual double, numerator double,
  denominator double, target double, completion_pct double, expected_pct double, gap_pp double, status varchar,
  rank integer, prev_actual double, incomplete boolean, missing_units varchar`;

async function makeWarehouse(dir: string): Promise<string> {
  const db = join(dir, 'w.duckdb');
  const rowsFile = projectPath('test/fixtures/charts/report-rows-2023.json');
  const columns = MART_COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]);
  await withWriteWarehouse(db, async (wh) => {
    await wh.run(`create table mart_indicator_progress (${MART_COLUMNS})`);
    await wh.run(`insert into mart_indicator_progress select ${columns.join(', ')} from read_json_auto('${rowsFile.replace(/'/g, "''")}')`);
    const units = await wh.all<{ code: string }>("select code from units where kind <> 'aggregate'");
    let n = 0;
    for (const u of units) {
      for (const table of ['指标进度', '供地台账', '卫片图斑']) {
        const sha = (n++).toString(16).padStart(64, 'a');
        await wh.run(
          `insert into submissions (unit_code, period, table_name, version, file_name, sha256, row_count, loaded_at, warnings)
           values (?, '2023Q2', ?, 1, ?, ?, 40, timestamp '2023-07-06 09:00:00', ['第3行 示例提示\nrow 3: example warning'])`,
          [u.code, table, `${u.code}_2023Q2_${table}.xlsx`, sha],
        );
      }
    }
  });
  return db;
}

function time(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-report-'));
  try {
    const db = await makeWarehouse(dir);
    const cli = projectPath('dist/pipelines/cli.js');
    const cold: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 5; i++) {
      base.push(time([cli, 'query', '--db', db, 'select 1'], dir));
      cold.push(time([cli, 'report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'out')], dir));
    }
    const pdf = readFileSync(join(dir, 'out', 'bulletin-2023Q2.pdf'));
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

    // Warm stages in this process.
    const config = readBulletinConfig();
    const stages = { queries: [] as number[], charts: [] as number[], pdf: [] as number[] };
    let charts = 0;
    for (let i = 0; i < 4; i++) {
      let t = performance.now();
      const data = await withReadWarehouse(db, (wh) => loadBulletinData(wh, { year: 2023, quarter: 2 }));
      const q = performance.now() - t;
      t = performance.now();
      const figures = await chartFigures(data.rows, [...data.history, ...data.rows]);
      const c = performance.now() - t;
      t = performance.now();
      await renderPdf(bulletinDocument({
        period: '2023Q2', year: 2023, quarter: 2, focus: '330400', rows: data.rows, previousRows: data.previousRows,
        submissions: data.submissions, published: data.published, charts: figures, config,
        documentNumber: '嘉自然资规通〔2023〕31号', issuedOn: '2023-07-20',
      }));
      const p = performance.now() - t;
      charts = figures.length;
      if (i === 0) continue; // the first round pays for loading modules and fonts: that is in "cold"
      stages.queries.push(q);
      stages.charts.push(c);
      stages.pdf.push(p);
    }
    writeFileSync(join(dir, 'done'), '');
    const c = median(cold);
    const b = median(base);
    const warm = median(stages.queries) + median(stages.charts) + median(stages.pdf);
    return `## Quarterly bulletin (bench/report.bench.ts)

Full city bulletin for 2023Q2 from a warehouse of 1,221 mart rows and 27 submissions: ${pages} pages,
${charts} charts (SVG vectors), ${Math.round(pdf.length / 1024)} KB. Goal (issue 7): 1.5 s or less.

| measure | median | runs |
|---|---|---|
| \`nrp report --period 2023Q2\`, fresh process | ${ms(c)} | ${cold.length} |
| baseline: \`nrp query "select 1"\`, fresh process | ${ms(b)} | ${base.length} |
| report − baseline | ${ms(c - b)} | |
| warm, in process: queries | ${ms(median(stages.queries))} | ${stages.queries.length} |
| warm, in process: charts (vega → SVG) | ${ms(median(stages.charts))} | ${stages.charts.length} |
| warm, in process: PDF (layout, SVG, font subsets) | ${ms(median(stages.pdf))} | ${stages.pdf.length} |
| warm total | ${ms(warm)} | |

Ratio cold report / baseline: ${(c / b).toFixed(1)}×. ${c <= 1500 ? 'Within' : 'Over'} the 1.5 s goal (cold).`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFromLake, exportLake, withLakeReadOnly } from '../pipelines/lake';
import { buildWarehouse, type BuildSummary } from '../pipelines/models';
import { openForWrite, Warehouse } from '../pipelines/warehouse';
import { generate, syntheticSeeds } from './build.bench';

/**
 * SCALING.md's figures: the province of bench/build.bench.ts (90 units; per year 2,000,000 ledger
 * rows and 10,000,000 patches) over 1, 3 and 10 years, each in a warehouse file and in the Parquet
 * lake exported from it, in the same run: the build (`nrp build` and `nrp build --from-lake`, best
 * of two), the export, and three analyst queries (open + query, as `nrp query` costs minus Node's
 * start, best of three). The marts of both builds are compared bit for bit: a figure is reported
 * only for a lake that reproduces the warehouse.
 *
 * NRP_BENCH_SCALING_YEARS=1,3,10 (default) sets the scales, the first the baseline of the growth
 * ratios; NRP_BENCH_SCALING_SIZE=0.1 shrinks each year (a quick check, not for SCALING.md).
 * 10 years take about a quarter of an hour on the shared 2-core machine, mostly generating data.
 */
const YEARS = (process.env.NRP_BENCH_SCALING_YEARS ?? '1,3,10').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const SIZE = Number(process.env.NRP_BENCH_SCALING_SIZE ?? '1') || 1;
const LEDGER_PER_YEAR = Math.round(2_000_000 * SIZE);
const PATCHES_PER_YEAR = Math.round(10_000_000 * SIZE);
const FIRST_YEAR = 2023;

interface Query {
  name: string;
  sql: (lastYear: number) => string;
}

const QUERIES: Query[] = [
  {
    name: 'one period\'s city lights (mart, one partition)',
    sql: (y) => `select indicator_code, actual, target, status from mart_indicator_progress where period = '${y}Q2' and unit_code = '330400'`,
  },
  {
    name: 'one quarter\'s ledger by unit (raw ⋈ registry)',
    sql: (y) => `select s.unit_code, count(*) as parcels, sum(l.area_mu) as area
                 from raw_land_supply l join submissions s on s.submission_id = l.submission_id
                 where s.period = '${y}Q4' group by s.unit_code`,
  },
  {
    name: 'illegal-farmland ratio per period, every year (full scan of patches)',
    sql: () => `select s.period, 100 * sum(p.illegal_farmland_mu) / sum(p.occupied_farmland_mu) as ratio
                from raw_patches p join submissions s on s.submission_id = p.submission_id group by s.period`,
  },
];

interface Measure {
  years: number;
  ledger: number;
  patches: number;
  generateS: number;
  warehouseMb: number;
  lakeMb: number;
  lakeFiles: number;
  buildWarehouseS: number;
  buildLakeS: number;
  exportS: number;
  rssWarehouseMb: number;
  rssLakeMb: number;
  martRows: number;
  queries: { name: string; warehouseMs: number; lakeMs: number }[];
}

async function measure(root: string, years: number): Promise<Measure> {
  const dir = join(root, `y${years}`);
  mkdirSync(dir, { recursive: true });
  const yearList = Array.from({ length: years }, (_, i) => FIRST_YEAR + i);
  const seeds = join(dir, 'seeds');
  const units = syntheticSeeds(seeds, yearList);
  const previousSeeds = process.env.NRP_SEEDS;
  process.env.NRP_SEEDS = seeds;
  const db = join(dir, 'warehouse.duckdb');
  const lake = join(dir, 'lake');
  const lakeDb = join(dir, 'from-lake.duckdb');
  try {
    const g0 = Date.now();
    let wh = await openForWrite(db);
    try {
      for (const year of yearList) await generate(wh, units, LEDGER_PER_YEAR, PATCHES_PER_YEAR, year);
      await wh.run('checkpoint');
    } finally {
      wh.close();
    }
    const generateS = (Date.now() - g0) / 1000;

    wh = await openForWrite(db);
    let warehouseBuild: Timed;
    try {
      warehouseBuild = await bestOfTwo(() => buildWarehouse(wh, { seedsDir: seeds }));
    } finally {
      wh.close();
    }
    const e0 = Date.now();
    wh = await Warehouse.open(db, { readOnly: true });
    try {
      await exportLake(wh, lake);
    } finally {
      wh.close();
    }
    const exportS = (Date.now() - e0) / 1000;
    const lakeBuild = await bestOfTwo(() => buildFromLake(lake, lakeDb));
    const martRows = await assertSameMarts(db, lakeDb);

    const lastYear = yearList[yearList.length - 1];
    const queries = [];
    for (const q of QUERIES) {
      const sql = q.sql(lastYear);
      const warehouseMs = await bestOfThree(async () => {
        const r = await Warehouse.open(db, { readOnly: true });
        try {
          await r.all(sql);
        } finally {
          r.close();
        }
      });
      const lakeMs = await bestOfThree(() => withLakeReadOnly(lake, (r) => r.all(sql)));
      queries.push({ name: q.name, warehouseMs, lakeMs });
    }
    return {
      years, ledger: LEDGER_PER_YEAR * years, patches: PATCHES_PER_YEAR * years, generateS,
      warehouseMb: statSync(db).size / 2 ** 20, lakeMb: folderBytes(lake) / 2 ** 20, lakeFiles: countFiles(lake, '.parquet'),
      buildWarehouseS: warehouseBuild.s, buildLakeS: lakeBuild.s, exportS,
      rssWarehouseMb: warehouseBuild.peakRssMb, rssLakeMb: lakeBuild.peakRssMb, martRows, queries,
    };
  } finally {
    if (previousSeeds === undefined) delete process.env.NRP_SEEDS;
    else process.env.NRP_SEEDS = previousSeeds;
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timed {
  s: number;
  peakRssMb: number;
}

/** Two runs (the first reads cold files), the better reported: the machine is shared. */
async function bestOfTwo(run: () => Promise<BuildSummary>): Promise<Timed> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = Date.now();
      await run();
      times.push((Date.now() - t0) / 1000);
    }
    return { s: Math.min(...times), peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

async function bestOfThree(run: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await run();
    best = Math.min(best, Date.now() - t0);
  }
  return best;
}

/** Every mart of the two builds, fingerprinted (row count and md5 of every row's text). */
async function assertSameMarts(a: string, b: string): Promise<number> {
  const wh = await Warehouse.open(':memory:');
  try {
    await wh.run(`attach '${a}' as a (read_only); attach '${b}' as b (read_only)`);
    const marts = await wh.all<{ name: string }>(
      `select table_name as name from duckdb_tables() where database_name = 'a' and table_name like 'mart\\_%' escape '\\' order by 1`);
    let rows = 0;
    for (const { name } of marts) {
      const print = async (d: string) => wh.one<{ n: number; h: string }>(
        `select count(*) as n, md5(coalesce(string_agg(r, chr(10) order by r), '')) as h from (select cast(x as varchar) as r from ${d}.${name} x)`);
      const [pa, pb] = [await print('a'), await print('b')];
      if (pa?.h !== pb?.h || pa?.n !== pb?.n) throw new Error(`bench/scaling: ${name} differs between the warehouse build and the lake build`);
      rows += pa?.n ?? 0;
    }
    return rows;
  } finally {
    wh.close();
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}

function countFiles(dir: string, suffix: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    n += e.isDirectory() ? countFiles(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? 1 : 0;
  }
  return n;
}

export async function run(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'nrp-bench-scaling-'));
  const loadBefore = loadavg();
  const started = Date.now();
  const results: Measure[] = [];
  try {
    for (const years of YEARS) {
      const m = await measure(root, years);
      process.stderr.write(`  scaling ${years}×: build ${m.buildWarehouseS.toFixed(2)} s (warehouse) / ${m.buildLakeS.toFixed(2)} s (lake), export ${m.exportS.toFixed(1)} s\n`);
      results.push(m);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return report(results, loadBefore, loadavg(), (Date.now() - started) / 60_000);
}

function report(results: Measure[], before: number[], after: number[], minutes: number): string {
  const base = results[0];
  const fmt = (n: number) => n.toLocaleString('en-US');
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
  const builds = results.map((m) =>
    `| ${m.years}× | ${fmt(m.ledger)} | ${fmt(m.patches)} | ${m.warehouseMb.toFixed(0)} | ${m.lakeMb.toFixed(0)} (${m.lakeFiles} files) | ` +
    `${m.buildWarehouseS.toFixed(2)} | ${m.buildLakeS.toFixed(2)} | ${(m.buildLakeS / m.buildWarehouseS).toFixed(2)} | ` +
    `${(m.buildWarehouseS / base.buildWarehouseS).toFixed(2)} / ${(m.buildLakeS / base.buildLakeS).toFixed(2)} | ` +
    `${m.exportS.toFixed(1)} | ${m.rssWarehouseMb} / ${m.rssLakeMb} | ${fmt(m.martRows)} | ${m.generateS.toFixed(0)} |`);
  const queries = results.flatMap((m) => m.queries.map((q) =>
    `| ${m.years}× | ${q.name} | ${q.warehouseMs} | ${q.lakeMs} | ${(q.lakeMs / q.warehouseMs).toFixed(2)} |`));
  return `## scaling: warehouse file and Parquet lake, ${results.map((m) => `${m.years}×`).join(', ')} (years)

The province of bench/build (90 units; per year ${fmt(LEDGER_PER_YEAR)} ledger rows and ${fmt(PATCHES_PER_YEAR)} patches), over
${results.map((m) => m.years).join(', ')} year(s), generated into a warehouse file, built (\`buildWarehouse\`), exported
(\`nrp export --lake\`) and built again from the lake (\`nrp build --from-lake\`), all in this run; the marts of the two
builds are equal bit for bit at every scale (checked, else the bench fails). Builds: best of two; queries: open + query,
best of three (the lake's open makes its views in a scratch database). Peak RSS: the bench process, sampled every 20 ms.
Load average (1 / 5 / 15 min) before: ${load(before)}; after: ${load(after)} (2 cores, shared). Run took ${minutes.toFixed(0)} min.

| scale | ledger rows | patches | warehouse MB | lake MB | build s, warehouse | build s, lake | lake ÷ warehouse | growth vs ${base.years}× (warehouse / lake) | export s | peak RSS MB (warehouse / lake build) | mart rows | generate s |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${builds.join('\n')}

| scale | query | warehouse ms | lake ms | lake ÷ warehouse |
|---|---|---|---|---|
${queries.join('\n')}
`;
}

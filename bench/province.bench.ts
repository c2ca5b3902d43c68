import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg as osLoadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { ingestFiles } from '../pipelines/ingest';
import { projectPath } from '../pipelines/paths';
import { DEFAULT_SEED, generateSample } from '../pipelines/sample';
import { openForWrite } from '../pipelines/warehouse';
import { syntheticSeeds } from './build.bench';

/**
 * Issue 19: a province quarter, 90 units × 4 files of sample size, in one process, with the growth
 * curve at 1×, 3× and 10× the units (9, 27, 90). Each unit sends what a sample unit sends for
 * 2023Q2 as CSV files (供地台账, 卫片图斑, 指标进度; UTF-8 or GBK every other unit, a title row naming
 * the unit), and two weeks later a workbook correcting its 指标进度. The units are the province
 * seeds of bench/build.bench.ts (the nine and 81 synthetic ones, benchmark only).
 */
const SCALES = [1, 3, 10];
const ROUNDS = 3;
const loadavg = () => osLoadavg().map((l) => l.toFixed(1)).join(' / ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Source {
  tables: Record<'供地台账' | '卫片图斑' | '指标进度', string>;
}

/** The sample's 海宁市 files of 2023Q2 (GBK CSV files), as text. */
async function sampleUnit(dir: string): Promise<Source> {
  const inbox = join(dir, 'sample');
  await generateSample({ outDir: inbox, seed: DEFAULT_SEED, scale: 1, seedsDir: projectPath('seeds') });
  const read = (t: string) => iconv.decode(readFileSync(join(inbox, '2023-07-14', `海宁市_2023Q2_${t}.csv`)), 'gbk');
  return { tables: { 供地台账: read('供地台账'), 卫片图斑: read('卫片图斑'), 指标进度: read('指标进度') } };
}

/**
 * syntheticSeeds writes its units with the columns units.csv had before short_name and is_city
 * (bench/build.bench.ts): padded here to the header's width, the synthetic units' short name
 * their name and is_city false.
 */
function padUnits(path: string): void {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const width = header.split(',').length;
  const padded = lines.map((l) => {
    const cells = l.split(',');
    if (cells.length >= width) return l;
    return [...cells, cells[1], 'false'].slice(0, width).join(',');
  });
  writeFileSync(path, [header, ...padded].join('\n') + '\n');
}

async function writeInbox(inbox: string, units: string[], source: Source): Promise<number> {
  let files = 0;
  for (const [i, code] of units.entries()) {
    mkdirSync(join(inbox, '2023-07-14'), { recursive: true });
    mkdirSync(join(inbox, '2023-07-28'), { recursive: true });
    for (const [table, text] of Object.entries(source.tables)) {
      const titled = `${code} 2023年第二季度 ${table}\r\n${text.split('\n').slice(1).join('\n')}`; // the sample's title row, renamed
      writeFileSync(join(inbox, '2023-07-14', `${code}_2023Q2_${table}.csv`), i % 2 ? Buffer.from(`\ufeff${titled}`, 'utf8') : iconv.encode(titled, 'gbk'));
      files++;
    }
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('填报信息');
    info.addRow(['填报单位', code]);
    info.addRow(['报告期', '2023Q2']);
    const ws = wb.addWorksheet('指标进度');
    for (const line of source.tables['指标进度'].trim().split(/\r?\n/).slice(1)) ws.addRow(line.split(',').map((c) => (c === '' ? null : c)));
    ws.addRow([null, '（更正：备注补充）']);
    await wb.xlsx.writeFile(join(inbox, '2023-07-28', `${code}_2023Q2.xlsx`));
    files++;
  }
  return files;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-province-'));
  const previousSeeds = process.env.NRP_SEEDS;
  try {
    const source = await sampleUnit(dir);
    const seeds = join(dir, 'seeds');
    const all = syntheticSeeds(seeds);
    padUnits(join(seeds, 'units.csv'));
    // (and the seed files it does not write, as they are)
    for (const f of readdirSync(projectPath('seeds'))) if (!existsSync(join(seeds, f))) copyFileSync(projectPath('seeds', f), join(seeds, f));
    process.env.NRP_SEEDS = seeds;
    const loadBefore = loadavg();
    const measured: { units: number; files: number; rows: number; runs: number[]; accepted: number }[] = [];
    for (const scale of SCALES) {
      const units = all.slice(0, 9 * scale);
      const inbox = join(dir, `inbox-${scale}`);
      const files = await writeInbox(inbox, units, source);
      const runs: number[] = [];
      let accepted = 0;
      let rows = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const wh = await openForWrite(join(dir, `w-${scale}-${r}.duckdb`));
        try {
          const start = process.hrtime.bigint();
          const report = await ingestFiles(wh, [inbox]);
          runs.push(Number(process.hrtime.bigint() - start) / 1e9);
          accepted = report.accepted;
          rows = report.files.reduce((n, f) => n + f.tables.reduce((k, t) => k + t.rows, 0), 0);
          if (report.rejected > 0) throw new Error(`province bench: ${JSON.stringify(report.files.find((f) => f.status === 'rejected')!.errors.slice(0, 3))}`);
        } finally {
          wh.close();
        }
      }
      measured.push({ units: units.length, files, rows, runs, accepted });
    }
    return report(measured, loadBefore, loadavg());
  } finally {
    if (previousSeeds === undefined) delete process.env.NRP_SEEDS;
    else process.env.NRP_SEEDS = previousSeeds;
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(m: { units: number; files: number; rows: number; runs: number[]; accepted: number }[], before: string, after: string): string {
  const base = median(m[0].runs);
  const lines = m.map((s, i) => {
    const t = median(s.runs);
    return `| ${SCALES[i]}× | ${s.units} | ${s.files} | ${s.rows.toLocaleString('en-US')} | ${t.toFixed(2)} | ${s.runs.map((r) => r.toFixed(2)).join(', ')} | ${((1000 * t) / s.files).toFixed(1)} | ${(t / base).toFixed(2)}× |`;
  });
  const province = median(m[m.length - 1].runs);
  return `## province: a quarter of 90 units × 4 files (issue 19)

Each unit sends the sample's 海宁市 2023Q2 as three CSV files (供地台账, 卫片图斑, 指标进度; GBK and
UTF-8 every other unit) and, two weeks later, a workbook correcting its 指标进度: 4 files of sample
size; every file accepted, the corrections as version 2. \`ingestFiles\` in one process on a
warehouse made beforehand (the province seeds of bench/build.bench.ts); ${ROUNDS} runs, median. Load
average ${before} before, ${after} after.

| units | | files | rows | median s | runs (s) | ms a file | growth |
|---|---|---|---|---|---|---|---|
${lines.join('\n')}

Goal: the 90 units' quarter ≤ 10 s: ${province <= 10 ? 'met' : '**not met**'} (${province.toFixed(2)} s). The time grows
${(province / base).toFixed(1)}× for 10× the files: the statements are per call, not per file, so what a file costs
beyond its reading falls as the call's fixed cost is spread.
`;
}

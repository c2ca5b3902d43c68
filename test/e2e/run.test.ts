import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/sample';
import { seedsDir } from '../../pipelines/warehouse';
import { pdfPages, squeeze } from '../report/pdf-text';
import { nrpProcess, tempDir } from '../helpers';

/**
 * The analyst's job end to end, as a child process: the sample's first half-year in the inbox,
 * `nrp run --period 2023Q2`, then the bulletin, the charts and the summary are checked.
 */
const dir = tempDir('nrp-e2e-');
const inbox = join(dir, 'inbox');
const out = join(dir, 'out');
const db = join(dir, 'w.duckdb');
let first: ReturnType<typeof nrpProcess>;

beforeAll(async () => {
  await generateSample({ outDir: inbox, seed: 7, scale: 1, seedsDir: seedsDir() });
  // Keep the first two quarters (and the broken files) so the test stays quick.
  for (const folder of readdirSync(inbox)) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(folder) && folder > '2023-07-31') rmSync(join(inbox, folder), { recursive: true });
  }
  first = nrpProcess(['run', '--period', '2023Q2', '--inbox', inbox, '--db', db, '--out', out]);
}, 600_000);

describe('nrp run', () => {
  it('exits 1 because the sample holds broken files, and names them with the reason', () => {
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/3 拒收 rejected/);
    expect(first.stderr).toContain('✗ 桐乡市_2023Q3.xlsx');
    expect(first.stderr).toContain('✗ 平湖市_2023Q4.xlsx');
    expect(first.stderr).toContain('✗ 调查监测处_2023Q3.xlsx');
    expect(first.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('says how long each stage took and where the outputs are', () => {
    expect(first.stderr).toMatch(/time 用时: ingest [\d.]+ s, build [\d.]+ s, charts 2023Q2 [\d.]+ s, bulletin 2023Q2 [\d.]+ s/);
    expect(first.stderr).toContain(join(out, 'bulletin-2023Q2.pdf'));
  });

  it('the status counts in the summary are the mart\'s', () => {
    const q = nrpProcess(['query', '--db', db, '--format', 'json',
      "select status, count(*) as n from mart_indicator_progress where period = '2023Q2' and unit_code = '330400' group by status"]);
    const counts = Object.fromEntries((JSON.parse(q.stdout) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    expect(first.stderr).toContain(`2023Q2 全市 city: 绿灯 green ${counts.green ?? 0}, 黄灯 yellow ${counts.yellow ?? 0}, 红灯 red ${counts.red ?? 0}`);
  });

  it('writes the charts of the period', () => {
    const svgs = readdirSync(join(out, 'charts', '2023Q2')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    expect(svgs).toContain('rank-land_supply.svg');
  });

  it('writes a bulletin whose text carries the period, every unit and the city land supply', async () => {
    const file = join(out, 'bulletin-2023Q2.pdf');
    expect(existsSync(file)).toBe(true);
    const text = squeeze((await pdfPages(file)).join('\n'));
    expect(text).toContain('关于2023年第二季度全市自然资源和规划主要目标任务进展情况的通报');
    for (const unit of ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市', '嘉兴经济技术开发区', '嘉兴港区']) expect(text).toContain(unit);
    const q = nrpProcess(['query', '--db', db, '--format', 'json',
      "select actual from mart_indicator_progress where period = '2023Q2' and unit_code = '330400' and indicator_code = 'land_supply'"]);
    const actual = JSON.parse(q.stdout)[0].actual as number;
    const shown = actual >= 10000 ? `${(actual / 10000).toFixed(2)}万亩` : `${Number(actual.toFixed(2))}亩`;
    expect(text).toContain(`国有土地供应总量${shown}`);
  });

  it('nrp status shows mart_submission_status, and nrp submissions marks the latest version of each table', () => {
    const status = JSON.parse(nrpProcess(['status', '--db', db, '--period', '2023Q2', '--json']).stdout) as Record<string, string>[];
    const mart = JSON.parse(nrpProcess(['query', '--db', db, '--format', 'json',
      "select unit_code, table_name, 'v' || version || ' ' || strftime(loaded_at, '%Y-%m-%d %H:%M') as cell from mart_submission_status where period = '2023Q2' and arrived"]).stdout) as { unit_code: string; table_name: string; cell: string }[];
    expect(mart.length).toBeGreaterThan(20);
    for (const m of mart) expect(status.find((s) => s.unit_code === m.unit_code)![m.table_name]).toBe(m.cell);
    const nanhu = JSON.parse(nrpProcess(['submissions', '--db', db, '--period', '2023Q2', '--unit', '南湖区', '--json']).stdout) as { table_name: string; version: number; latest: string }[];
    for (const table of new Set(nanhu.map((s) => s.table_name))) {
      const versions = nanhu.filter((s) => s.table_name === table);
      const newest = Math.max(...versions.map((s) => s.version));
      expect(versions.map((s) => [s.version, s.latest])).toEqual(versions.map((s) => [s.version, s.version === newest ? '*' : '']));
    }
  });

  it('a second run loads nothing again and still writes the bulletin', () => {
    const again = nrpProcess(['run', '--period', '2023Q2', '--inbox', inbox, '--db', db, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/文件 files: 0 接收 accepted, 3 拒收 rejected, \d+ 已接收过 already loaded/);
  });

  it('with the PDF helper process, the same files, byte for byte, and the same messages in the same order as in one process', () => {
    // (two cores or more: the helper writes the PDFs; NRP_RUN_HELPER=0: everything in one process)
    const args = (o: string) => ['run', '--period', '2023Q1', '--period', '2023Q2', '--format', 'pdf,xlsx', '--feedback', '--inbox', inbox, '--db', db, '--out', o];
    const helped = nrpProcess(args(join(dir, 'helped')));
    const alone = nrpProcess(args(join(dir, 'alone')), { env: { NRP_RUN_HELPER: '0' } });
    expect(helped.code).toBe(1);
    expect(alone.code).toBe(1);
    const files = (root: string): string[] => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length)).sort();
    expect(files(join(dir, 'helped'))).toEqual(files(join(dir, 'alone')));
    expect(files(join(dir, 'helped')).filter((f) => f.includes('2023Q2')).length).toBeGreaterThan(10);
    for (const f of files(join(dir, 'alone'))) expect(readFileSync(join(dir, 'helped', f)).equals(readFileSync(join(dir, 'alone', f))), f).toBe(true);
    // the messages, but for the folder's name and the seconds
    const lines = (r: { stderr: string }, o: string) => r.stderr.split(join(dir, o)).join('OUT').replace(/\d+\.\d s/g, 'N s').split('\n');
    expect(lines(helped, 'helped')).toEqual(lines(alone, 'alone'));
    expect(helped.stderr).toMatch(/time 用时: ingest [\d.]+ s, build [\d.]+ s, charts 2023Q1 [\d.]+ s, .*feedback 2023Q1 [\d.]+ s, charts 2023Q2 [\d.]+ s, .*feedback 2023Q2 [\d.]+ s/);
  });

  it('a PDF that cannot be written (the helper fails, the main process tries again): exit 1 with the usual message and no stack trace, as in one process', () => {
    for (const [name, env] of [['blocked-helped', {}], ['blocked-alone', { NRP_RUN_HELPER: '0' }]] as const) {
      const o = join(dir, name);
      mkdirSync(join(o, 'bulletin-2023Q2.pdf', 'x'), { recursive: true }); // a folder where the PDF goes
      const r = nrpProcess(['run', '--period', '2023Q1', '--period', '2023Q2', '--format', 'pdf', '--inbox', inbox, '--db', db, '--out', o], { env });
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toContain(`cannot write ${join(o, 'bulletin-2023Q2.pdf')}`);
      expect(r.stderr, name).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(existsSync(join(o, 'bulletin-2023Q1.pdf')), name).toBe(true);
    }
  });

  it('usage errors exit 2', () => {
    expect(nrpProcess(['run', '--inbox', inbox, '--db', db]).code).toBe(2);
    expect(nrpProcess(['run', '--period', '2023Q9', '--inbox', inbox, '--db', db]).code).toBe(2);
    expect(nrpProcess(['run', '--period', '2023Q2', '--inbox', join(dir, 'nope'), '--db', db]).code).toBe(2);
  });
});

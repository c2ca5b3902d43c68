import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { LAND_HEADER, PATCH_HEADER, ingestOne, landRow, newWarehouse, patchRow, writeCsv, writeWorkbook } from './fixtures';

// The CSV fast path is taken by 卫片图斑 files of 1 MB and more; these small ones take it too, so
// that it is checked here (NRP_CSV_FAST_MIN_BYTES, read at each file).
process.env.NRP_CSV_FAST_MIN_BYTES = '0';

// Which way each table was read is in the file report (and --json), so that a fast path that
// broke cannot pass unseen by falling back to the slower one.
const dir = tempDir('nrp-ingest-paths-');
let wh: Warehouse;
beforeAll(async () => {
  wh = await newWarehouse(dir);
});
afterAll(() => wh.close());

const patches = (n: number, over: (i: number) => Parameters<typeof patchRow>[1] = () => ({})) =>
  [PATCH_HEADER, ...Array.from({ length: n }, (_, i) => patchRow(`T${i}`, over(i)) as (string | number | null)[])];

describe('the ingest path of each table', () => {
  it('a plain 卫片图斑 CSV takes the fast path, in UTF-8 and in GBK', async () => {
    for (const [period, encoding] of [['2023Q1', 'utf8'], ['2023Q2', 'gbk']] as const) {
      const r = await ingestOne(wh, writeCsv(join(dir, `南湖区_${period}_卫片图斑.csv`), patches(20), encoding));
      expect(r.status).toBe('accepted');
      expect(r.tables.map((t) => [t.table_name, t.rows, t.path])).toEqual([['卫片图斑', 20, 'csv-fast']]);
    }
  });

  it('one with a figure the fast path cannot type (full-width digits) is read as text, and loads the same values', async () => {
    const r = await ingestOne(wh, writeCsv(join(dir, '秀洲区_2023Q1_卫片图斑.csv'), patches(20, (i) => (i === 7 ? { '新增建设占用耕地面积（亩）': '１２.５' } : {}))));
    expect(r.status).toBe('accepted');
    expect(r.tables.map((t) => [t.rows, t.path])).toEqual([[20, 'csv-text']]);
    const row = await wh.one<{ v: number }>('select occupied_farmland_mu as v from raw_patches where submission_id = ? and patch_id = ?', [r.tables[0].submission_id!, 'T7']);
    expect(row!.v).toBe(12.5);
  });

  it('one with a 无 in a required figure is read as text, which names the cell', async () => {
    const r = await ingestOne(wh, writeCsv(join(dir, '嘉善县_2023Q1_卫片图斑.csv'), patches(20, (i) => (i === 3 ? { '违法占用耕地面积（亩）': '无' } : {}))));
    expect(r.status).toBe('rejected');
    expect(r.tables.map((t) => t.path)).toEqual(['csv-text']);
    expect(r.errors.map((e) => [e.code, e.cell, e.value])).toEqual([['required', 'D5', '无']]);
  });

  it('a 供地台账 CSV is read as text; a workbook sheet in one pass; --json says so too', async () => {
    const ledger = await ingestOne(wh, writeCsv(join(dir, '海盐县_2023Q1_供地台账.csv'), [LAND_HEADER, landRow('L1') as (string | number | null)[]]));
    expect(ledger.tables.map((t) => t.path)).toEqual(['csv-text']);
    const book = join(dir, '平湖市_2023Q1.xlsx');
    await writeWorkbook(book, { info: { unit: '平湖市', period: '2023Q1' }, sheets: { 供地台账: [LAND_HEADER, landRow('P1')], 卫片图斑: patches(3) } });
    const json = await nrp(['ingest', '--db', join(dir, 'cli.duckdb'), '--json', book], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { files: { tables: { table_name: string; path: string }[] }[] };
    expect(report.files[0].tables.map((t) => [t.table_name, t.path])).toEqual([['供地台账', 'xlsx-direct'], ['卫片图斑', 'xlsx-direct']]);
    const text = await nrp(['ingest', '--db', join(dir, 'cli-text.duckdb'), writeCsv(join(dir, '桐乡市_2023Q1_卫片图斑.csv'), patches(2))], { cwd: dir });
    expect(text.stdout).toContain('csv-fast');
  });
});

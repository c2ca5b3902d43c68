import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipelines/ingest';
import { buildWarehouse } from '../../pipelines/models';
import { MANIFEST_NAME, type Manifest } from '../../pipelines/sample';
import { openForWrite, type Warehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';

// Issue 20 as it was found: a unit's real workbook (the sample's) with a 合计 row typed under its
// 供地台账 and 卫片图斑 (the sums typed in) and 填表说明 two rows under each table, then a signature
// line, must load with the same figures as the workbook as it was, and without a warning.
const dir = tempDir('nrp-ingest-sample-dressed-');
let plain: Warehouse;
let dressed: Warehouse;
let report: Awaited<ReturnType<typeof ingestFiles>>;

beforeAll(async () => {
  const inbox = join(dir, 'inbox');
  expect((await nrp(['sample', '--out', inbox])).code).toBe(0);
  const manifest = JSON.parse(readFileSync(join(inbox, MANIFEST_NAME), 'utf8')) as Manifest;
  const original = manifest.files.find((f) => f.expect === 'accepted' && f.path.endsWith('平湖市_2023Q2.xlsx'))!;
  const path = join(inbox, ...original.path.split('/'));
  plain = await openForWrite(':memory:');
  expect((await ingestFiles(plain, [path])).accepted).toBe(1);

  // the sums as a clerk types them: what the sheet's detail rows add up to
  const sums = await plain.one<{ area: number; price: number; occupied: number; illegal: number }>(`
    select (select sum(area_mu) from raw_land_supply) as area, (select sum(price_wan) from raw_land_supply) as price,
           (select sum(occupied_farmland_mu) from raw_patches) as occupied, (select sum(illegal_farmland_mu) from raw_patches) as illegal`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const dress = (name: string, sums: Record<string, number>) => {
    const ws = wb.getWorksheet(name)!;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && Object.keys(sums).every((h) => (row.values as unknown[]).includes(h))) headerRow = n;
    });
    const header = ws.getRow(headerRow).values as unknown[];
    const total: unknown[] = [];
    total[1] = '合计';
    for (const [h, v] of Object.entries(sums)) total[header.indexOf(h)] = Math.round(v * 100) / 100;
    ws.addRow(total);
    ws.addRow([]);
    ws.addRow(['填表说明：面积单位为亩，价款单位为万元。']);
    ws.addRow(['填表人：', '张三', null, '审核人：', '李四']);
  };
  dress('供地台账', { '供地面积（亩）': sums!.area, '成交价款（万元）': sums!.price });
  dress('卫片图斑', { '新增建设占用耕地面积（亩）': sums!.occupied, '违法占用耕地面积（亩）': sums!.illegal });
  mkdirSync(join(dir, 'dressed'));
  const dressedPath = join(dir, 'dressed', '平湖市_2023Q2.xlsx');
  await wb.xlsx.writeFile(dressedPath);
  dressed = await openForWrite(':memory:');
  report = await ingestFiles(dressed, [dressedPath]);
  await buildWarehouse(plain);
  await buildWarehouse(dressed);
}, 300_000);
afterAll(() => {
  plain?.close();
  dressed?.close();
});

describe("the sample's 平湖市 workbook with a 合计 row and notes under its tables", () => {
  it('loads, skipping the 合计 row and the notes of each detail table, without a warning', () => {
    const f = report.files[0];
    expect([f.status, f.errors, f.warnings]).toEqual(['accepted', [], []]);
    expect(f.tables.filter((t) => t.table_name !== '指标进度').map((t) => [t.table_name, t.total_rows, t.footer_rows])).toEqual([['供地台账', 1, 2], ['卫片图斑', 1, 2]]);
  });

  it('gives the same figures as the workbook without them', async () => {
    const mart = (wh: Warehouse) => wh.all('select * from mart_indicator_progress order by all');
    expect(await mart(dressed)).toEqual(await mart(plain));
  });
});

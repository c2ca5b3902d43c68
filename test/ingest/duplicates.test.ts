import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipelines/ingest';
import type { Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { LAND_HEADER, PROGRESS_HEADER, counts, landRow, newWarehouse, writeCsv, writeWorkbook } from './fixtures';

/**
 * A duplicate is the same bytes as the latest version of the same unit × period × table: the
 * file is identified first. The same bytes under another unit's or period's name are that
 * unit's or period's submission (a unit whose figures did not change sends the same CSV again).
 */
const dir = tempDir('nrp-ingest-dup-');
let wh: Warehouse;
beforeAll(async () => {
  wh = await newWarehouse(dir);
});
afterAll(() => wh.close());

const registry = (unit: string) =>
  wh.all<{ period: string; table_name: string; version: number }>(
    `select period, table_name, version from submissions where unit_code = '${unit}' order by period, table_name, version`,
  );

describe('the same bytes under another name', () => {
  const rows = [PROGRESS_HEADER, ['new_farmland', null, 500, null, null, null]];

  it('a Q2 CSV with the bytes of Q1 is Q2’s submission, loaded; the same Q2 file again is a duplicate', async () => {
    mkdirSync(join(dir, 'q1'));
    mkdirSync(join(dir, 'q2'));
    const q1 = writeCsv(join(dir, 'q1', '南湖区_2023Q1_指标进度.csv'), rows);
    const q2 = join(dir, 'q2', '南湖区_2023Q2_指标进度.csv');
    copyFileSync(q1, q2);
    expect((await ingestFiles(wh, [q1])).files[0].status).toBe('accepted');
    const second = (await ingestFiles(wh, [q2])).files[0];
    expect(second.status).toBe('accepted');
    expect([second.unit_code, second.period, second.tables[0].version]).toEqual(['330402', '2023Q2', 1]);
    expect(await registry('330402')).toEqual([
      { period: '2023Q1', table_name: '指标进度', version: 1 },
      { period: '2023Q2', table_name: '指标进度', version: 1 },
    ]);
    const again = (await ingestFiles(wh, [q2])).files[0];
    expect(again.status).toBe('duplicate');
    expect([again.unit_code, again.period, again.tables[0].version]).toEqual(['330402', '2023Q2', 1]);
  });

  it('the same bytes for another unit load as that unit’s; in one call, with the inbox rule of nrp run too', async () => {
    mkdirSync(join(dir, 'units'));
    const a = writeCsv(join(dir, 'units', '秀洲区_2023Q1_指标进度.csv'), rows);
    const b = join(dir, 'units', '嘉善县_2023Q1_指标进度.csv');
    const c = join(dir, 'units', '嘉善县_2023Q2_指标进度.csv');
    copyFileSync(a, b);
    copyFileSync(a, c);
    const report = await ingestFiles(wh, [join(dir, 'units')], { onlyNew: true });
    expect(report.files.map((f) => [f.file, f.status, f.unit_code, f.period])).toEqual([
      ['嘉善县_2023Q1_指标进度.csv', 'accepted', '330421', '2023Q1'],
      ['秀洲区_2023Q1_指标进度.csv', 'accepted', '330411', '2023Q1'],
      ['嘉善县_2023Q2_指标进度.csv', 'accepted', '330421', '2023Q2'],
    ]);
    const before = await counts(wh);
    const rerun = await ingestFiles(wh, [join(dir, 'units')], { onlyNew: true });
    expect(rerun.files.map((f) => f.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await counts(wh)).toEqual(before);
  });

  it('a workbook with the bytes of another period’s workbook is refused for the disagreeing 填报信息, not skipped', async () => {
    mkdirSync(join(dir, 'wb'));
    const q1 = await writeWorkbook(join(dir, 'wb', '海盐县_2023Q1.xlsx'), { info: { unit: '海盐县', period: '2023Q1' }, sheets: { 供地台账: [LAND_HEADER, landRow('HY-1')] } });
    expect((await ingestFiles(wh, [q1])).files[0].status).toBe('accepted');
    const q2 = join(dir, 'wb', '海盐县_2023Q2.xlsx');
    copyFileSync(q1, q2);
    const r = (await ingestFiles(wh, [q2])).files[0];
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => e.code)).toEqual(['period_mismatch']);
  });
});

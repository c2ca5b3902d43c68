import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles, validateFiles } from '../../pipelines/ingest';
import type { Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { LAND_HEADER, PATCH_HEADER, PROGRESS_HEADER, counts, ingestOne, landRow, newWarehouse, patchRow, writeCsv, writeWorkbook } from './fixtures';

const dir = tempDir('nrp-ingest-load-');
let wh: Warehouse;
beforeAll(async () => {
  wh = await newWarehouse(dir);
});
afterAll(() => wh.close());

describe('loading', () => {
  it('loads every table of a workbook with title rows, keeping source rows and typed values', async () => {
    const path = join(dir, '海宁市_2023Q2.xlsx');
    await writeWorkbook(path, {
      info: { unit: '海宁', period: '2023年第二季度' },
      titleRows: 2,
      sheets: {
        指标进度: [PROGRESS_HEADER, ['new_farmland', '新增耕地', '1,200亩', null, null, '备注'], ['idle_land_disposal', null, null, '３', '4', null], ['farmland_area', null, '-', null, null, null]],
        供地台账: [LAND_HEADER, landRow('HN-1', { '供地面积（亩）': '１,２００亩', 供地日期: '2023年3月14日', 约定开工日期: 45000 }), landRow('HN-2', { 供地方式: '划拨', '成交价款（万元）': '无', 土地用途: '住宅用地' })],
        卫片图斑: [PATCH_HEADER, patchRow('T1'), patchRow('T2', { 监测批次: '2023年第2季度', 判定类型: '违法', '违法占用耕地面积（亩）': '1.5' })],
      },
    });
    const r = await ingestOne(wh, path);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('accepted');
    expect([r.unit_code, r.period]).toEqual(['330481', '2023Q2']);
    expect(r.tables.map((t) => [t.table_name, t.rows, t.version])).toEqual([['指标进度', 2, 1], ['供地台账', 2, 1], ['卫片图斑', 2, 1]]);
    const land = await wh.all('select source_row, parcel_id, supply_method, land_use, area_mu, price_wan, supply_date, agreed_start_date from raw_land_supply order by source_row');
    expect(land).toEqual([
      { source_row: 4, parcel_id: 'HN-1', supply_method: '出让', land_use: '工业', area_mu: 1200, price_wan: 500, supply_date: '2023-03-14', agreed_start_date: '2023-03-15' },
      { source_row: 5, parcel_id: 'HN-2', supply_method: '划拨', land_use: '住宅', area_mu: 10, price_wan: null, supply_date: '2023-02-01', agreed_start_date: '2023-05-01' },
    ]);
    const progress = await wh.all('select source_row, indicator_code, cumulative_value, numerator, denominator from raw_indicator_progress order by source_row');
    expect(progress).toEqual([
      { source_row: 4, indicator_code: 'new_farmland', cumulative_value: 1200, numerator: null, denominator: null },
      { source_row: 5, indicator_code: 'idle_land_disposal', cumulative_value: null, numerator: 3, denominator: 4 },
    ]);
    const patches = await wh.all('select source_row, batch, illegal_farmland_mu from raw_patches order by source_row');
    expect(patches).toEqual([{ source_row: 4, batch: '2023Q1', illegal_farmland_mu: 0 }, { source_row: 5, batch: '2023Q2', illegal_farmland_mu: 1.5 }]);
  });

  it('the same bytes twice are recognised and not loaded again', async () => {
    const before = await counts(wh);
    const copy = join(dir, 'copy', '海宁市_2023Q2.xlsx');
    require('node:fs').mkdirSync(join(dir, 'copy'));
    copyFileSync(join(dir, '海宁市_2023Q2.xlsx'), copy);
    const r = await ingestOne(wh, copy);
    expect(r.status).toBe('duplicate');
    expect(r.tables.map((t) => t.version)).toEqual([1, 1, 1]);
    expect(await counts(wh)).toEqual(before);
  });

  it('a resubmission is a new version; the old one stays; the newest is the one to read', async () => {
    const path = join(dir, 'v2', '海宁市_2023Q2.xlsx');
    require('node:fs').mkdirSync(join(dir, 'v2'));
    await writeWorkbook(path, { info: { unit: '330481', period: '2023Q2' }, sheets: { 供地台账: [LAND_HEADER, landRow('HN-1'), landRow('HN-2'), landRow('HN-3')] } });
    const r = await ingestOne(wh, path);
    expect(r.status).toBe('accepted');
    expect(r.tables).toMatchObject([{ table_name: '供地台账', version: 2, rows: 3 }]);
    const registry = await wh.all(`select table_name, version, row_count from submissions where unit_code = '330481' order by table_name, version`);
    expect(registry).toEqual([
      { table_name: '供地台账', version: 1, row_count: 2 },
      { table_name: '供地台账', version: 2, row_count: 3 },
      { table_name: '卫片图斑', version: 1, row_count: 2 },
      { table_name: '指标进度', version: 1, row_count: 2 },
    ]);
    // what models read: the rows of the newest version of each unit × period × table
    const latest = await wh.one<{ n: number }>(`
      select count(*) as n from raw_land_supply r join submissions s using (submission_id)
      where s.version = (select max(version) from submissions m where m.unit_code = s.unit_code and m.period = s.period and m.table_name = s.table_name)`);
    expect(latest!.n).toBe(3);
    expect((await counts(wh)).land).toBe(5);
  });

  it('a file with one bad row among many loads nothing: every table unchanged', async () => {
    const before = await counts(wh);
    const rows = Array.from({ length: 300 }, (_, i) => landRow(`X${i}`, i === 217 ? { 供地日期: '2023-13-01' } : {}));
    const path = join(dir, '秀洲区_2023Q2.xlsx');
    await writeWorkbook(path, { info: { unit: '秀洲区', period: '2023Q2' }, sheets: { 供地台账: [LAND_HEADER, ...rows], 卫片图斑: [PATCH_HEADER, patchRow('T1')] } });
    const r = await ingestOne(wh, path);
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => e.cell)).toEqual(['供地台账!H219']);
    expect(await counts(wh)).toEqual(before);
  });

  it('each file on its own: the good ones load, the bad one does not', async () => {
    const good = writeCsv(join(dir, '嘉善_2023Q2_卫片图斑.csv'), [PATCH_HEADER, patchRow('T1') as string[]]);
    const bad = writeCsv(join(dir, '嘉善_2023Q2_供地台账.csv'), [LAND_HEADER, landRow('A', { '供地面积（亩）': -1 }) as string[]]);
    const report = await ingestFiles(wh, [good, bad]);
    expect(report.files.map((f) => f.status).sort()).toEqual(['accepted', 'rejected']);
    expect((await wh.one<{ n: number }>(`select count(*) as n from submissions where unit_code = '330421'`))!.n).toBe(1);
  });
});

describe('CSV encodings', () => {
  const rows = [['2023年第二季度供地台账'], LAND_HEADER, landRow('桐-1', { 项目名称: '濮院时尚古镇', 土地用途: '商服用地' }) as string[]];
  it.each(['utf8', 'bom', 'gbk'] as const)('%s', async (encoding) => {
    const path = writeCsv(join(dir, `桐乡_2023Q${encoding === 'utf8' ? 1 : encoding === 'bom' ? 2 : 3}_供地台账.csv`), rows, encoding);
    const r = await ingestOne(wh, path);
    expect(r.errors).toEqual([]);
    const row = await wh.one(`select l.source_row, project_name, land_use from raw_land_supply l join submissions s using (submission_id) where s.submission_id = ?`, [r.tables[0].submission_id!]);
    expect(row).toEqual({ source_row: 3, project_name: '濮院时尚古镇', land_use: '商服' });
  });
  it('a GBK file with an error names its row and column', async () => {
    const path = writeCsv(join(dir, '桐乡_2023Q4_供地台账.csv'), [LAND_HEADER, landRow('桐-1'), landRow('桐-2', { 是否存量: '不详' })] as string[][], 'gbk');
    const r = await ingestOne(wh, path);
    expect(r.errors).toMatchObject([{ code: 'not_in_list', cell: 'F3', row: 3, column: 'F', value: '不详', sheet: '供地台账' }]);
  });
});

describe('warnings', () => {
  it('stores and reports: rate 累计完成 vs 分子/分母, declared vs computed, year-to-date decrease', async () => {
    const q1 = join(dir, '平湖市_2023Q1.xlsx');
    await writeWorkbook(q1, { info: { unit: '平湖市', period: '2023Q1' }, sheets: { 指标进度: [PROGRESS_HEADER, ['new_farmland', null, 500, null, null, null]] } });
    expect((await ingestOne(wh, q1)).status).toBe('accepted');
    const q2 = join(dir, '平湖市_2023Q2.xlsx');
    await writeWorkbook(q2, {
      info: { unit: '平湖市', period: '2023Q2' },
      sheets: {
        指标进度: [PROGRESS_HEADER,
          ['new_farmland', null, 400, null, null, null],
          ['idle_land_disposal', null, '80%', 3, 4, null],
          ['land_supply', null, 25, null, null, null]],
        供地台账: [LAND_HEADER, landRow('P1', { '供地面积（亩）': 10 }), landRow('P2', { '供地面积（亩）': 10 })],
      },
    });
    const r = await ingestOne(wh, q2);
    expect(r.status).toBe('accepted');
    expect(r.warnings.map((w) => [w.code, w.cell]).sort()).toEqual([
      ['declared_vs_computed', '指标进度!C4'],
      ['rate_mismatch', '指标进度!C3'],
      ['ytd_decrease', '指标进度!C2'],
    ]);
    const stored = await wh.one<{ w: string[] }>(`select warnings as w from submissions where unit_code = '330482' and period = '2023Q2' and table_name = '指标进度'`);
    expect(stored!.w).toHaveLength(3);
    expect(stored!.w.join('\n')).toContain('2023Q1');
  });

  it('the previous period is its latest version, in this warehouse and in one validate attaches (submission_versions)', async () => {
    const db = join(dir, 'history.duckdb');
    const history = await newWarehouse(dir, 'history.duckdb');
    try {
      const q1 = async (folder: string, value: number) => {
        require('node:fs').mkdirSync(join(dir, folder));
        const path = join(dir, folder, '嘉善县_2023Q1.xlsx');
        await writeWorkbook(path, { info: { unit: '嘉善县', period: '2023Q1' }, sheets: { 指标进度: [PROGRESS_HEADER, ['new_farmland', null, value, null, null, null]] } });
        expect((await ingestOne(history, path)).status).toBe('accepted');
      };
      await q1('q1-v1', 500);
      await q1('q1-v2', 300); // the correction: Q1 is now 300
      const q2 = join(dir, '嘉善县_2023Q2.xlsx');
      await writeWorkbook(q2, { info: { unit: '嘉善县', period: '2023Q2' }, sheets: { 指标进度: [PROGRESS_HEADER, ['new_farmland', null, 400, null, null, null]] } });
      const lower = join(dir, 'lower', '嘉善县_2023Q2.xlsx');
      require('node:fs').mkdirSync(join(dir, 'lower'));
      await writeWorkbook(lower, { info: { unit: '嘉善县', period: '2023Q2' }, sheets: { 指标进度: [PROGRESS_HEADER, ['new_farmland', null, 250, null, null, null]] } });
      history.close();
      // 400 is below v1's 500 but not below the latest 300; 250 is below both
      const validated = await validateFiles([q2, lower], { historyDb: db });
      const warned = (path: string) => validated.files.find((f) => f.path === path)!.warnings.map((w) => [w.code, w.cell, w.zh.includes('2023Q1: 300')]);
      expect(warned(q2)).toEqual([]);
      expect(warned(lower)).toEqual([['ytd_decrease', '指标进度!C2', true]]);
      const reopened = await newWarehouse(dir, 'history.duckdb');
      try {
        const loaded = await ingestFiles(reopened, [q2]);
        expect(loaded.files[0].warnings).toEqual([]);
      } finally {
        reopened.close();
      }
    } finally {
      history.close();
    }
  });
});

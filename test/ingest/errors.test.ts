import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForWrite, type Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { readZip, writeZip } from '../reliability/fuzz/zip';
import { LAND_HEADER, PATCH_HEADER, PROGRESS_HEADER, ingestOne, landRow, patchRow, writeCsv, writeWorkbook, type Cell } from './fixtures';

// Every error of submissions.md ("Bad input"), each in a file of its own: the file is rejected,
// and the error names the cell, the raw value and what was expected, in Chinese and English.
// One in-memory warehouse for the whole file (a rejected file loads nothing, so files do not
// interfere); `nrp validate` itself is exercised in cli.test.ts.
const dir = tempDir('nrp-ingest-errors-');
let n = 0;
let wh: Warehouse;
beforeAll(async () => {
  wh = await openForWrite(':memory:');
});
afterAll(() => wh.close());
const validateOne = (path: string) => ingestOne(wh, path);

async function land(rows: Cell[][], over: { unit?: string; period?: string } = {}) {
  const path = join(dir, `海宁市_2023Q2_${n++}.xlsx`);
  await writeWorkbook(path, { info: { unit: over.unit ?? '海宁市', period: over.period ?? '2023Q2' }, sheets: { 供地台账: [LAND_HEADER, ...rows] } });
  return validateOne(path);
}
async function patches(rows: Cell[][]) {
  const path = join(dir, `海宁市_2023Q2_${n++}.xlsx`);
  await writeWorkbook(path, { info: { unit: '海宁市', period: '2023Q2' }, sheets: { 卫片图斑: [PATCH_HEADER, ...rows] } });
  return validateOne(path);
}
async function progress(rows: Cell[][]) {
  const path = join(dir, `海宁市_2023Q2_${n++}.xlsx`);
  await writeWorkbook(path, { info: { unit: '海宁市', period: '2023Q2' }, sheets: { 指标进度: [PROGRESS_HEADER, ...rows] } });
  return validateOne(path);
}

function only(report: Awaited<ReturnType<typeof land>>, code: string) {
  expect(report.status).toBe('rejected');
  const hits = report.errors.filter((e) => e.code === code);
  expect(hits.length, JSON.stringify(report.errors.map((e) => [e.code, e.cell]))).toBeGreaterThan(0);
  for (const e of report.errors) {
    expect(e.zh.length).toBeGreaterThan(0);
    expect(e.en).toMatch(/[a-z]/);
    expect(e.file).toBe(report.file);
  }
  return hits;
}

describe('供地台账', () => {
  it('a value that is not a number names the cell, raw value and unit', async () => {
    const [e] = only(await land([landRow('A1'), landRow('A2', { '供地面积（亩）': '十亩' })]), 'not_a_number');
    expect(e.cell).toBe('供地台账!E3');
    expect(e.value).toBe('十亩');
    expect(e.zh).toContain('亩');
  });
  it('a value that is not a date', async () => {
    const [e] = only(await land([landRow('A1', { 供地日期: '2023-02-30' })]), 'not_a_date');
    expect(e.cell).toBe('供地台账!H2');
  });
  it('a negative amount', async () => {
    const [e] = only(await land([landRow('A1', { '成交价款（万元）': -5 })]), 'negative');
    expect(e.cell).toBe('供地台账!G2');
  });
  it('an area that is not above zero', async () => {
    only(await land([landRow('A1', { '供地面积（亩）': 0 })]), 'not_positive');
  });
  it('an actual date after the period end', async () => {
    const [e] = only(await land([landRow('A1', { 实际开工日期: '2023-07-01' })]), 'after_period_end');
    expect(e.cell).toBe('供地台账!K2');
    expect(e.en).toContain('2023-06-30');
    only(await land([landRow('A1', { 供地日期: '2023-08-01' })]), 'after_period_end');
  });
  it('dates out of order', async () => {
    const [e] = only(await land([landRow('A1', { 约定竣工日期: '2023-04-01' })]), 'date_order');
    expect(e.cell).toBe('供地台账!J2');
    only(await land([landRow('A1', { 实际开工日期: '2023-05-01', 实际竣工日期: '2023-04-01' })]), 'date_order');
  });
  it('an actual completion without an actual start', async () => {
    only(await land([landRow('A1', { 实际竣工日期: '2023-04-01' })]), 'requires_actual_start');
  });
  it('duplicate 地块编号 names the second row and the first', async () => {
    const [e] = only(await land([landRow('A1'), landRow('A2'), landRow('A1')]), 'duplicate');
    expect(e.cell).toBe('供地台账!A4');
    expect(e.zh).toContain('2');
  });
  it.each([
    ['供地方式', '租赁', 'C2'],
    ['土地用途', '农业', 'D2'],
    ['是否存量', '可能', 'F2'],
  ])('%s outside its list', async (header, value, cell) => {
    const [e] = only(await land([landRow('A1', { [header]: value })]), 'not_in_list');
    expect(e.cell).toBe(`供地台账!${cell}`);
    expect(e.value).toBe(value);
  });
  it('a required value left empty, and 成交价款 for 出让', async () => {
    const hits = only(await land([landRow('A1', { 项目名称: null, '成交价款（万元）': '-' })]), 'required');
    expect(hits.map((e) => e.cell).sort()).toEqual(['供地台账!B2', '供地台账!G2']);
  });
  it('a price given for 划拨', async () => {
    only(await land([landRow('A1', { 供地方式: '划拨', '成交价款（万元）': 100 })]), 'price_for_allocation');
  });
  it('a missing column, and no header in the first 11 rows', async () => {
    const header = LAND_HEADER.filter((h) => h !== '是否存量');
    const [e] = only(await land([landRow('A1')].map((r) => r.filter((_, i) => LAND_HEADER[i] !== '是否存量')).map((r) => r), {}).then(async () => {
      const path = join(dir, `海宁市_2023Q2_${n++}.xlsx`);
      await writeWorkbook(path, { info: { unit: '海宁市', period: '2023Q2' }, sheets: { 供地台账: [header, landRow('A1').filter((_, i) => LAND_HEADER[i] !== '是否存量')] } });
      return validateOne(path);
    }), 'missing_column');
    expect(e.zh).toContain('是否存量');
    expect(e.sheet).toBe('供地台账');
  });
  it('every error of a file is reported together', async () => {
    const r = await land([landRow('A1', { '供地面积（亩）': 'x' }), landRow('A2', { 供地日期: 'y' }), landRow('A3', { 土地用途: 'z' })]);
    expect(r.errors.map((e) => e.cell)).toEqual(['供地台账!E2', '供地台账!H3', '供地台账!D4']);
    expect(r.error_count).toBe(3);
  });
});

describe('卫片图斑', () => {
  it('illegal area above occupied area', async () => {
    const [e] = only(await patches([patchRow('T1', { 判定类型: '违法', '违法占用耕地面积（亩）': 12 })]), 'illegal_exceeds_occupied');
    expect(e.cell).toBe('卫片图斑!D2');
  });
  it('a 合法 patch with illegal area', async () => {
    only(await patches([patchRow('T1', { '违法占用耕地面积（亩）': 1 })]), 'legal_with_illegal_area');
  });
  it('duplicate 图斑编号', async () => {
    only(await patches([patchRow('T1'), patchRow('T1')]), 'duplicate');
  });
  it('判定类型 outside its list', async () => {
    only(await patches([patchRow('T1', { 判定类型: '待查' })]), 'not_in_list');
  });
  it('a 监测批次 after the period or of another year, and an unreadable one', async () => {
    only(await patches([patchRow('T1', { 监测批次: '2023Q3' })]), 'batch_out_of_range');
    only(await patches([patchRow('T1', { 监测批次: '2022年第4季度' })]), 'batch_out_of_range');
    only(await patches([patchRow('T1', { 监测批次: '第一批' })]), 'batch_unreadable');
  });
  it('in a CSV too (the fast path hands over to the text rules for precise errors)', async () => {
    const path = writeCsv(join(dir, `海宁市_2023Q2_卫片图斑.csv`), [PATCH_HEADER, patchRow('T1') as string[], patchRow('T1') as string[],
      patchRow('T3', { 判定类型: '违法', '违法占用耕地面积（亩）': 11 }) as string[]]);
    const r = await validateOne(path);
    expect(r.errors.map((e) => [e.code, e.cell])).toEqual([['duplicate', 'A3'], ['illegal_exceeds_occupied', 'D4']]);
  });
  it('accepts every period spelling for 监测批次', async () => {
    const r = await patches([patchRow('T1', { 监测批次: '2023年第一季度' }), patchRow('T2', { 监测批次: '2023-Q2' }), patchRow('T3', { 监测批次: '2023年1-3月' })]);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('accepted');
  });
});

describe('指标进度', () => {
  it('an unknown indicator', async () => {
    const [e] = only(await progress([['no_such_code', null, 5, null, null, null]]), 'unknown_indicator');
    expect(e.cell).toBe('指标进度!A2');
    only(await progress([[null, '不存在的指标', 5, null, null, null]]), 'unknown_indicator');
  });
  it('a duplicate indicator row (by code, or code and name)', async () => {
    only(await progress([['new_farmland', null, 5, null, null, null], [null, '新增耕地', 6, null, null, null]]), 'duplicate_indicator');
  });
  it('a rate with 分母 ≤ 0', async () => {
    only(await progress([['idle_land_disposal', null, null, 1, 0, null]]), 'denominator_not_positive');
  });
  it('分子 > 分母 where the rate cannot pass 100%, but not for petition_reduction', async () => {
    only(await progress([['idle_land_disposal', null, null, 12, 10, null]]), 'numerator_exceeds_denominator');
    const ok = await progress([['petition_reduction', null, null, 12, 10, null]]);
    expect(ok.errors).toEqual([]);
  });
  it('a negative amount and a cumulative row without 累计完成', async () => {
    only(await progress([['new_farmland', null, -5, null, null, null]]), 'negative');
    only(await progress([['new_farmland', null, null, 3, null, null]]), 'required');
  });
  it('a rate row needs 分子 and 分母', async () => {
    only(await progress([['idle_land_disposal', null, 95, null, null, null]]), 'required');
  });
});

describe('unit and period', () => {
  it('an unknown unit lists the valid names and the closest one', async () => {
    const [e] = only(await land([landRow('A1')], { unit: '海宁县' }), 'unknown_unit');
    expect(e.cell).toBe('填报信息!B1');
    expect(e.value).toBe('海宁县');
    expect(e.zh).toContain('海宁市');
    expect(e.zh).toContain('南湖区');
    expect(e.en).toContain('closest');
  });
  it('an aggregate is never submitted', async () => {
    only(await land([landRow('A1')], { unit: '全市' }), 'unknown_unit');
  });
  it('an unreadable period', async () => {
    only(await land([landRow('A1')], { period: '2023年夏天' }), 'bad_period');
  });
  it('填报信息 and file name disagreeing: unit, then period', async () => {
    only(await land([landRow('A1')], { unit: '桐乡市' }), 'unit_mismatch');
    only(await land([landRow('A1')], { period: '2023Q3' }), 'period_mismatch');
  });
  it('without 填报信息 the file name gives unit and period', async () => {
    const path = join(dir, '平湖_2023年第二季度.xlsx');
    await writeWorkbook(path, { info: null, sheets: { 供地台账: [LAND_HEADER, landRow('A1')] } });
    const r = await validateOne(path);
    expect(r.errors).toEqual([]);
    expect([r.unit_code, r.period]).toEqual(['330482', '2023Q2']);
  });
  it('an empty sheet is a table not reported; a browser copy "(1)" keeps its name', async () => {
    const path = join(dir, '海宁市_2023Q2 (1).xlsx');
    await writeWorkbook(path, { info: null, sheets: { 供地台账: [LAND_HEADER, landRow('A1')], 卫片图斑: [] } });
    const r = await validateOne(path);
    expect(r.errors).toEqual([]);
    expect(r.tables.map((t) => t.table_name)).toEqual(['供地台账']);
    const csv = writeCsv(join(dir, '海宁市_2023Q3_供地台账（2）.csv'), [LAND_HEADER, landRow('A1') as (string | number | null)[]]);
    expect((await validateOne(csv)).status).toBe('accepted');
  });
  it('a CSV named without a unit and period', async () => {
    const path = writeCsv(join(dir, '供地台账.csv'), [LAND_HEADER, landRow('NONAME-1') as (string | number | null)[]]);
    const r = await validateOne(path);
    expect(r.status).toBe('rejected');
    expect(r.errors[0].code).toBe('unknown_table');
  });
});

describe('files that are not submissions', () => {
  it.each([
    ['empty.xlsx', Buffer.alloc(0), 'empty_file'],
    ['海宁市_2023Q2.xlsx', Buffer.from('PK\u0003\u0004 this zip is cut short'), 'not_a_workbook'],
    ['海宁市_2023Q2b.xlsx', Buffer.from('地块编号,项目名称\nA1,x\n'), 'not_a_workbook'],
    ['海宁市_2023Q2.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old_xls'],
    ['海宁市_2023Q2.pdf', Buffer.from('%PDF-1.4'), 'unsupported_type'],
    ['海宁市_2023Q2_供地台账.csv', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]), 'not_a_csv'],
  ])('%s: one clear error', async (name, bytes, code) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const r = await validateOne(path);
    expect(r.status).toBe('rejected');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].code).toBe(code);
    expect(r.errors[0].zh).not.toMatch(/at .*\.js/);
  });
  it('a workbook the reader cannot read (a sheet part missing, a row not closed): one not_a_workbook error saying why, nothing read in part', async () => {
    const good = join(dir, 'good-for-parts.xlsx');
    await writeWorkbook(good, { info: { unit: '海宁市', period: '2023Q2' }, sheets: { 供地台账: [LAND_HEADER, landRow('A1')], 卫片图斑: [PATCH_HEADER, patchRow('T1')] } });
    const parts = readZip(readFileSync(good));
    const sheet = (n: number) => `xl/worksheets/sheet${n}.xml`;
    for (const [name, bytes, why] of [
      ['海宁市_2023Q2_nopart.xlsx', writeZip(parts.filter((p) => p.name !== sheet(3))), 'missing part'],
      ['海宁市_2023Q2_unclosed.xlsx', writeZip(parts.map((p) => (p.name === sheet(2) ? { ...p, data: Buffer.from(p.data.toString('utf8').replace('</row>', '')) } : p))), 'unclosed row'],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = await validateOne(path);
      expect(r.status).toBe('rejected');
      expect(r.tables).toEqual([]);
      expect(r.errors.map((e) => e.code)).toEqual(['not_a_workbook']);
      expect(r.errors[0].zh).toContain('不是有效的 Excel 工作簿');
      expect(r.errors[0].en).toContain(why);
    }
  });
  it('a workbook without any table sheet', async () => {
    const path = join(dir, '海宁市_2023Q2_nosheet.xlsx');
    await writeWorkbook(path, { info: { unit: '海宁市', period: '2023Q2' }, sheets: { Sheet1: [['a', 'b']] } });
    only(await validateOne(path), 'missing_sheet');
  });
});

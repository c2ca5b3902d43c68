import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipelines/ingest';
import { buildWarehouse } from '../../pipelines/models';
import { openForWrite, type Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { LAND_HEADER, PATCH_HEADER, PROGRESS_HEADER, landRow, patchRow, writeCsv, writeWorkbook, type Cell } from './fixtures';

// The CSV fast path is taken by 卫片图斑 files of 1 MB and more; these small ones take it too, so
// that it is checked here (NRP_CSV_FAST_MIN_BYTES, read at each file).
process.env.NRP_CSV_FAST_MIN_BYTES = '0';

// submissions.md, "Total rows, notes and signatures": the same submissions with and without the
// total rows, notes, signatures and empty rows clerks add must give the same figures; a wrong
// total is a warning naming its cell, the typed value and the sum; a data row after the footer is
// the only error. Hand-made files in every form: workbook, UTF-8 CSV (the fast path), GBK CSV.

type Row = Cell[];
const dir = tempDir('nrp-ingest-totals-');

// 供地台账: two blocks (工业, 住宅); 面积 30 + 25 = 55 亩, 价款 1400 + 1000 = 2400 万元.
const LAND_A = [landRow('A1', { '供地面积（亩）': 10, '成交价款（万元）': 500 }), landRow('A2', { '供地面积（亩）': 12.5, '成交价款（万元）': 600 }),
  landRow('A3', { '供地面积（亩）': 7.5, '成交价款（万元）': 300 })];
const LAND_B = [landRow('B1', { 土地用途: '住宅', '供地面积（亩）': 20, '成交价款（万元）': 1000 }),
  landRow('B2', { 土地用途: '住宅', 供地方式: '划拨', '供地面积（亩）': 5, '成交价款（万元）': null })];
/** A 供地台账 total row: `word` in the first column, the two sums where the spec's columns are. */
const landTotal = (word: string, area: Cell, price: Cell): Row => LAND_HEADER.map((h, i) => (i === 0 ? word : h === '供地面积（亩）' ? area : h === '成交价款（万元）' ? price : null));

// 卫片图斑: two batches; 占用 14.5 + 10.5 = 25 亩, 违法 1.5 + 2.5 = 4 亩.
const PATCH_Q1 = [patchRow('T1', { '新增建设占用耕地面积（亩）': 10 }), patchRow('T2', { '新增建设占用耕地面积（亩）': 4.5, '违法占用耕地面积（亩）': 1.5, 判定类型: '违法' })];
const PATCH_Q2 = [patchRow('T3', { 监测批次: '2023Q2', '新增建设占用耕地面积（亩）': 8, 判定类型: '其他' }),
  patchRow('T4', { 监测批次: '2023Q2', '新增建设占用耕地面积（亩）': 2.5, '违法占用耕地面积（亩）': 2.5, 判定类型: '违法' })];
const patchTotal = (word: string, occupied: Cell, illegal: Cell, batch: Cell = null): Row => [word, batch, occupied, illegal, null, null];

const PROGRESS = [['new_farmland', null, 1200, null, null, '已核实'], ['idle_land_disposal', null, null, 3, 4, '备注：按季度统计']];

/** Notes and signatures as clerks write them under a table (the footer's first row starts with 填表说明). */
const FOOTER: Row[] = [['填表说明：1. 面积单位为亩；2. 价款单位为万元'], ['3. 本表截至报告期末'], [], ['填表人：张三', null, null, null, null, '审核人：李四'], ['联系电话：0573-12345678'], ['（单位盖章）']];

/** Each file of a submission with the clerk's extra rows (`dressed`) and without (`plain`). */
interface Case {
  name: string;
  dressed: (path: string) => Promise<string> | string;
  plain: (path: string) => Promise<string> | string;
}

const withSeq = (rows: Row[]) => rows.map((r, i) => [i + 1, ...r]);

const CASES: Case[] = [
  {
    // a workbook: 序号 column, 小计 per block (one spelled 小 计), a final 合 计 in the 序号 column, notes under every table
    name: '海宁市_2023Q2.xlsx',
    dressed: (path) => writeWorkbook(path, {
      info: { unit: '海宁市', period: '2023Q2' }, titleRows: 1,
      sheets: {
        指标进度: [PROGRESS_HEADER, ...PROGRESS, [], ['填表人：张三'], ['填报日期：2023年7月5日']],
        供地台账: [['序号', ...LAND_HEADER], ...withSeq(LAND_A), [null, ...landTotal('小计', 30, 1400)], ...withSeq(LAND_B), ['小 计', ...landTotal('', 25, 1000).slice(1)],
          ['合 计', ...landTotal('', 55, 2400).slice(1)], [], ...FOOTER],
        卫片图斑: [PATCH_HEADER, ...PATCH_Q1, patchTotal('小计', 14.5, 1.5), ...PATCH_Q2, patchTotal('小计', 10.5, 2.5), patchTotal('总计', 25, 4), ['备注：无']],
      },
    }),
    plain: (path) => writeWorkbook(path, {
      info: { unit: '海宁市', period: '2023Q2' }, titleRows: 1,
      sheets: { 指标进度: [PROGRESS_HEADER, ...PROGRESS], 供地台账: [LAND_HEADER, ...LAND_A, ...LAND_B], 卫片图斑: [PATCH_HEADER, ...PATCH_Q1, ...PATCH_Q2] },
    }),
  },
  {
    // UTF-8 卫片图斑 CSV on the fast path: a total row whose first cell is where an id goes and which holds a 监测批次 too, notes in column A
    name: '平湖市_2023Q2_卫片图斑.csv',
    dressed: (path) => writeCsv(path, [PATCH_HEADER, ...PATCH_Q1, patchTotal('小计', 14.5, 1.5, '2023Q1'), [], ...PATCH_Q2, patchTotal('小计', 10.5, 2.5, '2023Q2'),
      patchTotal('合计', 25, 4, '2023Q1-Q2'), ['注：违法占用含临时用地'], ['制表人：王五'], ['负责人：赵六']] as Row[] as never),
    plain: (path) => writeCsv(path, [PATCH_HEADER, ...PATCH_Q1, ...PATCH_Q2] as never),
  },
  {
    // GBK: all of it, signatures spread over the number columns (which sends the file down the text path)
    name: '海盐县_2023Q2_卫片图斑.csv',
    dressed: (path) => writeCsv(path, [['海盐县2023年第二季度卫片图斑'], PATCH_HEADER, ...PATCH_Q1, patchTotal('小 计', '14.5亩', 1.5), ...PATCH_Q2,
      patchTotal('小计', 10.5, '2.5'), patchTotal('合计', '２５', 4), [], ...FOOTER, ['填报人', null, '审核人', '单位负责人']] as never, 'gbk'),
    plain: (path) => writeCsv(path, [['海盐县2023年第二季度卫片图斑'], PATCH_HEADER, ...PATCH_Q1, ...PATCH_Q2] as never, 'gbk'),
  },
  {
    // a wrong 合计 (typed 60 亩 for 55), with a 累计 row first that is right
    name: '桐乡市_2023Q2_供地台账.csv',
    dressed: (path) => writeCsv(path, [LAND_HEADER, ...LAND_A, ...LAND_B, landTotal('累计', '55', '2,400'), landTotal('合计', 60, 2400), ['说明：无']] as never),
    plain: (path) => writeCsv(path, [LAND_HEADER, ...LAND_A, ...LAND_B] as never),
  },
];

async function loadAll(which: 'dressed' | 'plain'): Promise<{ wh: Warehouse; report: Awaited<ReturnType<typeof ingestFiles>> }> {
  const folder = join(dir, which);
  mkdirSync(folder, { recursive: true });
  for (const c of CASES) await c[which](join(folder, c.name));
  const wh = await openForWrite(':memory:');
  const report = await ingestFiles(wh, [folder]);
  await buildWarehouse(wh);
  return { wh, report };
}

let dressed: Awaited<ReturnType<typeof loadAll>>;
let plain: Awaited<ReturnType<typeof loadAll>>;
beforeAll(async () => {
  dressed = await loadAll('dressed');
  plain = await loadAll('plain');
});
afterAll(() => {
  dressed?.wh.close();
  plain?.wh.close();
});

const fileOf = (name: string) => dressed.report.files.find((f) => f.file === name)!;
const tablesOf = (name: string) => fileOf(name).tables.map((t) => [t.table_name, t.rows, t.total_rows, t.footer_rows]);

describe('total rows, notes and signatures', () => {
  it('every file loads, with the total and footer rows counted as skipped', () => {
    const outcome = (r: typeof dressed.report) => r.files.map((f) => `${f.file} ${f.status} ${f.errors.map((e) => `${e.code} ${e.cell}`).join(' ')}`.trim()).sort();
    expect(outcome(dressed.report)).toEqual(CASES.map((c) => `${c.name} accepted`).sort());
    expect(outcome(plain.report)).toEqual(CASES.map((c) => `${c.name} accepted`).sort());
    expect(tablesOf('海宁市_2023Q2.xlsx')).toEqual([['指标进度', 2, 0, 2], ['供地台账', 5, 3, 5], ['卫片图斑', 4, 3, 1]]);
    expect(tablesOf('平湖市_2023Q2_卫片图斑.csv')).toEqual([['卫片图斑', 4, 3, 3]]);
    expect(tablesOf('海盐县_2023Q2_卫片图斑.csv')).toEqual([['卫片图斑', 4, 3, 6]]);
    expect(tablesOf('桐乡市_2023Q2_供地台账.csv')).toEqual([['供地台账', 5, 2, 1]]);
  });

  it('the figures equal those of the same files without the extra rows', async () => {
    const mart = (wh: Warehouse) => wh.all('select * from mart_indicator_progress order by all');
    const rows = await mart(dressed.wh);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toEqual(await mart(plain.wh));
    const raw = (wh: Warehouse) => wh.all(`select s.unit_code, r.parcel_id, r.area_mu, r.price_wan from raw_land_supply r join submissions s using (submission_id) order by all`);
    expect(await raw(dressed.wh)).toEqual(await raw(plain.wh));
  });

  it('a plain UTF-8 卫片图斑 CSV with totals and notes in its text columns stays on the fast path', () => {
    expect(fileOf('平湖市_2023Q2_卫片图斑.csv').tables[0].path).toBe('csv-fast');
    expect(fileOf('海盐县_2023Q2_卫片图斑.csv').tables[0].path).toBe('csv-text');
  });

  it('only the wrong total warns: its cell, the typed value and the sum of the rows it covers, kept on the registry row', async () => {
    const warned = dressed.report.files.flatMap((f) => f.warnings.map((w) => [f.file, w.code, w.cell, w.value]));
    expect(warned).toEqual([['桐乡市_2023Q2_供地台账.csv', 'total_mismatch', 'E8', '60']]);
    const w = fileOf('桐乡市_2023Q2_供地台账.csv').warnings[0];
    expect(w.zh).toBe('合计行的供地面积（亩）填报为 60，与所含明细行之和 55 不符（相差超过 0.01；载入的是明细行）');
    expect(w.en).toContain('typed as 60, but the detail rows it covers sum to 55');
    const stored = await dressed.wh.one<{ w: string[] }>(`select warnings as w from submissions where unit_code = '330483' and table_name = '供地台账'`);
    expect(stored!.w).toEqual([`E8 ${w.zh} / ${w.en}`]);
  });
});

describe('each rule on its own', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openForWrite(':memory:');
  });
  afterAll(() => wh?.close());
  let n = 0;
  /** A 卫片图斑 CSV of 南湖区 for 2023Q2 (named as a browser names copies, `… (n).csv`). */
  const patchesCsv = (rows: Row[], encoding: 'utf8' | 'gbk' = 'utf8') =>
    writeCsv(join(dir, `南湖区_2023Q2_卫片图斑 (${n++}).csv`), rows.map((r) => r.map((c) => c as string | number | null)), encoding);
  const ingest = async (path: string) => (await ingestFiles(wh, [path])).files[0];
  const rawCount = async () => (await wh.one<{ n: number }>('select count(*) as n from raw_patches'))!.n;

  it.each(['填表说明：见附件', '说明：无', '备注：无', '注：面积单位为亩', '注:面积单位为亩', '填表人：张三', '填报人 张三', '审核人：李四', '负责人：王五',
    '单位负责人：赵六', '制表人：钱七', '联系电话：0573-1234567', '填报日期：2023-07-05', '备  注：两个字中间有空格'])('a footer starting %s, with the rows after it, is skipped', async (first) => {
    const r = await ingest(patchesCsv([PATCH_HEADER, ...PATCH_Q1, [first], ['（盖章）'], ['2. 续行的说明', null, null, null, null, '也可以写在整改状态列']]));
    expect(r.errors).toEqual([]);
    expect(r.tables.map((t) => [t.rows, t.total_rows, t.footer_rows, t.path])).toEqual([[2, 0, 3, 'csv-fast']]);
  });

  it('a data row after the footer is an error at its cell, and nothing is loaded; in a workbook too', async () => {
    const before = await rawCount();
    const csv = await ingest(patchesCsv([PATCH_HEADER, ...PATCH_Q1, ['填表说明：'], [], patchRow('T9') as Row, ['填表人：张三']]));
    expect(csv.status).toBe('rejected');
    expect(csv.errors.map((e) => [e.code, e.cell, e.value])).toEqual([['data_after_footer', 'A6', 'T9']]);
    expect(csv.errors[0].zh).toContain('第 4 行起');
    expect(csv.errors[0].en).toContain('the footer must come after the last data row');
    const book = join(dir, '南湖区_2023Q1.xlsx');
    await writeWorkbook(book, { info: { unit: '南湖区', period: '2023Q1' }, sheets: { 供地台账: [['序号', ...LAND_HEADER], ...withSeq(LAND_A), ['备注：'], [9, ...LAND_B[0]]] } });
    const r = await ingest(book);
    expect(r.errors.map((e) => [e.code, e.cell, e.value])).toEqual([['data_after_footer', '供地台账!B6', 'B1']]);
    expect(await rawCount()).toBe(before);
  });

  it('notes right under the header are skipped too, and do not start the footer', async () => {
    const r = await ingest(patchesCsv([PATCH_HEADER, ['说明：面积单位为亩'], ...PATCH_Q1, ...PATCH_Q2]));
    expect(r.errors).toEqual([]);
    expect(r.tables.map((t) => [t.rows, t.footer_rows])).toEqual([[4, 1]]);
  });

  it('小计 rows cover their block, a 合计 every detail row above it (not the 小计 rows); a wrong 小计 is the only warning', async () => {
    const r = await ingest(patchesCsv([PATCH_HEADER, ...PATCH_Q1, patchTotal('小计', 14.5, 1.5), ...PATCH_Q2, patchTotal('小计', 10, 2.5), patchTotal('合计', 25, 4)]));
    expect(r.status).toBe('accepted');
    expect(r.warnings.map((w) => [w.code, w.cell, w.value, w.en.includes('sum to 10.5')])).toEqual([['total_mismatch', 'C7', '10', true]]);
  });

  it('a table of many blocks (1,000 小计 rows and more) is checked the same', async () => {
    const rows: Row[] = [PATCH_HEADER];
    for (let i = 0; i < 1200; i++) rows.push(patchRow(`M${i}`, { '新增建设占用耕地面积（亩）': 1 + (i % 3) }) as Row, patchTotal('小计', i === 700 ? 9 : 1 + (i % 3), 0));
    rows.push(patchTotal('合计', 2400, 0));
    const r = await ingest(patchesCsv(rows));
    expect([r.status, r.tables[0].rows, r.tables[0].total_rows]).toEqual(['accepted', 1200, 1201]);
    expect(r.warnings.map((w) => [w.code, w.cell, w.value, w.en.includes('sum to 2 (')])).toEqual([['total_mismatch', 'C1403', '9', true]]);
  });

  it('a total right under the header covers the rows below it; a typed total that is not a number is a warning, not an error', async () => {
    const top = await ingest(patchesCsv([PATCH_HEADER, patchTotal('合计', 25, 4), ...PATCH_Q1, ...PATCH_Q2]));
    expect([top.status, top.warnings]).toEqual(['accepted', []]);
    const text = await ingest(patchesCsv([PATCH_HEADER, ...PATCH_Q1, ...PATCH_Q2, patchTotal('合计', '见附表', 4)]));
    expect(text.status).toBe('accepted');
    expect(text.warnings.map((w) => [w.code, w.cell, w.value])).toEqual([['total_not_a_number', 'C6', '见附表']]);
    expect(text.warnings[0].zh).toBe('合计行的新增建设占用耕地面积（亩）“见附表”不是数字，未与明细行核对');
  });

  it('a total that is a formula is read by its saved result; one saved without a result (a program that does not calculate) is not checked', async () => {
    const sheet = (total: Cell): Row[] => [LAND_HEADER, ...LAND_A, landTotal('合计', total, { formula: 'SUM(G2:G4)', result: 1400 })];
    const right = join(dir, '秀洲区_2023Q1.xlsx');
    await writeWorkbook(right, { info: { unit: '秀洲区', period: '2023Q1' }, sheets: { 供地台账: sheet({ formula: 'SUM(E2:E4)', result: 30 }) } });
    const none = join(dir, '秀洲区_2023Q2.xlsx');
    await writeWorkbook(none, { info: { unit: '秀洲区', period: '2023Q2' }, sheets: { 供地台账: sheet({ formula: 'SUM(E2:E4)' }) } });
    const stale = join(dir, '秀洲区_2023Q3.xlsx');
    await writeWorkbook(stale, { info: { unit: '秀洲区', period: '2023Q3' }, sheets: { 供地台账: sheet({ formula: 'SUM(E2:E4)', result: 0 }) } });
    const outcome = async (path: string) => {
      const r = await ingest(path);
      return [r.status, r.tables[0].total_rows, r.warnings.map((w) => `${w.code} ${w.cell} ${w.value}`)];
    };
    expect(await outcome(right)).toEqual(['accepted', 1, []]);
    expect(await outcome(none)).toEqual(['accepted', 1, []]);
    expect(await outcome(stale)).toEqual(['accepted', 1, ['total_mismatch 供地台账!E5 0']]);
  });

  it('a total row stays a total row whatever else it holds: an id-like first cell, a 序号 column, other cells filled', async () => {
    const r = await ingest(patchesCsv([['序号', ...PATCH_HEADER], ...withSeq([...PATCH_Q1, ...PATCH_Q2]), ['合计', '—', '2023Q1、2023Q2', 25, 4, '—', '已汇总']]));
    expect(r.errors).toEqual([]);
    expect(r.tables.map((t) => [t.rows, t.total_rows, t.path])).toEqual([[4, 1, 'csv-fast']]);
    expect(r.warnings).toEqual([]);
    // in a table without total rows (指标进度), a row starting 合计 is a row like any other
    const path = join(dir, '南湖区_2023Q3.xlsx');
    await writeWorkbook(path, { info: { unit: '南湖区', period: '2023Q3' }, sheets: { 指标进度: [PROGRESS_HEADER, ...PROGRESS, ['合计', null, 5, null, null, null]] } });
    expect((await ingest(path)).errors.map((e) => [e.code, e.cell])).toEqual([['unknown_indicator', '指标进度!A4']]);
  });

  it('empty lines anywhere in a CSV are skipped and the rows after them keep their numbers', async () => {
    const r = await ingest(patchesCsv([PATCH_HEADER, [], patchRow('E1') as Row, [], [], patchRow('E2', { 判定类型: '待定' }) as Row, []], 'gbk'));
    expect(r.errors.map((e) => [e.code, e.cell, e.row])).toEqual([['not_in_list', 'E6', 6]]);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles, validateFiles, type IngestReport } from '../../pipelines/ingest';
import type { Warehouse } from '../../pipelines/warehouse';
import ExcelJS from 'exceljs';
import { nrp, tempDir } from '../helpers';
import { KT_HEADER, ktRow, newWarehouse, writeCsv, writeWorkbook, type Cell } from './fixtures';

/**
 * The divisions' 重点工作进展 (key-tasks.md, "Progress submissions") through the real ingest, in
 * real files: every error K1–K8 at its cell in Chinese and English, all of a file's errors at once;
 * every warning W-K1–W-K3 on the registry row; versions; all-or-nothing. 国土空间规划处 (D05, alias
 * 规划处) leads T1-1 (milestones 1–5, #1 due 2023-06-30) and T1-2 (1–4); T2-1 is led by another.
 */
/** Every milestone of 规划处's two tasks, on track at 2023Q2 (T1-1 #1, due 06-30, done). */
const fullReport = (): Cell[][] => [
  ktRow('T1-1', 1, { 进展状态: '已完成', 完成日期: '2023-06-20', '形象进度（%）': null }),
  ...[2, 3, 4, 5].map((n) => ktRow('T1-1', n)),
  ...[1, 2, 3, 4].map((n) => ktRow('T1-2', n, { '形象进度（%）': 60 })),
];

const dir = tempDir('nrp-ingest-kt-');
let wh: Warehouse;
let n = 0;
beforeAll(async () => {
  wh = await newWarehouse(dir);
});
afterAll(() => wh.close());

/** A fresh folder per file, so that names repeat freely. */
function folder(): string {
  const f = join(dir, `f${n++}`);
  mkdirSync(f);
  return f;
}

const one = async (path: string) => (await ingestFiles(wh, [path])).files[0];
const cells = (r: IngestReport['files'][number]) => r.errors.map((e) => [e.code, e.cell]);
const counts = () => wh.one<{ s: number; r: number }>(`select (select count(*) from submissions) as s, (select count(*) from raw_key_task_progress) as r`);

describe('errors K1–K8, each at its cell, all of a file at once', () => {
  it('a CSV: K1 (unknown task, unknown milestone, blank), K2, K3, K4, K5, K6, K7 in one report', async () => {
    const long = '很'.repeat(501);
    const path = writeCsv(join(folder(), '规划处_2023Q2_重点工作进展.csv'), [
      ['国土空间规划处 2023年第二季度 重点工作进展'],
      KT_HEADER,
      ktRow('T9-9', 1) as string[], //                                          row 3: K1 task
      ktRow('T1-1', 9) as string[], //                                          row 4: K1 milestone
      ktRow('', 2) as string[], //                                              row 5: K1 blank
      ktRow('T2-1', 1) as string[], //                                          row 6: K2 (用途管制处's)
      ktRow('T1-1', 2, { 进展状态: '基本完成' }) as string[], //                 row 7: K3
      ktRow('T1-1', 3, { 进展状态: '已完成', '形象进度（%）': null }) as string[], // row 8: K4 no date
      ktRow('T1-1', 4, { 完成日期: '2023-05-01' }) as string[], //               row 9: K4 date for 推进中
      ktRow('T1-1', 5, { 进展状态: '完成', 完成日期: '2023-07-02', '形象进度（%）': null }) as string[], // row 10: K4 after the period end
      ktRow('T1-2', 1, { 进展状态: '完成', 完成日期: '2022-12-30', '形象进度（%）': null }) as string[], // row 11: K4 before the year
      ktRow('T1-2', 2, { '形象进度（%）': '120' }) as string[], //               row 12: K5 out of range
      ktRow('T1-2', 3, { '形象进度（%）': '100' }) as string[], //               row 13: K5 推进中 at 100
      ktRow('T1-2', 4, { 进展状态: '未启动', '形象进度（%）': '30' }) as string[], // row 14: K5 未启动 with progress
      ktRow('T1-2', 4, { 进展状态: '未启动', '形象进度（%）': null }) as string[], //  row 15: K6 (the same milestone twice)
      ktRow('T1-1', 2, { 进展状态: '进行中', 存在问题: long }) as string[], //   row 16: K6 and K7
      ktRow('T1-1', 'x') as string[], //                                        row 17: K1 not a number
      ktRow('T1-2', 1, { 进展状态: '推进中', '形象进度（%）': null }) as string[], // row 18: K5 推进中 without progress, K6
    ]);
    const before = await counts();
    const r = await one(path);
    expect(r.status).toBe('rejected');
    expect(cells(r)).toEqual([
      ['K1', 'A3'], ['K1', 'B4'], ['K1', 'A5'], ['K2', 'A6'], ['K3', 'D7'], ['K4', 'E8'], ['K4', 'E9'], ['K4', 'E10'], ['K4', 'E11'],
      ['K5', 'F12'], ['K5', 'F13'], ['K5', 'F14'], ['K6', 'A15'], ['K6', 'A16'], ['K7', 'H16'], ['K1', 'B17'], ['K6', 'A18'], ['K5', 'F18'],
    ]);
    expect(r.error_count).toBe(18);
    for (const e of r.errors) {
      expect(e.zh, e.cell).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en, e.cell).toMatch(/[a-z]{3}/);
      expect([e.file, e.sheet]).toEqual(['规划处_2023Q2_重点工作进展.csv', '重点工作进展']);
    }
    const at = (cell: string) => r.errors.filter((e) => e.cell === cell).map((e) => `${e.zh} / ${e.en}`).join('\n');
    expect(at('A3')).toContain('T9-9');
    expect(at('A6')).toMatch(/国土空间用途管制处/);
    expect(at('E10')).toContain('2023-06-30');
    expect(at('E11')).toContain('2023-01-01');
    expect(at('A15')).toMatch(/第 14 行/);
    expect(at('H16')).toMatch(/501/);
    expect(r.errors.find((e) => e.cell === 'D7')!.value).toBe('基本完成');
    expect(await counts()).toEqual(before);
  });

  it('a workbook: K8 when 填报信息 names another division or period than the file name, at its cell', async () => {
    const f = folder();
    const unitPath = await writeWorkbook(join(f, '规划处_2023Q2.xlsx'), { info: { unit: '详细规划处', period: '2023Q2' }, sheets: { 重点工作进展: [KT_HEADER, ...fullReport()] } });
    expect(cells(await one(unitPath))).toEqual([['K8', '填报信息!B1']]);
    const periodPath = await writeWorkbook(join(f, '国土空间规划处_2023Q2_重点工作进展.xlsx'), { info: { unit: 'D05', period: '2023年第三季度' }, sheets: { 重点工作进展: [KT_HEADER, ...fullReport()] } });
    const r = await one(periodPath);
    expect(cells(r)).toEqual([['K8', '填报信息!B2']]);
    expect(r.errors[0].zh).toContain('2023年第三季度');
  });

  it('a GBK CSV and a workbook with title rows name their cells the way the file shows them', async () => {
    const gbk = writeCsv(join(folder(), '规划处_2023年第二季度_重点工作进展.csv'), [KT_HEADER, ...fullReport().slice(0, 2), ktRow('T1-1', 3, { 进展状态: '不详' })] as string[][], 'gbk');
    const r = await one(gbk);
    expect(cells(r)).toEqual([['K3', 'D4']]);
    expect(r.errors[0].value).toBe('不详');
    const wb = await writeWorkbook(join(folder(), 'D05_2023Q2.xlsx'), { titleRows: 2, sheets: { 重点工作进展: [KT_HEADER, ...fullReport().slice(0, 3), ktRow('T1-1', 4, { '形象进度（%）': '一半' })] } });
    expect(cells(await one(wb))).toEqual([['K5', '重点工作进展!F7']]);
  });

  it('a file named for neither a unit nor a division: the unknown-unit error lists both kinds', async () => {
    const r = await one(writeCsv(join(folder(), '规划局_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(fullReport() as string[][])]));
    expect(r.errors.map((e) => e.code)).toEqual(['unknown_unit']);
    expect(r.errors[0].zh).toContain('南湖区');
    expect(r.errors[0].zh).toContain('国土空间规划处');
    expect(r.errors[0].en).toMatch(/divisions/);
  });

  it('a division does not send the units\' tables, nor a unit 重点工作进展', async () => {
    const div = await one(writeCsv(join(folder(), '规划处_2023Q2_指标进度.csv'), [['指标代码', '累计完成'], ['new_farmland', '5']]));
    expect(div.errors.map((e) => e.code)).toEqual(['table_not_for_submitter']);
    const unit = await one(writeCsv(join(folder(), '南湖区_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(fullReport() as string[][])]));
    expect(unit.errors.map((e) => e.code)).toEqual(['table_not_for_submitter']);
    expect(unit.errors[0].zh).toContain('牵头处室');
  });

  it('a data row after the footer is an error; the footer itself is skipped', async () => {
    const f = folder();
    const ok = await one(writeCsv(join(f, '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(fullReport() as string[][]), [], ['填表人：张三'], ['审核人：李四']]));
    expect(ok.errors).toEqual([]);
    expect(ok.tables.map((t) => [t.rows, t.footer_rows])).toEqual([[9, 2]]);
    const bad = await one(writeCsv(join(folder(), '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(fullReport().slice(0, 8) as string[][]), ['说明：形象进度按百分比'], ktRow('T1-2', 4) as string[]]));
    expect(cells(bad)).toEqual([['data_after_footer', 'A11']]);
  });
});

describe('values as people type them', () => {
  it('aliases of 进展状态, any date form, 85% and full-width digits, the division by alias or code, every period spelling', async () => {
    const path = writeCsv(join(folder(), 'D05_2023-Q2_重点工作进展.csv'), [KT_HEADER,
      ktRow('T1-1', 1, { 进展状态: '完 成', 完成日期: '2023年6月20日', '形象进度（%）': '100%' }),
      ktRow('t1－1', '２', { 进展状态: '进行中', '形象进度（%）': '８５％' }),
      ktRow('T1-1', 3, { 进展状态: '正在推进', '形象进度（%）': '40 %' }),
      ktRow('T1-1', 4, { 进展状态: '未开始', '形象进度（%）': '0' }),
      ktRow('T1-1', 5, { 进展状态: '已办结', 完成日期: '2023/6/1', '形象进度（%）': null }),
      ktRow('T1-2', 1, { 进展状态: '未启动', '形象进度（%）': null, 进展情况: null }),
      ktRow('T1-2', 2, { 进展状态: '已完成', 完成日期: '20230515', 进展情况: '  已印发  ' }),
      ktRow('T1-2', 3, { 进展状态: '已完成', 完成日期: '2023.4.3' }),
      ktRow('T1-2', 4, { 进展状态: '已完成', 完成日期: 45050 }),
      ktRow(null as unknown as string, null as unknown as number, { 进展状态: null, '形象进度（%）': null, 进展情况: null }),
    ] as string[][], 'bom');
    const r = await one(path);
    expect(r.errors).toEqual([]);
    expect([r.unit_code, r.unit_name, r.period, r.tables[0].rows]).toEqual(['D05', '国土空间规划处', '2023Q2', 9]);
    const rows = await wh.all(`select source_row, task_code, milestone_no, progress_status, strftime(completed_on, '%Y-%m-%d') as completed_on, progress_pct, report_text
      from raw_key_task_progress where submission_id = ? order by source_row`, [r.tables[0].submission_id!]);
    expect(rows).toEqual([
      { source_row: 2, task_code: 'T1-1', milestone_no: 1, progress_status: '已完成', completed_on: '2023-06-20', progress_pct: 100, report_text: '正在推进' },
      { source_row: 3, task_code: 'T1-1', milestone_no: 2, progress_status: '推进中', completed_on: null, progress_pct: 85, report_text: '正在推进' },
      { source_row: 4, task_code: 'T1-1', milestone_no: 3, progress_status: '推进中', completed_on: null, progress_pct: 40, report_text: '正在推进' },
      { source_row: 5, task_code: 'T1-1', milestone_no: 4, progress_status: '未启动', completed_on: null, progress_pct: 0, report_text: '正在推进' },
      { source_row: 6, task_code: 'T1-1', milestone_no: 5, progress_status: '已完成', completed_on: '2023-06-01', progress_pct: null, report_text: '正在推进' },
      { source_row: 7, task_code: 'T1-2', milestone_no: 1, progress_status: '未启动', completed_on: null, progress_pct: null, report_text: null },
      { source_row: 8, task_code: 'T1-2', milestone_no: 2, progress_status: '已完成', completed_on: '2023-05-15', progress_pct: 50, report_text: '已印发' },
      { source_row: 9, task_code: 'T1-2', milestone_no: 3, progress_status: '已完成', completed_on: '2023-04-03', progress_pct: 50, report_text: '正在推进' },
      { source_row: 10, task_code: 'T1-2', milestone_no: 4, progress_status: '已完成', completed_on: '2023-05-04', progress_pct: 50, report_text: '正在推进' },
    ]);
    // (rows 8–10 are 已完成 with 50: W-K3)
    expect(r.warnings.map((w) => [w.code, w.cell])).toEqual([['W-K3', 'F8'], ['W-K3', 'F9'], ['W-K3', 'F10']]);
  });
});

describe('warnings W-K1–W-K3, kept on the registry row; versions; all-or-nothing', () => {
  const q1 = (): Cell[][] => [
    ktRow('T1-1', 1, { '形象进度（%）': 40 }),
    ktRow('T1-1', 4, { 进展状态: '已完成', 完成日期: '2023-03-10', '形象进度（%）': 100 }),
    ktRow('T1-2', 3, { 进展状态: '已完成', 完成日期: '2023-03-20', '形象进度（%）': null }),
  ];

  it('W-K1 for each milestone without a row (not for a completion carried forward), W-K2, W-K3, stored with the snapshot', async () => {
    const w = await newWarehouse(dir, 'warn.duckdb');
    try {
      const f1 = folder();
      const first = (await ingestFiles(w, [writeCsv(join(f1, '规划处_2023Q1_重点工作进展.csv'), [KT_HEADER, ...q1()] as string[][])])).files[0];
      expect(first.status).toBe('accepted');
      expect(first.warnings.map((x) => x.code)).toEqual(['W-K1', 'W-K1', 'W-K1', 'W-K1', 'W-K1', 'W-K1']);
      expect(first.warnings[0]).toMatchObject({ severity: 'warning', sheet: '重点工作进展' });
      expect(first.warnings.map((x) => x.zh).join('\n')).toMatch(/T1-1 节点2/);
      // Q2: T1-1 #4 (done in Q1) now 推进中: W-K2; T1-2 #3 (done in Q1) left out: carried, no warning;
      // T1-2 #4 left out: W-K1; T1-1 #1 done with 95: W-K3
      const q2: Cell[][] = [
        ktRow('T1-1', 1, { 进展状态: '已完成', 完成日期: '2023-06-28', '形象进度（%）': 95 }),
        ...[2, 3, 5].map((no) => ktRow('T1-1', no)),
        ktRow('T1-1', 4, { '形象进度（%）': 90 }),
        ktRow('T1-2', 1), ktRow('T1-2', 2),
      ];
      const second = (await ingestFiles(w, [writeCsv(join(folder(), '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ...q2] as string[][])])).files[0];
      expect(second.status).toBe('accepted');
      expect(second.warnings.map((x) => [x.code, x.cell ?? null])).toEqual([['W-K3', 'F2'], ['W-K2', 'D6'], ['W-K1', null]]);
      expect(second.warnings[1].zh).toContain('2023Q1');
      expect(second.warnings[2].zh).toMatch(/T1-2 节点4/);
      const stored = await w.one<{ warnings: string[] }>(`select warnings from submissions where unit_code = 'D05' and period = '2023Q2'`);
      expect(stored!.warnings).toHaveLength(3);
      expect(stored!.warnings[0]).toMatch(/^F2 .*按 100 计 \/ .*taken as 100/);
      expect(stored!.warnings[2]).toMatch(/^重点工作进展 T1-2 节点4/);
    } finally {
      w.close();
    }
  });

  it('a resubmission is a new version; the same bytes again are a duplicate; a file with one error loads nothing', async () => {
    const w = await newWarehouse(dir, 'versions.duckdb');
    try {
      const v1 = writeCsv(join(folder(), '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(fullReport() as string[][])]);
      expect((await ingestFiles(w, [v1])).files[0].tables.map((t) => t.version)).toEqual([1]);
      const changed = fullReport();
      changed[1] = ktRow('T1-1', 2, { '形象进度（%）': 70 });
      const v2 = writeCsv(join(folder(), '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(changed as string[][])]);
      const second = (await ingestFiles(w, [v2])).files[0];
      expect([second.status, second.tables[0].version]).toEqual(['accepted', 2]);
      expect((await ingestFiles(w, [v2])).files[0].status).toBe('duplicate');
      const versions = await w.all<{ version: number; row_count: number; latest: boolean }>(
        `select version, row_count, is_latest as latest from submission_versions where unit_code = 'D05' order by version`);
      expect(versions).toEqual([{ version: 1, row_count: 9, latest: false }, { version: 2, row_count: 9, latest: true }]);
      const pct = await w.one<{ p: number }>(`select progress_pct as p from raw_key_task_progress r join submission_versions s using (submission_id)
        where s.is_latest and s.unit_code = 'D05' and task_code = 'T1-1' and milestone_no = 2`);
      expect(pct!.p).toBe(70);
      const before = await w.one(`select (select count(*) from submissions) as s, (select count(*) from raw_key_task_progress) as r`);
      const broken = [...changed];
      broken[8] = ktRow('T1-2', 4, { 进展状态: '已完成' }); // 已完成 without a date
      const bad = (await ingestFiles(w, [writeCsv(join(folder(), '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ...(broken as string[][])])])).files[0];
      expect(cells(bad)).toEqual([['K4', 'E10']]);
      expect(await w.one(`select (select count(*) from submissions) as s, (select count(*) from raw_key_task_progress) as r`)).toEqual(before);
    } finally {
      w.close();
    }
  });

  it('validate gives the same errors and warnings and writes nothing', async () => {
    const path = writeCsv(join(folder(), '规划处_2023Q1_重点工作进展.csv'), [KT_HEADER, ...(q1() as string[][]), ktRow('T1-2', 1, { 进展状态: '?' }) as string[]]);
    const before = await counts();
    const v = (await validateFiles([path])).files[0];
    const i = await one(path);
    expect(cells(v)).toEqual([['K3', 'D5']]);
    expect(cells(i)).toEqual(cells(v));
    expect(await counts()).toEqual(before);
  });
});

describe('nrp template --division → fill in → nrp ingest', () => {
  it('lists every milestone the division leads, with a drop-down for 进展状态; filled in with exceljs, it loads those rows', async () => {
    const f = folder();
    const made = await nrp(['template', '--division', '规划处', '--period', '2023年第二季度', '--out', f]);
    expect(made.code, made.stderr).toBe(0);
    const path = join(f, '国土空间规划处_2023Q2_重点工作进展.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const info = wb.getWorksheet('填报信息')!;
    expect([info.getCell('B1').value, info.getCell('B2').value]).toEqual(['国土空间规划处', '2023Q2']);
    const ws = wb.getWorksheet('重点工作进展')!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(['任务编号', '节点序号', '节点名称', '截止日期', ...KT_HEADER.slice(3)]);
    const listed: [string, number, string][] = [];
    ws.eachRow((row, i) => {
      if (i > 2) listed.push([String(row.getCell(1).value), Number(row.getCell(2).value), (row.getCell(4).value as Date).toISOString().slice(0, 10)]);
    });
    const catalogue = await wh.all<{ task_code: string; milestone_no: number; due: string }>(
      `select m.task_code, m.milestone_no, strftime(m.due_date, '%Y-%m-%d') as due from key_task_milestones m join key_tasks t on t.year = m.year and t.code = m.task_code
       where m.year = 2023 and t.lead in ('国土空间规划处', '规划处') order by m.task_code, m.milestone_no`);
    expect(listed).toEqual(catalogue.map((c) => [c.task_code, c.milestone_no, c.due]));
    expect(ws.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"已完成,推进中,未启动"'] });
    // untouched, it reports nothing
    expect((await validateFiles([path])).files[0]).toMatchObject({ status: 'accepted', errors: [], tables: [{ rows: 0 }] });
    // filled in: two milestones, the way a clerk does
    ws.getCell('E3').value = '已完成';
    ws.getCell('F3').value = new Date(Date.UTC(2023, 5, 20));
    ws.getCell('H3').value = '已上报省政府';
    ws.getCell('E4').value = '推进中';
    ws.getCell('G4').value = 0.45; // a percent cell: 45%
    ws.getCell('G4').numFmt = '0%';
    await wb.xlsx.writeFile(path);
    const w = await newWarehouse(dir, 'template.duckdb');
    try {
      const r = (await ingestFiles(w, [path])).files[0];
      expect([r.status, r.unit_code, r.period, r.tables[0].rows]).toEqual(['accepted', 'D05', '2023Q2', 2]);
      expect(r.warnings.filter((x) => x.code === 'W-K1')).toHaveLength(catalogue.length - 2);
      expect(await w.all(`select source_row, task_code, milestone_no, progress_status, strftime(completed_on, '%Y-%m-%d') as completed_on, progress_pct, report_text
        from raw_key_task_progress order by source_row`)).toEqual([
        { source_row: 3, task_code: 'T1-1', milestone_no: 1, progress_status: '已完成', completed_on: '2023-06-20', progress_pct: null, report_text: '已上报省政府' },
        { source_row: 4, task_code: 'T1-1', milestone_no: 2, progress_status: '推进中', completed_on: null, progress_pct: 45, report_text: null },
      ]);
    } finally {
      w.close();
    }
  });

  it('refuses a division that is not one, naming the divisions', async () => {
    const r = await nrp(['template', '--division', '规划局', '--period', '2023Q2', '--out', folder()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('国土空间规划处');
  });
});

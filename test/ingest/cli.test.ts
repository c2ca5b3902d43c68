import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookDirect } from '../../pipelines/ingest/xlsx-direct';
import { nrp, nrpProcess, tempDir } from '../helpers';
import { LAND_HEADER, landRow, writeCsv } from './fixtures';

const dir = tempDir('nrp-ingest-cli-');
const db = join(dir, 'wh.duckdb');

describe('nrp template → fill in → nrp ingest', () => {
  it('a filled-in template ingests with exit 0', async () => {
    const made = await nrp(['template', '--unit', '海盐', '--period', '2023年1-6月', '--out', dir], { cwd: dir });
    expect(made.code).toBe(0);
    const path = join(dir, '海盐县_2023Q2.xlsx');
    expect(existsSync(path)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const info = wb.getWorksheet('填报信息')!;
    expect([info.getCell('A1').value, info.getCell('B1').value, info.getCell('B2').value]).toEqual(['填报单位', '海盐县', '2023Q2']);
    const progress = wb.getWorksheet('指标进度')!;
    const codes: string[] = [];
    progress.eachRow((row, n) => {
      if (n > 2) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toContain('new_farmland');
    expect(codes).toContain('mainland_natural_coastline'); // 海盐 is coastal
    const land = wb.getWorksheet('供地台账')!;
    expect(land.getRow(2).values).toEqual([undefined, ...LAND_HEADER]);
    expect(land.getCell('C3').dataValidation?.formulae?.[0]).toContain('划拨');

    // fill it in the way a person does
    const row = codes.indexOf('new_farmland') + 3;
    progress.getCell(`D${row}`).value = 1234.5;
    const rate = codes.indexOf('idle_land_disposal') + 3;
    progress.getCell(`E${rate}`).value = 3;
    progress.getCell(`F${rate}`).value = 4;
    land.getRow(3).values = ['HY-1', '海盐项目', '挂牌出让', '工业', 12, '否', 800, new Date(Date.UTC(2023, 2, 1)), new Date(Date.UTC(2023, 5, 1)), new Date(Date.UTC(2024, 5, 1))];
    const patches = wb.getWorksheet('卫片图斑')!;
    patches.getRow(3).values = ['HY-T1', '2023Q2', 3, 0, '合法'];
    // the 合计 row under the prepared rows: SUM formulas over them, saved with the result 0 of the empty sheet
    // (which is what ingest reads of a formula; exceljs's own reader drops a saved 0)
    const total = (ws: ExcelJS.Worksheet) => ws.getRow(2003);
    expect([total(land).getCell(1).value, total(land).getCell(5).formula, total(land).getCell(7).formula]).toEqual(['合计', 'SUM(E3:E2002)', 'SUM(G3:G2002)']);
    expect([total(patches).getCell(3).formula, total(patches).getCell(4).formula]).toEqual(['SUM(C3:C2002)', 'SUM(D3:D2002)']);
    const read = readWorkbookDirect(readFileSync(path));
    const row2003 = async (name: string) => {
      for (const r of read.find((s) => s.name === name)!.rows as Iterable<{ n: number; texts: (string | null)[] }>) if (r.n === 2003) return r.texts;
    };
    expect(await row2003('供地台账')).toEqual(['合计', null, null, null, '0', null, '0']);
    expect(await row2003('卫片图斑')).toEqual(['合计', null, '0', '0']);
    // untouched, it reports nothing: every table empty, its 合计 row a total row
    const blank = await nrp(['validate', '--json', path], { cwd: dir });
    const blankTables = (JSON.parse(blank.stdout) as { files: { warnings: unknown[]; tables: { table_name: string; rows: number; total_rows: number }[] }[] }).files[0];
    expect(blankTables.tables.map((t) => [t.table_name, t.rows, t.total_rows])).toEqual([['指标进度', 0, 0], ['供地台账', 0, 1], ['卫片图斑', 0, 1]]);
    expect(blankTables.warnings).toEqual([]);
    // saved as Excel saves it: the formulas recalculated
    const recalculated = (cell: ExcelJS.Cell, result: number) => (cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result });
    recalculated(total(land).getCell(5), 12);
    recalculated(total(land).getCell(7), 800);
    recalculated(total(patches).getCell(3), 3);
    recalculated(total(patches).getCell(4), 0);
    await wb.xlsx.writeFile(path);

    const loaded = await nrp(['ingest', '--db', db, path], { cwd: dir });
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('海盐县 2023Q2');
    expect(loaded.stdout).toContain('供地台账 v1 (1 行 rows, xlsx-direct; 跳过合计行 1 行 / 1 total row skipped)');
    expect(loaded.stdout).toContain('卫片图斑 v1 (1 行 rows, xlsx-direct; 跳过合计行 1 行 / 1 total row skipped)');
    expect(loaded.stdout).not.toContain('⚠');

    // filled in by a program that does not recalculate: the saved 0 is what the file says, and it is warned about
    recalculated(total(land).getCell(5), 0);
    const stale = join(dir, 'stale', '海盐县_2023Q2.xlsx');
    require('node:fs').mkdirSync(join(dir, 'stale'));
    await wb.xlsx.writeFile(stale);
    const checked = await nrp(['validate', '--db', db, '--json', stale], { cwd: dir });
    expect(checked.code).toBe(0);
    const warned = (JSON.parse(checked.stdout) as { files: { warnings: { code: string; cell: string; value: string }[] }[] }).files[0].warnings;
    expect(warned.map((w) => [w.code, w.cell, w.value])).toEqual([['total_mismatch', '供地台账!E2003', '0']]);

    // nrp status shows mart_submission_status, as the last build left it.
    expect((await nrp(['build', '--db', db], { cwd: dir })).code).toBe(0);
    const status = await nrp(['status', '--db', db, '--period', '2023Q2', '--json'], { cwd: dir });
    const matrix = JSON.parse(status.stdout) as Record<string, string>[];
    const haiyan = matrix.find((r) => r.unit_code === '330424')!;
    expect(haiyan['供地台账']).toMatch(/^v1 /);
    expect(matrix.find((r) => r.unit_code === '330402')!['供地台账']).toContain('missing');

    const subs = await nrp(['submissions', '--db', db, '--unit', '海盐县', '--json'], { cwd: dir });
    expect((JSON.parse(subs.stdout) as { table_name: string }[]).map((s) => s.table_name).sort()).toEqual(['供地台账', '卫片图斑', '指标进度']);
  });
});

describe('exit codes and output', () => {
  it('ingest: 1 when a file is rejected, naming the cell; the others still load', async () => {
    const bad = writeCsv(join(dir, '南湖区_2023Q2_供地台账.csv'), [LAND_HEADER, landRow('N1', { 供地日期: '明天' }) as string[]]);
    const good = writeCsv(join(dir, '南湖区_2023Q1_供地台账.csv'), [LAND_HEADER, landRow('N1', { 实际开工日期: null, 供地日期: '2023-01-05' }) as string[]]);
    const r = await nrp(['ingest', '--db', db, bad, good], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 2 行 H 列');
    expect(r.stderr).toContain('“明天”');
    expect(r.stderr).toContain('must be a date');
    const json = await nrp(['ingest', '--db', db, '--json', bad], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.files[0]).toMatchObject({ status: 'rejected', errors: [{ code: 'not_a_date', cell: 'H2', value: '明天' }] });
  });

  it('validate writes nothing', async () => {
    const path = writeCsv(join(dir, '秀洲_2023Q3_供地台账.csv'), [LAND_HEADER, landRow('X1') as string[]]);
    const before = await nrp(['query', '--db', db, '--format', 'json', 'select count(*) as n from submissions'], { cwd: dir });
    const r = await nrp(['validate', '--db', db, path], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
    const after = await nrp(['query', '--db', db, '--format', 'json', 'select count(*) as n from submissions'], { cwd: dir });
    expect(after.stdout).toBe(before.stdout);
  });

  it('usage errors exit 2', async () => {
    expect((await nrp(['ingest', '--db', db], { cwd: dir })).code).toBe(2);
    expect((await nrp(['ingest', '--nope', 'x.csv'], { cwd: dir })).code).toBe(2);
    expect((await nrp(['ingest', '--db', db, join(dir, 'no-such-file.xlsx')], { cwd: dir })).code).toBe(2);
    expect((await nrp(['status', '--db', db], { cwd: dir })).code).toBe(2);
    expect((await nrp(['template', '--unit', '火星', '--period', '2023Q2'], { cwd: dir })).code).toBe(2);
  });

  it('the compiled nrp: 0, 1 and 2, and no stack trace for a broken file', () => {
    const broken = join(dir, '海宁市_2023Q2_broken.xlsx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004garbage'));
    const good = writeCsv(join(dir, '海宁市_2023Q1_卫片图斑.csv'), [['图斑编号', '监测批次', '新增建设占用耕地面积（亩）', '违法占用耕地面积（亩）', '判定类型'], ['T1', '2023Q1', '5', '0', '合法']]);
    const ok = nrpProcess(['ingest', '--db', db, good], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const bad = nrpProcess(['ingest', '--db', db, broken], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a valid Excel workbook');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(nrpProcess(['ingest'], { cwd: dir }).code).toBe(2);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exceljsSheets } from '../../pipelines/ingest/land-xlsx';
import { readWorkbookDirect } from '../../pipelines/ingest/xlsx-direct';
import { tempDir } from '../helpers';

// The direct reader must see every cell as exceljs's reader does (which it replaces for speed).
describe('direct xlsx reader', () => {
  // exceljs's streaming reader (the reference here, a fallback in ingest) now and then loses a
  // race between workbook.xml and the sheets ("reading 'sheets'"); retry rather than fail on it.
  it('reads the same text as exceljs: shared and rich strings, numbers, dates, percents, formulas, booleans, gaps, XML escapes', { retry: 2 }, async () => {
    const dir = tempDir('nrp-xlsx-direct-');
    const path = join(dir, 'cells.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('供地台账');
    ws.addRow(['标题 <&> "引号"']);
    ws.addRow(['地块编号', 12.5, 0.1 + 0.2, -3, 1e21]);
    const dated = ws.addRow([new Date(Date.UTC(2023, 2, 14)), 0.95, { formula: 'B2*2', result: 25 }, true, { richText: [{ text: '商服' }, { text: '用地' }] }]);
    dated.getCell(1).numFmt = 'yyyy-mm-dd';
    dated.getCell(2).numFmt = '0%';
    ws.addRow([]);
    ws.getCell('C6').value = '只有 C 列';
    ws.getCell('AA6').value = 'far';
    ws.getCell('A7').value = 45000;
    ws.getCell('B7').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    wb.addWorksheet('填报信息').addRow(['填报单位', '海宁市']);
    await wb.xlsx.writeFile(path);

    const direct = readWorkbookDirect(readFileSync(path)).map((s) => ({ name: s.name, rows: [...s.rows] }));
    const viaExceljs: { name: string; rows: { n: number; texts: (string | null)[] }[] }[] = [];
    for await (const s of exceljsSheets(path)) {
      const rows = [];
      for await (const r of s.rows) rows.push(r);
      viaExceljs.push({ name: s.name, rows });
    }
    const dense = (rows: { n: number; texts: (string | null)[] }[]) =>
      rows.filter((r) => r.texts.some((t) => t !== null)).map((r) => ({ n: r.n, texts: r.texts.map((t) => t ?? null) }));
    expect(direct.map((s) => s.name)).toEqual(['供地台账', '填报信息']);
    expect(dense(direct[0].rows)).toEqual(dense(viaExceljs[0].rows));
    expect(dense(direct[1].rows)).toEqual(dense(viaExceljs[1].rows));
    expect(dense(direct[0].rows)[2].texts).toEqual(['2023-03-14', '95%', '25', 'TRUE', '商服用地']);
    expect(dense(direct[0].rows)[4].texts).toEqual(['45000', '=NOW()']);
  });

  it('refuses what is not a zip workbook, so that exceljs reports it', () => {
    const dir = tempDir('nrp-xlsx-direct-bad-');
    const path = join(dir, 'bad.xlsx');
    writeFileSync(path, 'PK\u0003\u0004 not really');
    expect(() => readWorkbookDirect(readFileSync(path))).toThrow();
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookDirect, type SheetRows } from '../../pipelines/ingest/xlsx-direct';
import type { SheetRow } from '../../pipelines/ingest/xlsx-rows';
import { readZip, writeZip } from '../reliability/fuzz/zip';

// The workbook reader of ingest (no other reader stands behind it): every cell as the text a
// person sees, checked against values this test writes, and against exceljs's own in-memory
// parser (`xlsx.load`, which reads the whole file at once: no streaming race); in one pass and
// piece by piece; and what it must refuse rather than read wrongly.

async function rowsOf(sheet: SheetRows): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of sheet.rows) out.push(r);
  return out;
}

async function read(bytes: Buffer, options: Parameters<typeof readWorkbookDirect>[1] = {}): Promise<{ name: string; streamed: boolean; rows: SheetRow[] }[]> {
  const out = [];
  for (const s of readWorkbookDirect(bytes, options)) out.push({ name: s.name, streamed: s.streamed, rows: await rowsOf(s) });
  return out;
}

/** The rows that hold anything, without empty cells at their end. */
const dense = (rows: SheetRow[]) => rows.filter((r) => r.texts.some((t) => t !== null)).map((r) => {
  const texts = r.texts.map((t) => t ?? null);
  while (texts.length > 0 && texts[texts.length - 1] === null) texts.pop();
  return { n: r.n, texts };
});

async function cellsWorkbook(): Promise<Buffer> {
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
  ws.getCell('C7').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('D7').value = '  前后空格  ';
  wb.addWorksheet('填报信息').addRow(['填报单位', '海宁市']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXPECTED_CELLS = [
  { n: 1, texts: ['标题 <&> "引号"'] },
  { n: 2, texts: ['地块编号', '12.5', '0.3', '-3', '1e+21'] },
  { n: 3, texts: ['2023-03-14', '95%', '25', 'TRUE', '商服用地'] },
  { n: 6, texts: [null, null, '只有 C 列', ...Array(23).fill(null), 'far'] },
  { n: 7, texts: ['45000', '=NOW()', '#N/A', '  前后空格  '] },
];

describe('the workbook reader', () => {
  it('reads each kind of cell as the text a person sees: shared and rich strings, numbers, dates, percents, formulas with and without a result, errors, booleans, gaps, XML escapes', async () => {
    const sheets = await read(await cellsWorkbook());
    expect(sheets.map((s) => [s.name, s.streamed])).toEqual([['供地台账', false], ['填报信息', false]]);
    expect(dense(sheets[0].rows)).toEqual(EXPECTED_CELLS);
    expect(dense(sheets[1].rows)).toEqual([{ n: 1, texts: ['填报单位', '海宁市'] }]);
  });

  it('piece by piece (a sheet too large to hold) it reads the same, whatever a piece cuts: a character, a tag, a row', async () => {
    const bytes = await cellsWorkbook();
    for (const pieceBytes of [64, 97, 1000]) {
      const sheets = await read(bytes, { streamAbove: 0, pieceBytes });
      expect(sheets.map((s) => s.streamed)).toEqual([true, true]);
      expect(dense(sheets[0].rows)).toEqual(EXPECTED_CELLS);
    }
  });

  it('reads what exceljs reads of a ledger of Chinese text, numbers and dates, in one pass and in pieces', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('卫片图斑');
    const words = ['嘉兴', '图斑', '违法占用耕地', '𠀀', 'é', '整改中', '已拆除复耕', 'a'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + (i % 7) }, (_, k) => words[(i * 31 + k * 7) % words.length]).join('');
      ws.addRow([`TB${i}`, text, (i * 7919) % 5000 / 100, i % 3 === 0 ? null : new Date(Date.UTC(2023, i % 12, 1 + (i % 28)))]).getCell(4).numFmt = 'yyyy-mm-dd';
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // the reference: exceljs's in-memory parser, its values written as the reader writes them
    const reference = new ExcelJS.Workbook();
    await reference.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs types its argument as the old Buffer
    const expected: SheetRow[] = [];
    reference.getWorksheet('卫片图斑')!.eachRow((row, n) => {
      const v = row.values as unknown[];
      const date = v[4] instanceof Date ? v[4].toISOString().slice(0, 10) : null;
      expected.push({ n, texts: [String(v[1]), String(v[2]), String(v[3]), date] });
    });
    expect(expected).toHaveLength(3000);
    const whole = await read(bytes);
    const pieces = await read(bytes, { streamAbove: 0, pieceBytes: 777 });
    expect(dense(whole[0].rows)).toEqual(dense(expected));
    expect(dense(pieces[0].rows)).toEqual(dense(expected));
  });

  it('reads a ZIP64 workbook and one whose XML carries a namespace prefix (<x:row>, as .NET writes it)', async () => {
    const parts = readZip(await cellsWorkbook());
    expect(dense((await read(writeZip(parts, { zip64: true })))[0].rows)).toEqual(EXPECTED_CELLS);
    const prefixed = writeZip(parts.map((p) => {
      if (p.name !== 'xl/worksheets/sheet1.xml' && p.name !== 'xl/workbook.xml') return p;
      const xml = p.data.toString('utf8')
        .replace(/<(\/?)(?!\?)([A-Za-z]+)\b/g, '<$1x:$2')
        .replace(/<x:(worksheet|workbook) /, '<x:$1 xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
        .replace(/xmlns:r=/, 'xmlns:rel=').replace(/ r:id=/g, ' rel:id=');
      return { ...p, data: Buffer.from(xml, 'utf8') };
    }));
    expect(prefixed.toString('latin1')).not.toBe('');
    const sheets = await read(prefixed);
    expect(sheets.map((s) => s.name)).toEqual(['供地台账', '填报信息']);
    expect(dense(sheets[0].rows)).toEqual(EXPECTED_CELLS);
  });

  it('refuses what it cannot read rather than read part of it: not a zip, a sheet part missing, a row not closed', async () => {
    expect(() => readWorkbookDirect(Buffer.from('PK\u0003\u0004 not really'))).toThrow();
    const parts = readZip(await cellsWorkbook());
    expect(() => readWorkbookDirect(writeZip(parts.filter((p) => p.name !== 'xl/worksheets/sheet2.xml')))).toThrow(/missing part xl\/worksheets\/sheet2.xml/);
    const unclosed = writeZip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.from(p.data.toString('utf8').replace('</row>', '')) } : p)));
    await expect(read(unclosed)).rejects.toThrow(/unclosed row/);
    await expect(read(unclosed, { streamAbove: 0, pieceBytes: 100 })).rejects.toThrow(/unclosed row/);
  });
});

import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { zipEntryNames } from '../../reports/xlsx';
import { HEADER_ROW } from '../../reports/xlsx/spec';

/**
 * Reading the written workbooks back, as a clerk's spreadsheet program would: exceljs for cells,
 * formats and print settings; the zip's own parts for what exceljs does not show (formulas,
 * links); LibreOffice (soffice) as a second, independent reader.
 */

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} among ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** A cell's own value: null for the cells a merge covers (exceljs would repeat the master's). */
export function own(cell: ExcelJS.Cell): ExcelJS.CellValue {
  return cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
}

/** The data rows under the header row, each as its cells (1-based columns → 0-based array). */
export function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  const width = ws.getRow(HEADER_ROW).cellCount;
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1)));
  }
  return rows;
}

export function headers(ws: ExcelJS.Worksheet): (string | null)[] {
  const row = ws.getRow(HEADER_ROW);
  return Array.from({ length: row.cellCount }, (_, c) => own(row.getCell(c + 1)) as string | null);
}

/** The `#RRGGBB` of a cell's solid fill, if it has one. */
export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
  return argb ? `#${argb.slice(2)}` : undefined;
}

/** One part of the zip, inflated (the workbooks are written with DEFLATE or STORE). */
export function zipPart(zip: Buffer, name: string): string {
  if (!zipEntryNames(zip).includes(name)) throw new Error(`no ${name} in the zip`);
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  let pos = zip.readUInt32LE(eocd + 16);
  for (;;) {
    const nameLength = zip.readUInt16LE(pos + 28);
    const entry = zip.toString('utf8', pos + 46, pos + 46 + nameLength);
    if (entry === name) {
      const method = zip.readUInt16LE(pos + 10);
      const size = zip.readUInt32LE(pos + 20);
      const local = zip.readUInt32LE(pos + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    pos += 46 + nameLength + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
}

/** LibreOffice Calc, headless, if installed (Debian: libreoffice-calc-nogui). */
export const SOFFICE = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0);

/**
 * Every sheet of `file` as CSV, as LibreOffice reads the workbook: `shown` the cells as its
 * number formats print them, else the stored values. Its own profile folder, so that it runs
 * beside any other LibreOffice. Returns sheet name → rows of fields.
 */
export function libreOfficeCsv(file: string, dir: string, shown: boolean): Map<string, string[][]> {
  const out = join(dir, shown ? 'shown' : 'values');
  mkdirSync(out, { recursive: true });
  // Field separator, text delimiter, UTF-8, …, "save cell contents as shown", …, every sheet (-1).
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${shown},false,false,-1`;
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', filter, '--outdir', out, file], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const base = file.split('/').pop()!.replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out)) {
    if (name.startsWith(`${base}-`) && name.endsWith('.csv')) sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(join(out, name), 'utf8')));
  }
  return sheets;
}

/** RFC 4180, as LibreOffice writes it (quoted fields may hold commas and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

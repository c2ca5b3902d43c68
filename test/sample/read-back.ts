import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Manifest, ManifestFile } from '../../pipelines/sample';

/**
 * Reads the generated 指标进度 tables back from the files themselves (exceljs, iconv), without
 * going through ingest: the sample tests must not depend on the code they feed.
 */
export interface DeclaredRow {
  unit: string;
  period: string;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const norm = (h: unknown) => String(h ?? '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(v)}`);
  return n;
}

/** Rows (arrays of cell values) → declared rows, the header being the first row with 累计完成. */
function fromGrid(grid: unknown[][], unit: string, period: string, nameToCode: Map<string, string>): DeclaredRow[] {
  const h = grid.findIndex((r) => r.map(norm).includes('累计完成'));
  if (h < 0) throw new Error(`no 指标进度 header for ${unit} ${period}`);
  const header = grid[h].map(norm);
  const col = (name: string) => header.indexOf(name);
  return grid.slice(h + 1).filter((r) => r.some((c) => c !== null && c !== undefined && c !== '')).map((r) => {
    const code = col('指标代码') >= 0 ? String(r[col('指标代码')]) : nameToCode.get(String(r[col('指标名称')]))!;
    if (!code) throw new Error(`unknown indicator in ${unit} ${period}: ${String(r[col('指标名称')])}`);
    return { unit, period, indicator: code, value: num(r[col('累计完成')]), numerator: num(r[col('分子')]), denominator: num(r[col('分母')]) };
  });
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cur), (cur = '');
    else if (ch === '\n') row.push(cur.replace(/\r$/, '')), rows.push(row), (row = []), (cur = '');
    else cur += ch;
  }
  if (cur !== '' || row.length) row.push(cur), rows.push(row);
  return rows;
}

async function readOne(dir: string, f: ManifestFile, nameToCode: Map<string, string>): Promise<DeclaredRow[]> {
  const path = join(dir, ...f.path.split('/'));
  if (f.format === 'csv') {
    if (!basename(path).includes('指标进度')) return [];
    const bytes = readFileSync(path);
    const text = f.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8').replace(/^\ufeff/, '');
    return fromGrid(parseCsv(text).map((r) => r.map((c) => (c === '' ? null : c))), f.unit_code, f.period, nameToCode);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('指标进度')!;
  const grid: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    grid.push((row.values as unknown[]).slice(1));
  });
  return fromGrid(grid, f.unit_code, f.period, nameToCode);
}

/** The declared rows of every accepted file that no later file supersedes. */
export async function readDeclared(dir: string, manifest: Manifest, nameToCode: Map<string, string>): Promise<DeclaredRow[]> {
  const out: DeclaredRow[] = [];
  for (const f of manifest.files) {
    if (f.expect !== 'accepted' || f.superseded_by || f.submitter !== 'unit') continue;
    out.push(...(await readOne(dir, f, nameToCode)));
  }
  return out;
}

/** The DOS dates of every entry of a zip (central directory), as `YYYY-MM-DD hh:mm:ss`. */
export function zipEntryTimes(zip: Buffer): string[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out: string[] = [];
  let pos = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const time = zip.readUInt16LE(pos + 12);
    const date = zip.readUInt16LE(pos + 14);
    const local = zip.readUInt32LE(pos + 42);
    const p2 = (x: number) => String(x).padStart(2, '0');
    const central = `${(date >> 9) + 1980}-${p2((date >> 5) & 15)}-${p2(date & 31)} ${p2(time >> 11)}:${p2((time >> 5) & 63)}:${p2((time & 31) * 2)}`;
    if (zip.readUInt16LE(local + 10) !== time || zip.readUInt16LE(local + 12) !== date) out.push(`local header differs from ${central}`);
    out.push(central);
    pos += 46 + zip.readUInt16LE(pos + 28) + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return out;
}

/**
 * A direct .xlsx reader for the common case: the zip's central directory is read with node's
 * zlib, each sheet's XML is inflated and scanned with regular expressions. About five times
 * faster than exceljs's streaming reader, which stays the fallback for anything this reader
 * does not understand (it throws; stageWorkbook then uses exceljs).
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface SheetRows {
  name: string;
  /** Rows in order: 1-based row number and the cells' text by 0-based column (null = empty). */
  rows: Iterable<{ n: number; texts: (string | null)[] }>;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const MAX_SHEET_BYTES = 256 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error('unexpected end of file');
    done += n;
  }
  return buf;
}

function centralDirectory(fd: number, fileSize: number): Map<string, Entry> {
  const tailSize = Math.min(fileSize, 65557);
  const tail = readAt(fd, fileSize - tailSize, tailSize);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('no zip directory');
  const count = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 is left to exceljs');
  const dir = readAt(fd, offset, size);
  const entries = new Map<string, Entry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (dir.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip directory');
    const method = dir.readUInt16LE(p + 10);
    const compressedSize = dir.readUInt32LE(p + 20);
    const uncompressed = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const local = dir.readUInt32LE(p + 42);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, size: uncompressed, offset: local });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryText(fd: number, e: Entry): string {
  if (e.size > MAX_SHEET_BYTES) throw new Error('large part is left to exceljs');
  const header = readAt(fd, e.offset, 30);
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error('bad local header');
  const start = e.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = readAt(fd, start, e.compressedSize);
  if (e.method === 0) return data.toString('utf8');
  if (e.method === 8) return inflateRawSync(data).toString('utf8');
  throw new Error(`zip method ${e.method}`);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function xmlText(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos);|&#(\d+);|&#x([0-9a-fA-F]+);/g, (_, name, dec, hex) =>
      name ? ENTITIES[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of all <t> runs in a fragment (shared string or inline string), skipping phonetic runs. */
function runsText(fragment: string): string {
  const body = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return xmlText(out);
}

const ATTR = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? m[1] : undefined;
}

const V = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const F = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/;

const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function styleKinds(stylesXml: string | undefined): ('date' | 'percent' | null)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, xmlText(attr(m[0], 'formatCode') ?? ''));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  return [...xfs[1].matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    if (id === 9 || id === 10) return 'percent';
    if (BUILTIN_DATE.has(id)) return 'date';
    const code = custom.get(id);
    if (!code) return null;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    if (bare.includes('%')) return 'percent';
    if (/[ymdhs]/i.test(bare) && !/^general$/i.test(bare)) return 'date';
    return null;
  });
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

function* sheetRows(xml: string, shared: string[], kinds: ('date' | 'percent' | null)[], date1904: boolean) {
  const data = xml.indexOf('<sheetData');
  if (data < 0) return;
  const rowRe = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
  rowRe.lastIndex = data;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let implicitRow = 0;
  for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
    const r = attr(m[1], 'r');
    const n = r ? Number(r) : implicitRow + 1;
    implicitRow = n;
    if (!m[3]) continue;
    const texts: (string | null)[] = [];
    let implicitCol = -1;
    cellRe.lastIndex = 0;
    for (let c = cellRe.exec(m[3]); c; c = cellRe.exec(m[3])) {
      const ref = attr(c[1], 'r');
      const col = ref ? columnIndex(ref.replace(/\d+$/, '')) : implicitCol + 1;
      implicitCol = col;
      const inner = c[2];
      if (!inner) continue;
      const t = attr(c[1], 't') ?? 'n';
      let text: string | null = null;
      if (t === 'inlineStr') text = runsText(inner);
      else {
        const v = V.exec(inner);
        const f = v ? null : F.exec(inner);
        if (!v) text = f ? `=${xmlText(f[1])}` : null;
        else if (t === 's') text = shared[Number(v[1])] ?? null;
        else if (t === 'str' || t === 'e') text = xmlText(v[1]);
        else if (t === 'b') text = v[1] === '1' ? 'TRUE' : 'FALSE';
        else {
          const num = Number(v[1]);
          const s = attr(c[1], 's');
          const kind = s === undefined ? null : kinds[Number(s)] ?? null;
          if (kind === 'date' && Number.isFinite(num)) text = serialDate(num, date1904);
          else if (kind === 'percent' && Number.isFinite(num)) text = `${numberText(num * 100)}%`;
          else text = Number.isFinite(num) ? numberText(num) : xmlText(v[1]);
        }
      }
      while (texts.length < col) texts.push(null);
      texts[col] = text;
    }
    yield { n, texts };
  }
}

/** The sheets of a workbook, in workbook order. Throws for anything unusual (the caller falls back to exceljs). */
export function readWorkbookDirect(path: string): SheetRows[] {
  const fd = openSync(path, 'r');
  try {
    const entries = centralDirectory(fd, fstatSync(fd).size);
    const text = (name: string) => {
      const e = entries.get(name);
      return e ? entryText(fd, e) : undefined;
    };
    const workbook = text('xl/workbook.xml');
    const rels = text('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) throw new Error('not a standard workbook');
    const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '');
    const sharedXml = text('xl/sharedStrings.xml');
    const shared = sharedXml ? [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runsText(m[1] ?? '')) : [];
    const kinds = styleKinds(text('xl/styles.xml'));
    const sheets: SheetRows[] = [];
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = xmlText(attr(m[0], 'name') ?? '');
      const target = targets.get(attr(m[0], 'r:id') ?? '');
      if (!target) throw new Error(`sheet ${name} has no part`);
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      const xml = text(part);
      if (xml === undefined) throw new Error(`missing part ${part}`);
      sheets.push({ name, rows: sheetRows(xml, shared, kinds, date1904) });
    }
    return sheets;
  } finally {
    closeSync(fd);
  }
}

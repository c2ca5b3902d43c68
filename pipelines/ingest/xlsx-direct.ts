/**
 * A direct .xlsx reader for the common case: the zip's central directory is read with node's
 * zlib, each sheet's XML is inflated and scanned with regular expressions. About five times
 * faster than exceljs's streaming reader, which stays the fallback for anything this reader
 * does not understand (it throws; landWorkbook then uses exceljs).
 */
import { entryData, inflateWhole, readZipDirectory, type ZipDirectory, type ZipEntry } from './zip';

export interface SheetRows {
  name: string;
  /** Rows in order: 1-based row number and the cells' text by 0-based column (null = empty). */
  rows: Iterable<{ n: number; texts: (string | null)[] }>;
}

const MAX_SHEET_BYTES = 256 * 1024 * 1024;

/** A part's text: as zip-check.ts inflated it, or inflated here. */
function entryText(bytes: Buffer, dir: ZipDirectory, e: ZipEntry, inflated?: Map<number, Buffer>): string {
  if (e.uncompressedSize > MAX_SHEET_BYTES) throw new Error('large part is left to exceljs');
  const done = inflated?.get(e.localOffset);
  if (done && done.length === e.uncompressedSize) return done.toString('utf8');
  const data = entryData(bytes, dir, e);
  if ('damage' in data) throw new Error(`${e.name}: ${data.damage}`);
  if (e.method === 0) return data.toString('utf8');
  if (e.method === 8) return inflateWhole(data, e.uncompressedSize).toString('utf8');
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

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false; // the usual case first: printable ASCII
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const NEEDLES: Record<string, string> = {};

/**
 * The value of attribute `name` in `tag[from, to)`: the first `name="…"` preceded by white space
 * (what the regular expression `\sname="([^"]*)"` finds), by walking the tag's characters: this
 * runs for every cell, and a regular expression per attribute was a fifth of the reading time.
 * (Never indexOf over the rest of the document: a cell without the attribute would search on to
 * the next cell that has it, far away in a sheet of numbers.)
 */
function attr(tag: string, name: string, from = 0, to = tag.length): string | undefined {
  const needle = (NEEDLES[name] ??= `${name}="`);
  for (let i = from; i + needle.length < to; i++) {
    if (!isSpace(tag.charCodeAt(i)) || !tag.startsWith(needle, i + 1)) continue;
    const start = i + 1 + needle.length;
    const end = tag.indexOf('"', start);
    return end < 0 || end >= to ? undefined : tag.slice(start, end);
  }
  return undefined;
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

/** Serial day numbers repeat (a ledger has a few thousand distinct dates): each is formatted once. */
const serialCache = [new Map<number, string>(), new Map<number, string>()];
function serialDate(serial: number, date1904: boolean): string {
  const cache = serialCache[date1904 ? 1 : 0];
  const hit = cache.get(serial);
  if (hit !== undefined) return hit;
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000);
  const text = new Date(ms).toISOString().slice(0, 10);
  if (cache.size > 100_000) cache.clear();
  cache.set(serial, text);
  return text;
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** 0-based column of a cell reference (`AB12` → 27): its letters, digits at the end dropped. */
function refColumn(ref: string): number {
  let e = ref.length;
  while (e > 0 && ref.charCodeAt(e - 1) >= 48 && ref.charCodeAt(e - 1) <= 57) e--;
  let n = 0;
  for (let i = 0; i < e; i++) n = n * 26 + (ref.charCodeAt(i) - 64);
  return n - 1;
}

/** `<name` at `i` followed by a character that ends a word (what `<name\b` matches). */
function tagAt(xml: string, i: number, length: number): boolean {
  const c = xml.charCodeAt(i + length);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
}

/** The next `<name\b` at or after `from` and before `to`, or -1. */
function nextTag(xml: string, open: string, from: number, to: number): number {
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) if (tagAt(xml, i, open.length)) return i;
  return -1;
}

/**
 * One cell's text from its inner XML. The common shapes (`<v>…</v>` alone, `<is><t>…</t></is>`)
 * are read by position; anything else goes through the regular expressions.
 */
function cellValue(xml: string, tagFrom: number, tagTo: number, innerFrom: number, innerTo: number, shared: string[], kinds: ('date' | 'percent' | null)[], date1904: boolean): string | null {
  const t = attr(xml, 't', tagFrom, tagTo) ?? 'n';
  const plainV = innerTo - innerFrom >= 7 && xml.startsWith('<v>', innerFrom) && xml.startsWith('</v>', innerTo - 4)
    && xml.indexOf('<', innerFrom + 3) === innerTo - 4;
  if (t === 'inlineStr') {
    if (innerTo - innerFrom >= 17 && xml.startsWith('<is><t>', innerFrom) && xml.startsWith('</t></is>', innerTo - 9)
      && xml.indexOf('<', innerFrom + 7) === innerTo - 9) return xmlText(xml.slice(innerFrom + 7, innerTo - 9));
    return runsText(xml.slice(innerFrom, innerTo));
  }
  let raw: string | undefined;
  if (plainV) raw = xml.slice(innerFrom + 3, innerTo - 4);
  else {
    const inner = xml.slice(innerFrom, innerTo);
    const v = V.exec(inner);
    if (!v) {
      const f = F.exec(inner);
      return f ? `=${xmlText(f[1])}` : null;
    }
    raw = v[1];
  }
  if (t === 's') return shared[Number(raw)] ?? null;
  if (t === 'str' || t === 'e') return xmlText(raw);
  if (t === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  const num = Number(raw);
  const s = attr(xml, 's', tagFrom, tagTo);
  const kind = s === undefined ? null : kinds[Number(s)] ?? null;
  if (kind === 'date' && Number.isFinite(num)) return serialDate(num, date1904);
  if (kind === 'percent' && Number.isFinite(num)) return `${numberText(num * 100)}%`;
  return Number.isFinite(num) ? numberText(num) : xmlText(raw);
}

/**
 * The rows of a sheet's XML, scanned with indexOf (the same matches as the regular expressions
 * `<row\b…>…</row>` and `<c\b…>…</c>` would make, without building a substring per row).
 */
function* sheetRows(xml: string, shared: string[], kinds: ('date' | 'percent' | null)[], date1904: boolean) {
  const data = xml.indexOf('<sheetData');
  if (data < 0) return;
  let implicitRow = 0;
  let p = data;
  for (;;) {
    const rowAt = nextTag(xml, '<row', p, xml.length);
    if (rowAt < 0) return;
    const rowTagEnd = xml.indexOf('>', rowAt);
    if (rowTagEnd < 0) return;
    const selfClosing = xml.charCodeAt(rowTagEnd - 1) === 47;
    const attrsTo = selfClosing ? rowTagEnd - 1 : rowTagEnd;
    let bodyTo = rowTagEnd + 1;
    if (!selfClosing) {
      bodyTo = xml.indexOf('</row>', rowTagEnd + 1);
      if (bodyTo < 0) throw new Error('unclosed row'); // left to exceljs
    }
    const r = attr(xml, 'r', rowAt + 3, attrsTo);
    const n = r ? Number(r) : implicitRow + 1;
    implicitRow = n;
    p = selfClosing ? rowTagEnd + 1 : bodyTo + 6;
    if (selfClosing || bodyTo === rowTagEnd + 1) continue;
    const texts: (string | null)[] = [];
    let implicitCol = -1;
    for (let c = nextTag(xml, '<c', rowTagEnd + 1, bodyTo); c >= 0; ) {
      const cTagEnd = xml.indexOf('>', c);
      if (cTagEnd < 0 || cTagEnd >= bodyTo) throw new Error('unclosed cell');
      const empty = xml.charCodeAt(cTagEnd - 1) === 47;
      const tagTo = empty ? cTagEnd - 1 : cTagEnd;
      let innerTo = cTagEnd + 1;
      if (!empty) {
        innerTo = xml.indexOf('</c>', cTagEnd + 1);
        if (innerTo < 0 || innerTo > bodyTo) throw new Error('unclosed cell');
      }
      const ref = attr(xml, 'r', c + 1, tagTo);
      const col = ref ? refColumn(ref) : implicitCol + 1;
      implicitCol = col;
      if (!empty && innerTo > cTagEnd + 1) {
        const text = cellValue(xml, c + 1, tagTo, cTagEnd + 1, innerTo, shared, kinds, date1904);
        while (texts.length < col) texts.push(null);
        texts[col] = text;
      }
      c = nextTag(xml, '<c', empty ? cTagEnd + 1 : innerTo + 4, bodyTo);
    }
    yield { n, texts };
  }
}

/** The sheets of a workbook (its bytes), in workbook order. Throws for anything unusual (the caller falls back to exceljs). */
export function readWorkbookDirect(bytes: Buffer, inflated?: Map<number, Buffer>): SheetRows[] {
  const dir = readZipDirectory(bytes);
  if ('damage' in dir) throw new Error(`zip: ${dir.damage}`);
  const entries = new Map(dir.entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string) => {
    const e = entries.get(name);
    return e ? entryText(bytes, dir, e, inflated) : undefined;
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
}

/**
 * The cells of a workbook's XML as the text a person sees: shared and inline strings (phonetic
 * runs skipped, XML escapes and Excel's _xHHHH_ escapes decoded), numbers in full, date-formatted
 * numbers as ISO dates, percent-formatted numbers as `95%` (Excel stores 0.95), booleans as
 * TRUE/FALSE, errors as typed (`#N/A`), a formula by its saved result (a formula without one
 * stays `=…`, which no check accepts).
 */

/** What every cell of a workbook is read with: the shared strings, each style's kind of number, the date system. */
export interface CellContext {
  shared: string[];
  kinds: ('date' | 'percent' | null)[];
  date1904: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export function xmlText(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos);|&#(\d+);|&#x([0-9a-fA-F]+);/g, (_, name, dec, hex) =>
      name ? ENTITIES[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of all <t> runs in a fragment (shared string or inline string), skipping phonetic runs. */
export function runsText(fragment: string): string {
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
export function attr(tag: string, name: string, from = 0, to = tag.length): string | undefined {
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

export function styleKinds(stylesXml: string | undefined): ('date' | 'percent' | null)[] {
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
export function refColumn(ref: string): number {
  let e = ref.length;
  while (e > 0 && ref.charCodeAt(e - 1) >= 48 && ref.charCodeAt(e - 1) <= 57) e--;
  let n = 0;
  for (let i = 0; i < e; i++) n = n * 26 + (ref.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * One cell's text from its inner XML. The common shapes (`<v>…</v>` alone, `<is><t>…</t></is>`)
 * are read by position; anything else goes through the regular expressions.
 */
export function cellValue(xml: string, tagFrom: number, tagTo: number, innerFrom: number, innerTo: number, { shared, kinds, date1904 }: CellContext): string | null {
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

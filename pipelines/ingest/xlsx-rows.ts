/**
 * The rows of a worksheet's XML, scanned with indexOf: the same matches as the regular
 * expressions `<row\b…>…</row>` and `<c\b…>…</c>` would make, without building a substring per
 * row. A sheet held in memory is scanned in one pass; a sheet too large to hold as one string is
 * inflated and scanned piece by piece (the rows of each piece that are complete, the rest kept
 * for the next piece).
 */
import { StringDecoder } from 'node:string_decoder';
import { attr, cellValue, refColumn, type CellContext } from './xlsx-cells';

export interface SheetRow {
  /** 1-based row number. */
  n: number;
  /** The cells' text by 0-based column (null = empty). */
  texts: (string | null)[];
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
 * The complete rows of `xml` from `from`. With `final` false (a piece of a streamed sheet), it
 * stops at the first row not complete yet and returns where that row starts; with `final`, an
 * unclosed row or cell is malformed XML and throws. A row tag inside a row (a `</row>` missing)
 * throws too, rather than reading two rows as one.
 */
function* scanRows(xml: string, from: number, cells: CellContext, state: { implicitRow: number }, final: boolean): Generator<SheetRow, number> {
  let p = from;
  let known = -1; // the next row's start, when the nesting check found it
  for (;;) {
    const rowAt = known >= 0 ? known : nextTag(xml, '<row', p, xml.length);
    known = -1;
    if (rowAt < 0) return final ? xml.length : Math.max(p, xml.length - 5); // keep what may be the start of a `<row`
    const rowTagEnd = xml.indexOf('>', rowAt);
    if (rowTagEnd < 0) {
      if (final) throw new Error('unclosed row');
      return rowAt;
    }
    const selfClosing = xml.charCodeAt(rowTagEnd - 1) === 47;
    const attrsTo = selfClosing ? rowTagEnd - 1 : rowTagEnd;
    let bodyTo = rowTagEnd + 1;
    if (!selfClosing) {
      bodyTo = xml.indexOf('</row>', rowTagEnd + 1);
      if (bodyTo < 0) {
        if (final) throw new Error('unclosed row');
        return rowAt;
      }
      known = nextTag(xml, '<row', rowTagEnd + 1, xml.length);
      if (known >= 0 && known < bodyTo) throw new Error('unclosed row');
    }
    const r = attr(xml, 'r', rowAt + 3, attrsTo);
    const n = r ? Number(r) : state.implicitRow + 1;
    state.implicitRow = n;
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
        const text = cellValue(xml, c + 1, tagTo, cTagEnd + 1, innerTo, cells);
        while (texts.length < col) texts.push(null);
        texts[col] = text;
      }
      c = nextTag(xml, '<c', empty ? cTagEnd + 1 : innerTo + 4, bodyTo);
    }
    yield { n, texts };
  }
}

/** The rows of a sheet held in memory as one string. */
export function* sheetRows(xml: string, cells: CellContext): Generator<SheetRow> {
  const data = xml.indexOf('<sheetData');
  if (data < 0) return;
  yield* scanRows(xml, data, cells, { implicitRow: 0 }, true);
}

/**
 * The rows of a sheet whose XML arrives in pieces (inflated as it is read): UTF-8 is decoded
 * across the pieces' edges, and each row is read once it is complete. `clean` rewrites the text
 * before it is scanned (namespace prefixes, xlsx-direct.ts).
 */
export async function* streamedSheetRows(pieces: AsyncIterable<Buffer>, cells: CellContext, clean: (xml: string) => string = (x) => x): AsyncGenerator<SheetRow> {
  const decoder = new StringDecoder('utf8');
  const state = { implicitRow: 0 };
  let text = '';
  let started = false;
  const start = () => {
    const at = text.indexOf('<sheetData');
    if (at >= 0) {
      text = text.slice(at);
      started = true;
    }
  };
  for await (const piece of pieces) {
    text = clean(text + decoder.write(piece));
    if (!started) start();
    if (!started) continue;
    const stop = yield* scanRows(text, 0, cells, state, false);
    text = text.slice(stop);
  }
  text = clean(text + decoder.end());
  if (!started) start();
  if (started) yield* scanRows(text, 0, cells, state, true);
}

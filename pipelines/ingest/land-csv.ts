import { isUtf8 } from 'node:buffer';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { duckdbMessage } from '../errors';
import type { Warehouse } from '../warehouse';
import { findHeader, type TableSpec } from './tables';
import { regularRecords } from './csv-records';
import { landRows, sharedRelation, type LandedTable } from './landed';
import type { BatchLanders } from './lander';
import { sqlString } from './sql';

/** Columns that read_csv may parse itself on the fast path (only 卫片图斑: the table that comes by the million). */
const FAST_TYPES: Partial<Record<string, Record<string, string>>> = {
  patches: { occupied_farmland_mu: 'DOUBLE', illegal_farmland_mu: 'DOUBLE' },
};

/** GB18030 to text: the native TextDecoder (full ICU) is three times faster than iconv-lite, which stays the fallback. */
function decodeGb18030(bytes: Buffer): string {
  try {
    return new TextDecoder('gb18030').decode(bytes);
  } catch {
    return (require('iconv-lite') as typeof import('iconv-lite')).decode(bytes, 'gb18030'); // (loaded only where it is needed)
  }
}

type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** UTF-8 with a BOM, valid UTF-8, or else what Excel in Chinese writes: GB18030 (a superset of GBK). */
function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * The first records of a CSV text (RFC 4180 quotes), each with the number of physical lines
 * read up to its end, so that read_csv can skip exactly the title and header lines.
 */
function firstRecords(text: string, delimiter: string, max: number): { fields: string[]; linesThrough: number }[] {
  const out: { fields: string[]; linesThrough: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let lines = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    out.push({ fields, linesThrough: lines });
    fields = [];
    field = '';
  };
  while (i < text.length && out.length < max) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') lines++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      lines++;
      endRecord();
    } else field += ch;
    i++;
  }
  if (out.length < max && (field !== '' || fields.length > 0)) {
    lines++;
    endRecord();
  }
  return out;
}

/**
 * DuckDB's read_csv skips empty lines, which would shift the row number of every row after one
 * (rows are numbered from their position). Each empty line outside quotes gets one delimiter
 * here: a row of empty cells, skipped later like every empty row. A file without an empty line
 * (found by one search for the line ending twice) is returned as it is.
 */
function fillEmptyLines(bytes: Buffer, delimiter: string): Buffer {
  const firstNewline = bytes.indexOf(0x0a);
  const crlf = firstNewline > 0 && bytes[firstNewline - 1] === 0x0d; // the file's line ending, from its first line
  const emptyLine = crlf ? '\n\r\n' : '\n\n';
  let at = bytes.indexOf(emptyLine);
  if (at < 0) return bytes;
  // whether a position is inside quotes: the quotes before it counted once, as the search moves on
  let quoted = false;
  let nextQuote = bytes.indexOf(0x22);
  const insideQuotes = (pos: number) => {
    for (; nextQuote >= 0 && nextQuote < pos; nextQuote = bytes.indexOf(0x22, nextQuote + 1)) quoted = !quoted;
    return quoted;
  };
  const pieces: Buffer[] = [];
  const fill = Buffer.from(delimiter);
  let from = 0;
  for (; at >= 0; at = bytes.indexOf(emptyLine, at + 1)) {
    if (insideQuotes(at)) continue;
    pieces.push(bytes.subarray(from, at + 1), fill);
    from = at + 1;
  }
  pieces.push(bytes.subarray(from));
  return Buffer.concat(pieces);
}

/**
 * A cell as a row's lead candidate: null when empty or only spaces (what nrp_cell in
 * sql/ingest/macros.sql says, written out: macros cost planning time in a statement run per file).
 */
const leadCell = (x: string) => `nullif(trim(${x}, ' \t　'), '')`;

/**
 * Each row's kind (nrp_row_kind, sql/ingest/macros.sql: blank, a total row, a footer row, or
 * null for a data row) from its first non-empty cell (`lead`) and that cell's column from the
 * table's first (`lead_pos`). A row whose first cell starts with an ordinary character (neither a
 * space nor a CJK ideograph: ids, numbers, dates) is a data row without looking further, which
 * keeps this to one comparison for nearly every row. `inner` selects lead and lead_pos, `outer`
 * turns them into row_kind (few plans as small: the macro is written once); `inline` does it all
 * in one expression (for a big file: lead and lead_pos worked out only for the rows that need them).
 */
function rowKindSql(width: number, first: number, totals: boolean, typed: Set<number>): { inner: string; outer: string; inline: string } {
  const text = (i: number) => (typed.has(i) ? `c${i}::varchar` : `c${i}`);
  const cell = (i: number) => leadCell(text(i));
  const columns = Array.from({ length: width }, (_, i) => i);
  const plain = `coalesce(unicode(${text(0)}) between 33 and 12287 or unicode(${text(0)}) between 12289 and 19967, false)`;
  const leadOf = `coalesce(${columns.map(cell).join(', ')})`;
  const posOf = `case ${columns.filter((i) => i < first + 3).map((i) => `when ${cell(i)} is not null then ${i - first}`).join(' ')} else 3 end`;
  return {
    inner: `${plain} as plain, case when not ${plain} then ${leadOf} end as lead, case when not ${plain} then ${posOf} end as lead_pos`,
    outer: `case when plain then null else nrp_row_kind(lead, lead_pos, ${totals}) end as row_kind`,
    inline: `case when ${plain} then null else nrp_row_kind(${leadOf}, ${posOf}, ${totals}) end as row_kind`,
  };
}

/** Comma, or tab where the first line has a tab and no comma. */
function delimiterOf(head: string): string {
  const firstLine = head.slice(0, head.indexOf('\n') >= 0 ? head.indexOf('\n') : head.length);
  return !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
}

export interface CsvLandResult {
  landed?: LandedTable;
  /** File-level problem: missing header columns or a malformed CSV. */
  problem?: { kind: 'missing_columns'; missing: string[] } | { kind: 'parse'; detail: string };
}

/** Small CSV files are read in JavaScript with the batch's other tables (csv-records.ts); larger ones by read_csv. */
const JS_READ_MAX_BYTES = 4 * 1024 * 1024;

/**
 * A 卫片图斑 CSV of at least this many bytes (NRP_CSV_FAST_MIN_BYTES, default 1 MB) tries the fast
 * path: a statement of its own pays only for a big file; a smaller one is read with the others.
 */
function fastPathMinBytes(): number {
  const n = Number(process.env.NRP_CSV_FAST_MIN_BYTES);
  return process.env.NRP_CSV_FAST_MIN_BYTES !== undefined && Number.isFinite(n) && n >= 0 ? n : 1024 * 1024;
}

/**
 * Lands one CSV table: the header is found in the first records; then every field as text goes
 * to the batch's shared table of the kind, with each row's number (its line, counting the title
 * and header lines) and kind (row_kind: blank, total, footer or data). A small plain file is read
 * in JavaScript and written with the batch's workbook sheets (`landers`); anything else by
 * DuckDB's read_csv (GB18030 first decoded to a UTF-8 temp file). A big 卫片图斑 CSV goes down the
 * fast path first: read_csv types its numbers, into a table of its own.
 */
export async function landCsv(
  wh: Warehouse, fileId: number, path: string, bytes: Buffer, table: TableSpec, tempDir: string, options: { fast?: boolean; landers?: BatchLanders } = {},
): Promise<CsvLandResult> {
  const encoding = detectEncoding(bytes);
  const small = bytes.length <= JS_READ_MAX_BYTES;
  const text = encoding === 'gb18030' ? decodeGb18030(bytes) : small ? bytes.subarray(encoding === 'utf-8-bom' ? 3 : 0).toString('utf8') : undefined;
  const head = text !== undefined ? text.slice(0, 65536) : bytes.subarray(encoding === 'utf-8-bom' ? 3 : 0, 65536).toString('utf8');
  const delimiter = delimiterOf(head);
  const records = firstRecords(head, delimiter, 200);
  const { match, missing } = findHeader(table, records.slice(0, 11).map((r) => r.fields.map((f) => (f.trim() === '' ? null : f))));
  if (!match) return { problem: { kind: 'missing_columns', missing } };

  const headerRecord = records[match.rowIndex];
  const skip = headerRecord.linesThrough;
  const width = Math.max(...records.map((r) => r.fields.length));
  const fastTypes = FAST_TYPES[table.key];
  // A file holding NUL reads as text, where the limits find and name the cell (the fast path's
  // check looks at cell sizes only).
  const fast = options.fast !== false && fastTypes !== undefined && table.required.every((k) => match.columns.has(k)) && bytes.indexOf(0) === -1;
  if (options.landers && text !== undefined && !(fast && bytes.length >= fastPathMinBytes())) {
    const all = regularRecords(text, delimiter, width);
    if (all) {
      const sink = options.landers.sheet(table, fileId, match);
      all.slice(match.rowIndex + 1).forEach((fields, k) => sink.append(skip + 1 + k, fields));
      return { landed: { table, fileId, sheet: null, header: match, relation: sharedRelation(table.key, fileId), temps: [], path: 'csv-text' } };
    }
  }
  // read_csv reads a file: GB18030 decoded to UTF-8, and empty lines given a delimiter (fillEmptyLines)
  let readPath = path;
  if (encoding === 'gb18030') {
    readPath = join(tempDir, `decoded-${fileId}.csv`);
    if (!existsSync(readPath)) writeFileSync(readPath, fillEmptyLines(Buffer.from(text!, 'utf8'), delimiter));
  } else {
    const filled = fillEmptyLines(bytes, delimiter);
    if (filled !== bytes) {
      readPath = join(tempDir, `filled-${fileId}.csv`);
      if (!existsSync(readPath)) writeFileSync(readPath, filled);
    }
  }
  const keyed = (types: Record<string, string>) => {
    const kinds = rowKindSql(width, match.first, table.summed.length > 0, new Set(Object.keys(types).map((k) => match.columns.get(k)).filter((i): i is number => i !== undefined)));
    const columns = table.columns.map((c) => (match.columns.has(c.key) ? `c${match.columns.get(c.key)} as ${c.key}` : `null::varchar as ${c.key}`));
    return { kinds, columns };
  };
  const read = (types: Record<string, string>) =>
    `read_csv(${sqlString(readPath)}, header = false, skip = ${skip}, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ` +
    `columns = {${Array.from({ length: width }, (_, i) => {
      const key = [...match.columns.entries()].find(([, index]) => index === i)?.[0];
      return `'c${i}': '${(key && types[key]) ?? 'VARCHAR'}'`;
    }).join(', ')}}, null_padding = true, auto_detect = false)`;
  if (fast && fastTypes) {
    // Plain files (the big ones) parse their numbers in read_csv itself; anything else fails here and is read as text.
    // A table of its own, numbered by rowid: the fast path keeps to one pass over a million rows.
    const fast = `landed_fast_csv_${fileId}`;
    const { kinds, columns } = keyed(fastTypes);
    try {
      await wh.run(`create or replace temp table ${fast} as select ${columns.join(', ')}, ${kinds.inline} from ${read(fastTypes)}`);
      return {
        landed: {
          table, fileId, sheet: null, header: match, temps: [fast], path: 'csv-fast',
          relation: `(select ${fileId} as file_id, cast(rowid + ${skip + 1} as integer) as source_row, * from ${fast})`,
        },
      };
    } catch {
      await wh.run(`drop table if exists ${fast}`);
    }
  }
  const { kinds, columns } = keyed({});
  try {
    // row_number() over () numbers the rows in the order read_csv reads them (one stream, order kept)
    await landRows(wh, table,
      `select ${fileId}, cast(${skip} + row_number() over () as integer), ${columns.join(', ')}, ${kinds.outer} ` +
        `from (select *, ${kinds.inner} from ${read({})})`);
  } catch (error) {
    return { problem: { kind: 'parse', detail: duckdbMessage(error).split('\n').slice(0, 3).join(' ') } };
  }
  return { landed: { table, fileId, sheet: null, header: match, relation: sharedRelation(table.key, fileId), temps: [], path: 'csv-text' } };
}

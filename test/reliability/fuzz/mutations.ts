/**
 * Hostile files as fast-check arbitraries: each one a valid submission (corpus.ts) mutated in
 * one named way. A `FuzzCase` says what it did (for the counter-example and the bench table),
 * how to make its bytes, and, where the answer is certain, what ingest must say.
 */
import fc from 'fast-check';
import {
  baseCsv, baseWorkbook, cloneCsv, cloneWorkbook, csvBytes, csvName, HEADERS, NUMERIC_COLUMNS, PERIOD, TABLE_TITLES, UNIT,
  workbookBytes, workbookName, type Cell, type CsvModel, type TableTitle, type WorkbookModel,
} from './corpus';
import { deflatedWithSpaces, readZip, writeZip } from './zip';

export interface FuzzCase {
  /** The fault tried (one of KINDS). */
  kind: Kind;
  /** What exactly, for the counter-example. */
  label: string;
  fileName: string;
  bytes: () => Promise<Buffer>;
  /** Environment for this file (lowered limits). */
  env?: Record<string, string>;
  /** Where certain: the status, and for rejections the error code one of the errors must carry. */
  expect?: { status: 'accepted' } | { status: 'rejected'; code?: string[] };
}

export const KINDS = [
  'truncated', 'random_bytes', 'swapped_columns', 'duplicated_columns', 'hostile_number', 'long_cell', 'formula',
  'merged_header', 'empty_sheet', 'hidden_sheet', 'nul_bytes', 'zip_bomb', 'xml_entities', 'over_limit',
] as const;
export type Kind = (typeof KINDS)[number];

const table = fc.constantFrom(...TABLE_TITLES);
/** A position in a file, 0 ≤ x < 1, spread evenly (fast-check favours small numbers otherwise). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((n) => n / 10000);
const format = fc.constantFrom<'xlsx' | 'csv'>('xlsx', 'csv');
const DATA_ROWS = 5;

/**
 * A workbook edited by `edit`, written with exceljs. It holds 填报信息 and the table the
 * mutation aims at (ingest checks each table on its own; one table makes a case three times cheaper).
 */
function workbookCase(kind: Kind, t: TableTitle, label: string, edit: (m: WorkbookModel) => void, extra: Partial<FuzzCase> = {}): FuzzCase {
  return {
    kind, label, fileName: workbookName, ...extra,
    bytes: async () => {
      const m = cloneWorkbook(baseWorkbook(DATA_ROWS, [t]));
      edit(m);
      return workbookBytes(m);
    },
  };
}

function csvCase(kind: Kind, t: TableTitle, label: string, edit: (m: CsvModel) => void, extra: Partial<FuzzCase> = {}): FuzzCase {
  return {
    kind, label: `csv ${t}: ${label}`, fileName: csvName(t), ...extra,
    bytes: async () => {
      const m = cloneCsv(baseCsv(t, DATA_ROWS));
      edit(m);
      return csvBytes(m);
    },
  };
}

/** The valid file of either format, then its bytes edited. */
function bytesCase(kind: Kind, fmt: 'xlsx' | 'csv', t: TableTitle, label: string, edit: (b: Buffer) => Buffer, extra: Partial<FuzzCase> = {}): FuzzCase {
  return {
    kind, label: `${fmt}${fmt === 'csv' ? ` ${t}` : ''}: ${label}`, fileName: fmt === 'xlsx' ? workbookName : csvName(t), ...extra,
    bytes: async () => edit(fmt === 'xlsx' ? await workbookBytes(baseWorkbook(DATA_ROWS, [t])) : csvBytes(baseCsv(t, DATA_ROWS))),
  };
}

const sheetOf = (m: WorkbookModel, t: TableTitle) => m.sheets.find((s) => s.name === t)!;
/** Row index (in the model) of a table's header and of its i-th data row. */
const HEADER_ROW = 1;
const dataRow = (i: number) => HEADER_ROW + 1 + i;
const indexOf = (name: TableTitle, i: number) => (name === '指标进度' ? i % 2 : i % DATA_ROWS);
const columnLetter = (i: number) => String.fromCharCode(65 + i);

// --- byte-level ------------------------------------------------------------------------------

const truncated = fc.record({ fmt: format, t: table, keep: fraction }).map(({ fmt, t, keep }) =>
  bytesCase('truncated', fmt, t, `first ${(keep * 100).toFixed(1)}% kept`, (b) => b.subarray(0, Math.floor(b.length * keep)),
    fmt === 'xlsx' ? { expect: { status: 'rejected' } } : {}));

const randomBytes = fc.record({
  fmt: format, t: table,
  edits: fc.array(fc.record({ at: fraction, value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 12 }),
}).map(({ fmt, t, edits }) =>
  bytesCase('random_bytes', fmt, t, `${edits.length} byte(s) overwritten at ${edits.map((e) => e.at.toFixed(3)).join(',')}`, (b) => {
    const out = Buffer.from(b);
    for (const e of edits) out[Math.floor(e.at * out.length)] = e.value;
    return out;
  }));

const nulBytes = fc.oneof(
  fc.record({ fmt: format, t: table, at: fc.array(fraction, { minLength: 1, maxLength: 5 }) }).map(({ fmt, t, at }) =>
    bytesCase('nul_bytes', fmt, t, `${at.length} NUL byte(s) inserted`, (b) => {
      let out = Buffer.from(b);
      for (const a of at) {
        const i = Math.floor(a * out.length);
        out = Buffer.concat([out.subarray(0, i), Buffer.from([0]), out.subarray(i)]);
      }
      return out;
    }, fmt === 'csv' ? { expect: { status: 'rejected', code: ['not_a_csv'] } } : { expect: { status: 'rejected' } })),
  // exceljs drops NUL when it writes a cell: put it into the shared strings' XML itself
  fc.record({ t: table, form: fc.constantFrom('\u0000', '&#0;', '&#x0;', '&#1;', '\u0001') }).map(({ t, form }) => ({
    kind: 'nul_bytes' as const, label: `xlsx ${t}: ${JSON.stringify(form)} inside free-text cells in the shared strings' XML`, fileName: workbookName,
    bytes: async () => {
      const parts = readZip(await workbookBytes(baseWorkbook(DATA_ROWS, [t])));
      return writeZip(parts.map((p) => (p.name === 'xl/sharedStrings.xml'
        ? { ...p, data: Buffer.from(p.data.toString('utf8').replace(/<t>(项目\d|T\d)/g, (_m, two: string) => `<t>${two[0]}${form}${two.slice(1)}`), 'utf8') }
        : p)));
    },
  })),
  fc.record({ t: table, row: fc.nat(DATA_ROWS - 1), col: fc.nat(5) }).map(({ t, row, col }) =>
    csvCase('nul_bytes', t, `NUL inside field ${columnLetter(col)}`, (m) => {
      const r = m.rows[1 + indexOf(t, row)];
      r[col] = `x\u0000${r[col] ?? ''}`;
    }, { expect: { status: 'rejected', code: ['not_a_csv'] } })),
);

// --- columns ---------------------------------------------------------------------------------

const swapped = fc.record({ fmt: format, t: table, i: fc.nat(13), j: fc.nat(13) }).map(({ fmt, t, i, j }) => {
  const width = HEADERS[t].length;
  const [a, b] = [i % width, j % width];
  const swap = (rows: unknown[][], from: number) => rows.slice(from).forEach((r) => {
    while (r.length < width) r.push(null);
    [r[a], r[b]] = [r[b], r[a]];
  });
  const label = `columns ${HEADERS[t][a]} ⇄ ${HEADERS[t][b]}`;
  // headers are found by name: the same data in another column order is the same submission
  return fmt === 'xlsx'
    ? workbookCase('swapped_columns', t, `xlsx ${t}: ${label}`, (m) => swap(sheetOf(m, t).rows, HEADER_ROW), { expect: { status: 'accepted' } })
    : csvCase('swapped_columns', t, label, (m) => swap(m.rows, 0), { expect: { status: 'accepted' } });
});

const duplicated = fc.record({ fmt: format, t: table, i: fc.nat(13), alter: fc.boolean() }).map(({ fmt, t, i, alter }) => {
  const width = HEADERS[t].length;
  const c = i % width;
  const dup = (rows: unknown[][], from: number) => rows.slice(from).forEach((r, k) => {
    while (r.length < width) r.push(null);
    r.push(k === 0 || !alter ? r[c] : `另一个值${k}`);
  });
  const label = `column ${HEADERS[t][c]} twice${alter ? ' (the copy holds other values)' : ''}`;
  return fmt === 'xlsx'
    ? workbookCase('duplicated_columns', t, `xlsx ${t}: ${label}`, (m) => dup(sheetOf(m, t).rows, HEADER_ROW))
    : csvCase('duplicated_columns', t, label, (m) => dup(m.rows, 0));
});

// --- values ----------------------------------------------------------------------------------

/** Numbers that break arithmetic, as typed (text) and, where a workbook can hold them, as numbers. */
export const HOSTILE_NUMBERS: { label: string; cell: Cell; text: string; finite: boolean }[] = [
  { label: '1e309 (text)', cell: '1e309', text: '1e309', finite: false },
  { label: '-1e309 (text)', cell: '-1e309', text: '-1e309', finite: false },
  { label: 'NaN (number)', cell: Number.NaN, text: 'NaN', finite: false },
  { label: 'Infinity (number)', cell: Number.POSITIVE_INFINITY, text: 'Infinity', finite: false },
  { label: '-Infinity (number)', cell: Number.NEGATIVE_INFINITY, text: '-Infinity', finite: false },
  { label: 'inf (text)', cell: 'inf', text: 'inf', finite: false },
  { label: '-0', cell: -0, text: '-0', finite: true },
  { label: '1e20', cell: 1e20, text: '1e20', finite: true },
  { label: '1.7976931348623157e308', cell: Number.MAX_VALUE, text: '1.7976931348623157e308', finite: true },
  { label: '5e-324', cell: 5e-324, text: '5e-324', finite: true },
  { label: '0x1F (text)', cell: '0x1F', text: '0x1F', finite: true },
  { label: '1e309亩 (text)', cell: '1e309亩', text: '1e309亩', finite: false },
];

const hostileNumber = fc.record({ fmt: format, t: table, row: fc.nat(DATA_ROWS - 1), c: fc.nat(2), v: fc.nat(HOSTILE_NUMBERS.length - 1) }).map(({ fmt, t, row, c, v }) => {
  const cols = NUMERIC_COLUMNS[t];
  const col = cols[c % cols.length];
  const n = HOSTILE_NUMBERS[v];
  const label = `${HEADERS[t][col]} = ${n.label}`;
  const expect: FuzzCase['expect'] = n.finite ? undefined : { status: 'rejected' };
  return fmt === 'xlsx'
    ? workbookCase('hostile_number', t, `xlsx ${t}: ${label}`, (m) => { sheetOf(m, t).rows[dataRow(indexOf(t, row))][col] = n.cell; }, { expect })
    : csvCase('hostile_number', t, label, (m) => { m.rows[1 + indexOf(t, row)][col] = n.text; }, { expect });
});

const LONG_CHARS = ['a', '地', '𠀀', ' ', '=', '"'];
const longCell = fc.record({
  fmt: format, t: table, row: fc.nat(DATA_ROWS - 1), col: fc.nat(5),
  length: fc.oneof(fc.constant(100_000), fc.integer({ min: 32_768, max: 150_000 }), fc.integer({ min: 1000, max: 32_767 })),
  ch: fc.nat(LONG_CHARS.length - 1),
  where: fc.constantFrom('data', 'header', 'info', 'title'),
}).map(({ fmt, t, row, col, length, ch, where }) => {
  const text = LONG_CHARS[ch].repeat(Math.ceil(length / LONG_CHARS[ch].length)).slice(0, length);
  const chars = [...text].length;
  const label = `${length.toLocaleString('en')}-unit ${JSON.stringify(LONG_CHARS[ch])} cell in the ${where}`;
  const overLimit = where === 'data' && chars > 32_767 && LONG_CHARS[ch] !== ' ';
  const expect: FuzzCase['expect'] = overLimit ? { status: 'rejected', code: ['cell_too_long'] } : undefined;
  if (fmt === 'csv') {
    return csvCase('long_cell', t, label, (m) => {
      if (where === 'header' || where === 'title') m.rows.unshift([text]);
      else if (where === 'info') m.rows.push([text]); // a trailing row of one long field
      else m.rows[1 + indexOf(t, row)][col] = text;
    }, where === 'data' ? { expect } : {});
  }
  return workbookCase('long_cell', t, `xlsx ${t}: ${label}`, (m) => {
    const s = sheetOf(m, t);
    if (where === 'data') s.rows[dataRow(indexOf(t, row))][col] = text;
    else if (where === 'header') s.rows[HEADER_ROW][col] = text;
    else if (where === 'title') s.rows[0] = [text];
    else m.sheets[0].rows[row % 2][1] = text;
  }, { expect: where === 'data' ? expect : where === 'info' && LONG_CHARS[ch] !== ' ' ? { status: 'rejected' } : undefined }); // blank info: the file name speaks
});

const FORMULAS: { label: string; cell: (v: Cell) => Cell }[] = [
  { label: 'formula with its cached result', cell: (v) => ({ formula: 'B2*1', result: v }) },
  { label: 'formula without a cached result', cell: () => ({ formula: 'SUM(A1:A3)' }) },
  { label: 'formula whose result is an error', cell: () => ({ formula: '1/0', result: { error: '#DIV/0!' } }) },
  { label: 'formula-looking text', cell: () => '=HYPERLINK("http://example.com","x")' },
  { label: 'DDE text', cell: () => "=cmd|' /C calc'!A0" },
  { label: 'formula whose result is text', cell: () => ({ formula: 'TEXT(1,"0")', result: '1' }) },
];

const formula = fc.record({ fmt: format, t: table, row: fc.nat(DATA_ROWS - 1), col: fc.nat(5), f: fc.nat(FORMULAS.length - 1) }).map(({ fmt, t, row, col, f }) => {
  const label = `${HEADERS[t][col]}: ${FORMULAS[f].label}`;
  if (fmt === 'csv') return csvCase('formula', t, label, (m) => { m.rows[1 + indexOf(t, row)][col] = `=${m.rows[1 + indexOf(t, row)][col] ?? ''}+1`; });
  return workbookCase('formula', t, `xlsx ${t}: ${label}`, (m) => {
    const r = sheetOf(m, t).rows[dataRow(indexOf(t, row))];
    r[col] = FORMULAS[f].cell(r[col] ?? null);
  });
});

// --- sheets ----------------------------------------------------------------------------------

const MERGES: { label: string; range: (width: number) => string }[] = [
  { label: 'title merged across the header width', range: (w) => `A1:${columnLetter(w - 1)}1` },
  { label: 'header cells A2:C2 merged', range: () => 'A2:C2' },
  { label: 'title and header merged A1:B2', range: () => 'A1:B2' },
  { label: 'header merged down into the first data row', range: () => 'B2:B3' },
];

const mergedHeader = fc.record({ t: table, k: fc.nat(MERGES.length - 1) }).map(({ t, k }) =>
  workbookCase('merged_header', t, `xlsx ${t}: ${MERGES[k].label}`, (m) => {
    const s = sheetOf(m, t);
    s.merges = [MERGES[k].range(HEADERS[t].length)];
  }, k === 0 ? { expect: { status: 'accepted' } } : {}));

const EMPTY: { label: string; edit: (m: WorkbookModel, t: TableTitle) => void }[] = [
  { label: 'the table sheet emptied', edit: (m, t) => { sheetOf(m, t).rows = []; } },
  { label: 'only the header left', edit: (m, t) => { sheetOf(m, t).rows.length = 2; } },
  { label: 'an empty extra sheet first', edit: (m) => { m.sheets.unshift({ name: 'Sheet1', rows: [], titleRows: 0 }); } },
  { label: '填报信息 emptied', edit: (m) => { m.sheets[0].rows = []; } },
  { label: 'every sheet emptied', edit: (m) => m.sheets.forEach((s) => (s.rows = [])) },
  { label: 'a second, empty sheet with the same table name', edit: (m, t) => { m.sheets.push({ name: `${t} `, rows: [], titleRows: 0 }); } },
];

const emptySheet = fc.record({ t: table, k: fc.nat(EMPTY.length - 1) }).map(({ t, k }) =>
  workbookCase('empty_sheet', t, `xlsx ${t}: ${EMPTY[k].label}`, (m) => EMPTY[k].edit(m, t),
    k === 2 ? { expect: { status: 'accepted' } } : k === 4 ? { expect: { status: 'rejected' } } : {}));

const hiddenSheet = fc.record({ t: table, info: fc.boolean(), state: fc.constantFrom<'hidden' | 'veryHidden'>('hidden', 'veryHidden') }).map(({ t, info, state }) =>
  workbookCase('hidden_sheet', t, `xlsx: ${info ? '填报信息' : t} ${state}`, (m) => { m.sheets.find((s) => s.name === (info ? '填报信息' : t))!.state = state; },
    { expect: { status: 'accepted' } }));

// --- zip bomb --------------------------------------------------------------------------------

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * A valid workbook whose sheet XML is replaced by one that inflates to `mb` MB of whitespace:
 * honest (sizes declared), lying (declared as a few KB) or, within the ratio, past a lowered
 * total (NRP_MAX_UNZIP_MB).
 */
export function zipBombCase(variant: 'honest' | 'lying' | 'total', mb: number, sheetIndex = 2, t: TableTitle = '卫片图斑'): FuzzCase {
  const expectCodes = { honest: ['unzip_ratio'], lying: ['unzip_ratio', 'not_a_workbook'], total: ['unzip_too_large'] }[variant];
  return {
    kind: 'zip_bomb', label: `xlsx: sheet${sheetIndex}.xml inflating to ${mb} MB (${variant})`, fileName: workbookName,
    env: variant === 'total' ? { NRP_MAX_UNZIP_MB: String(Math.max(1, Math.floor(mb / 2))), NRP_MAX_UNZIP_RATIO: '100000' } : undefined,
    expect: { status: 'rejected', code: expectCodes },
    bytes: async () => {
      const parts = readZip(await workbookBytes(baseWorkbook(DATA_ROWS, [t])));
      const bomb = deflatedWithSpaces(SHEET_HEAD, mb, SHEET_TAIL);
      return writeZip(parts.map((p) => (p.name === `xl/worksheets/sheet${sheetIndex}.xml`
        ? { name: p.name, data: Buffer.alloc(0), deflated: bomb.deflated, crc: bomb.crc, declaredSize: variant === 'lying' ? 4096 : bomb.size }
        : p)));
    },
  };
}

const zipBomb = fc.record({ variant: fc.constantFrom<'honest' | 'lying' | 'total'>('honest', 'lying', 'total'), mb: fc.integer({ min: 2, max: 64 }), sheet: fc.integer({ min: 1, max: 2 }), t: table })
  .map(({ variant, mb, sheet, t }) => zipBombCase(variant, mb, sheet, t));

// --- XML entities ----------------------------------------------------------------------------

const LAUGHS = '<!DOCTYPE sst [<!ENTITY l0 "地地地地地地地地地地">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('') + ']>';
const ENTITIES: { label: string; doctype: string; ref: string }[] = [
  { label: 'billion laughs (10^10 characters if expanded)', doctype: LAUGHS, ref: '&l9;' },
  { label: 'external entity reading /etc/passwd', doctype: '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>', ref: '&x;' },
  { label: 'undefined entity', doctype: '', ref: '&nope;' },
];

/** A DOCTYPE with entities put into the shared strings (or a sheet), and a free-text cell referring to one. */
const xmlEntities = fc.record({ t: table, e: fc.nat(ENTITIES.length - 1), part: fc.constantFrom('sharedStrings', 'sheet') }).map(({ t, e, part }) => ({
  kind: 'xml_entities' as const, label: `xlsx ${t}: ${ENTITIES[e].label} in the ${part} XML`, fileName: workbookName,
  bytes: async () => {
    const parts = readZip(await workbookBytes(baseWorkbook(DATA_ROWS, [t])));
    const target = part === 'sharedStrings' ? 'xl/sharedStrings.xml' : 'xl/worksheets/sheet2.xml';
    return writeZip(parts.map((p) => {
      if (p.name !== target) return p;
      let xml = p.data.toString('utf8').replace(/(<\?xml[^>]*\?>\s*)/, `$1${ENTITIES[e].doctype.replace('sst', part === 'sharedStrings' ? 'sst' : 'worksheet')}`);
      xml = part === 'sharedStrings'
        ? xml.replace(/<t>(项目\d|T\d)/, (_m, v: string) => `<t>${ENTITIES[e].ref}${v}`)
        : xml.replace(/<c r="A3"([^>]*)>.*?<\/c>/, `<c r="A3" t="inlineStr"><is><t>${ENTITIES[e].ref}</t></is></c>`);
      return { ...p, data: Buffer.from(xml, 'utf8') };
    }));
  },
}));

// --- limits ----------------------------------------------------------------------------------

const overLimit = fc.record({ fmt: format, t: fc.constantFrom<TableTitle>('供地台账', '卫片图斑'), which: fc.constantFrom('rows', 'file', 'cell') }).map(({ fmt, t, which }) => {
  const env: Record<string, string> = which === 'rows' ? { NRP_MAX_ROWS: '3' } : which === 'file' ? { NRP_MAX_FILE_MB: '0.0001' } : { NRP_MAX_CELL_CHARS: '3' };
  const code = which === 'rows' ? 'too_many_rows' : which === 'file' ? 'file_too_large' : 'cell_too_long';
  return bytesCase('over_limit', fmt, t, `over a lowered ${Object.keys(env)[0]}=${Object.values(env)[0]}`, (b) => b, { env, expect: { status: 'rejected', code: [code] } });
});

export const ARBITRARIES: Record<Kind, fc.Arbitrary<FuzzCase>> = {
  truncated, random_bytes: randomBytes, swapped_columns: swapped, duplicated_columns: duplicated, hostile_number: hostileNumber,
  long_cell: longCell, formula, merged_header: mergedHeader, empty_sheet: emptySheet, hidden_sheet: hiddenSheet,
  nul_bytes: nulBytes, zip_bomb: zipBomb, xml_entities: xmlEntities, over_limit: overLimit,
};

/** Any fault, each kind equally likely. */
export const anyCase = fc.oneof(...KINDS.map((k) => ARBITRARIES[k]));

export { UNIT, PERIOD };

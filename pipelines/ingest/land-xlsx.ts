import { mark } from './profile';
import { readWorkbookDirect, type SheetRows } from './xlsx-direct';
import type { SheetRow } from './xlsx-rows';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Warehouse } from '../warehouse';
import { findHeader, normaliseHeader, tableByName, type HeaderMatch, type TableSpec } from './tables';
import type { LandedTable } from './landed';
import { ingestLimits, LimitExceeded } from './limits';
import { limitMessages } from '../messages';

/** 填报信息: label in column A, value in column B. */
export interface WorkbookInfo {
  unit?: string;
  period?: string;
  /** Rows of 填报单位 and 报告期 in 填报信息, for error cells. */
  unitRow?: number;
  periodRow?: number;
  sheetPresent: boolean;
}

export interface WorkbookLandResult {
  landed: LandedTable[];
  info: WorkbookInfo;
  /** Sheets of a known table whose header was not found: missing column keys. */
  missingColumns: { sheet: string; table: TableSpec; missing: string[] }[];
}

/**
 * A cell as a row's lead (its first non-empty cell): null when empty or only spaces, else trimmed
 * of spaces, tabs and full-width spaces (what nrp_cell in sql/ingest/macros.sql does for a CSV).
 */
function leadCell(v: string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const c = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  if (c > 32 && c !== 0x3000 && last > 32 && last !== 0x3000) return v;
  const t = v.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
  return t === '' ? null : t;
}

/**
 * Collects the data rows of one sheet as CSV text in a temp file, then read_csv loads them into
 * the landed table in one go: a million N-API appender calls cost more than writing the text.
 */
class SheetLander {
  private readonly order: (number | undefined)[];
  private readonly dir: string;
  private readonly file: string;
  private fd = -1;
  /** Rows are encoded straight into this buffer and written when it fills: no string per line (they cost GC). */
  private buf = Buffer.allocUnsafe(1 << 22);
  private pos = 0;
  constructor(readonly table: TableSpec, readonly header: HeaderMatch, readonly temp: string) {
    this.order = table.columns.map((c) => header.columns.get(c.key));
    this.dir = mkdtempSync(join(tmpdir(), 'nrp-sheet-'));
    this.file = join(this.dir, 'rows.csv');
  }
  async open(): Promise<void> {
    this.fd = openSync(this.file, 'w');
  }
  /**
   * `row,"lead",pos,"text",,"text"…` + newline: the row's first non-empty cell and its column
   * from the table's first (for its kind: nrp_row_kind), then the table's cells; empty cells
   * unquoted (read as NULL), others quoted with "" for ".
   */
  append(rowNumber: number, texts: (string | null)[]): void {
    if (this.pos + 1024 > this.buf.length) this.flush();
    this.pos += this.buf.write(String(rowNumber), this.pos, 'latin1');
    let lead: string | null = null;
    let leadAt = 0;
    for (; leadAt < texts.length && lead === null; leadAt++) lead = leadCell(texts[leadAt]);
    this.text(lead);
    this.buf[this.pos++] = 44; // ,
    if (lead !== null) this.pos += this.buf.write(String(leadAt - 1 - this.header.first), this.pos, 'latin1');
    for (let k = 0; k < this.order.length; k++) {
      const index = this.order[k];
      this.text(index === undefined ? null : texts[index]);
    }
    this.buf[this.pos++] = 10; // \n
  }
  /** `,` and the cell quoted, or `,` alone for an empty cell. */
  private text(v: string | null | undefined): void {
    if (v === null || v === undefined || v === '') {
      this.buf[this.pos++] = 44; // ,
      return;
    }
    const text = v.includes('"') ? v.replace(/"/g, '""') : v;
    const room = text.length * 3 + 4; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.pos + room > this.buf.length) {
      this.flush();
      if (room > this.buf.length) this.buf = Buffer.allocUnsafe(room);
    }
    this.buf[this.pos++] = 44; // ,
    this.buf[this.pos++] = 34; // "
    this.pos += this.buf.write(text, this.pos, 'utf8');
    this.buf[this.pos++] = 34;
  }
  private flush(): void {
    let done = 0;
    while (done < this.pos) done += writeSync(this.fd, this.buf, done, this.pos - done);
    this.pos = 0;
  }
  async close(wh: Warehouse): Promise<void> {
    try {
      if (this.fd < 0) return;
      this.flush();
      closeSync(this.fd);
      this.fd = -1;
      const columns = [`'source_row': 'INTEGER'`, `'lead': 'VARCHAR'`, `'lead_pos': 'INTEGER'`, ...this.table.columns.map((c) => `'${c.key}': 'VARCHAR'`)].join(', ');
      const totals = this.table.summed.length > 0;
      await wh.run(
        `create or replace temp table ${this.temp} as select * exclude (lead, lead_pos), nrp_row_kind(lead, lead_pos, ${totals}) as row_kind ` +
          `from read_csv('${this.file.replace(/'/g, "''")}', header = false, ` +
          `delim = ',', quote = '"', escape = '"', columns = {${columns}}, auto_detect = false)`,
      );
    } finally {
      if (this.fd >= 0) closeSync(this.fd);
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Reads a workbook (its bytes) into temp landed tables, one per known table sheet, and reads
 * 填报信息. Throws what the reader (xlsx-direct.ts) cannot read, and LimitExceeded.
 */
export async function landWorkbook(wh: Warehouse, bytes: Buffer, inflated?: Map<number, Buffer>): Promise<WorkbookLandResult> {
  const landed = await landSheets(wh, readWorkbookDirect(bytes, { inflated }));
  mark('read workbook');
  return landed;
}

type Row = SheetRow;

/** Each row in order; rows held in memory (a plain iterable) are walked without a promise per row. */
async function eachRow(rows: SheetRows['rows'], fn: (row: Row) => Promise<void> | void): Promise<void> {
  if (Symbol.iterator in rows) {
    for (const row of rows as Iterable<Row>) {
      const pending = fn(row);
      if (pending) await pending;
    }
  } else {
    for await (const row of rows) {
      const pending = fn(row);
      if (pending) await pending;
    }
  }
}

async function landSheets(wh: Warehouse, sheets: SheetRows[]): Promise<WorkbookLandResult> {
  const result: WorkbookLandResult = { landed: [], info: { sheetPresent: false }, missingColumns: [] };
  const { maxRows } = ingestLimits();
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const name = (sheet.name ?? '').trim();
    const table = tableByName(name);
    if (normaliseHeader(name) === '填报信息') {
      result.info.sheetPresent = true;
      for await (const row of sheet.rows) {
        const texts = row.texts;
        const label = normaliseHeader(texts[0] ?? '').replace(/[:：]$/, '');
        const value = texts[1]?.trim() || undefined;
        if (label === '填报单位' && value) Object.assign(result.info, { unit: value, unitRow: row.n });
        if (label === '报告期' && value) Object.assign(result.info, { period: value, periodRow: row.n });
      }
      continue;
    }
    if (!table || seen.has(table.key)) continue; // (rows are read only when asked for)
    seen.add(table.key);
    const buffered: { n: number; texts: (string | null)[] }[] = [];
    let streamed = 0;
    let lander: SheetLander | undefined;
    let failed = false;
    const start = async (): Promise<void> => {
      if (buffered.length === 0) return; // an empty sheet: the table is not reported
      const { match, missing } = findHeader(table, buffered.map((b) => b.texts));
      if (!match) {
        failed = true;
        result.missingColumns.push({ sheet: name, table, missing });
        return;
      }
      const temp = `landed_xlsx_${table.key}`;
      lander = new SheetLander(table, match, temp);
      await lander.open();
      for (const b of buffered.slice(match.rowIndex + 1)) lander.append(b.n, b.texts);
      result.landed.push({ table, sheet: name, header: match, relation: temp, temps: [temp], path: sheet.streamed ? 'xlsx-stream' : 'xlsx-direct' });
    };
    try {
      await eachRow(sheet.rows, (row) => {
        if (failed) return;
        if (lander) {
          // NRP_MAX_ROWS: stop reading here rather than land the rest of the sheet
          if (++streamed > maxRows) throw new LimitExceeded('too_many_rows', limitMessages.tooManyRows(name, `> ${maxRows}`, maxRows), name);
          lander.append(row.n, row.texts);
          return;
        }
        if (row.texts.every((t: string | null) => t === null || t === '')) return;
        buffered.push(row);
        if (buffered.length >= 11) return start();
      });
      if (!lander && !failed) await start();
    } finally {
      await lander?.close(wh);
    }
  }
  return result;
}

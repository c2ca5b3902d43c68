import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Warehouse } from '../warehouse';
import { landRows } from './landed';
import { sqlString } from './sql';
import { TABLES, type HeaderMatch, type TableKey, type TableSpec } from './tables';

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
 * The rows of every workbook sheet of one table kind in a batch, collected as CSV text in one
 * temp file; `land` then loads them into the kind's shared landed table with one read_csv (a
 * statement per sheet cost more than the sheets' rows; a million N-API appender calls more than
 * writing the text).
 */
class KindWriter {
  private fd = -1;
  /** Rows are encoded straight into this buffer and written when it fills: no string per line (they cost GC). */
  private buf = Buffer.allocUnsafe(1 << 20);
  private pos = 0;
  rows = 0;
  constructor(readonly table: TableSpec, readonly file: string) {}

  /**
   * `file,row,"lead",pos,"text",,"text"…` + newline: the row's first non-empty cell and its column
   * from the table's first (for its kind: nrp_row_kind), then the table's cells in column-key
   * order (`order`: each key's column in the sheet); empty cells unquoted (read as NULL), others
   * quoted with "" for ".
   */
  append(fileId: number, first: number, order: (number | undefined)[], rowNumber: number, texts: (string | null)[]): void {
    if (this.fd < 0) this.fd = openSync(this.file, 'w');
    if (this.pos + 1024 > this.buf.length) this.flush();
    this.pos += this.buf.write(`${fileId},${rowNumber}`, this.pos, 'latin1');
    let lead: string | null = null;
    let leadAt = 0;
    for (; leadAt < texts.length && lead === null; leadAt++) lead = leadCell(texts[leadAt]);
    this.text(lead);
    this.buf[this.pos++] = 44; // ,
    if (lead !== null) this.pos += this.buf.write(String(leadAt - 1 - first), this.pos, 'latin1');
    for (let k = 0; k < order.length; k++) {
      const index = order[k];
      this.text(index === undefined ? null : texts[index]);
    }
    this.buf[this.pos++] = 10; // \n
    this.rows++;
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

  /** Into landed_<key>, with each row's kind. */
  async land(wh: Warehouse): Promise<void> {
    const nulls = this.table.columns.map(() => 'null::varchar').join(', ');
    if (this.fd < 0) {
      // a table whose header came without rows: the kind's table exists all the same
      await landRows(wh, this.table, `select null::integer, null::integer, ${nulls}, null::varchar where false`);
      return;
    }
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    const columns = [`'file_id': 'INTEGER'`, `'source_row': 'INTEGER'`, `'lead': 'VARCHAR'`, `'lead_pos': 'INTEGER'`, ...this.table.columns.map((c) => `'${c.key}': 'VARCHAR'`)].join(', ');
    await landRows(wh, this.table,
      `select * exclude (lead, lead_pos), nrp_row_kind(lead, lead_pos, ${this.table.summed.length > 0}) as row_kind ` +
        `from read_csv(${sqlString(this.file)}, header = false, delim = ',', quote = '"', escape = '"', columns = {${columns}}, auto_detect = false)`);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** One sheet's writer: the kind's writer with this sheet's file id and columns. */
export interface SheetSink {
  append(rowNumber: number, texts: (string | null)[]): void;
}

/** The workbook sheets of a batch, one writer per table kind, landed together. */
export class BatchLanders {
  private readonly writers = new Map<TableKey, KindWriter>();
  constructor(private readonly tempDir: string) {}

  sheet(table: TableSpec, fileId: number, header: HeaderMatch): SheetSink {
    let w = this.writers.get(table.key);
    if (!w) this.writers.set(table.key, (w = new KindWriter(table, join(this.tempDir, `sheets-${table.key}.csv`))));
    const order = table.columns.map((c) => header.columns.get(c.key));
    const writer = w;
    return { append: (n, texts) => writer.append(fileId, header.first, order, n, texts) };
  }

  /** Every kind's rows into its landed table (once, after every workbook of the batch is read). */
  async land(wh: Warehouse): Promise<void> {
    try {
      for (const t of TABLES) await this.writers.get(t.key)?.land(wh);
    } finally {
      this.close();
    }
  }

  close(): void {
    for (const w of this.writers.values()) w.close();
  }
}

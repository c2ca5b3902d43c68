import type { Warehouse } from '../warehouse';
import type { HeaderMatch, TableKey, TableSpec } from './tables';
import type { IngestPath } from './types';

/**
 * A table read from a file. Text lands in the batch's shared table of its kind,
 * `landed_<key>` (file_id, source_row, one VARCHAR per column key, row_kind), so that every step
 * after landing runs once for all the files of a call; a 卫片图斑 CSV on the fast path lands in a
 * table of its own (read_csv typed its numbers). `relation` is this file's rows either way.
 */
export interface LandedTable {
  table: TableSpec;
  /** The file's id in the batch (file_id in the SQL). */
  fileId: number;
  /** Worksheet name (xlsx) or null (csv). */
  sheet: string | null;
  header: HeaderMatch;
  /** SQL relation of this file's landed rows: `file_id`, `source_row`, every column key, `row_kind`. */
  relation: string;
  /** Temp tables of this file alone, to drop afterwards (the fast path's). */
  temps: string[];
  /**
   * How it was read. `csv-fast`: numbers typed by read_csv, checked cheaply, else read again as
   * text (`csv-text`); `xlsx-direct` / `xlsx-stream`: a sheet read in one pass / piece by piece.
   */
  path: IngestPath;
}

/** The batch's shared table of landed text rows of a table kind. */
export const landedTable = (key: TableKey) => `landed_${key}`;

/** One file's rows of a shared landed table, as a relation. */
export const sharedRelation = (key: TableKey, fileId: number) => `(select * from ${landedTable(key)} where file_id = ${fileId})`;

/** The shared landed tables made in this batch (on first use, so a call of one CSV makes one). */
const made = new WeakMap<Warehouse, Set<TableKey>>();

/**
 * Puts rows into the batch's shared table of a kind, (file_id, source_row, column keys…,
 * row_kind): `select` gives them in that order; the first rows of a kind make the table (one
 * statement either way).
 */
export async function landRows(wh: Warehouse, table: TableSpec, select: string): Promise<void> {
  if (!made.has(wh)) made.set(wh, new Set());
  const kinds = made.get(wh)!;
  const name = landedTable(table.key);
  if (kinds.has(table.key)) {
    await wh.run(`insert into ${name} ${select}`);
    return;
  }
  const columns = ['file_id', 'source_row', ...table.columns.map((c) => c.key), 'row_kind'];
  const types = ['integer', 'integer', ...table.columns.map(() => 'varchar'), 'varchar'];
  await wh.run(`create or replace temp table ${name} as select ${columns.map((c, i) => `cast(${c} as ${types[i]}) as ${c}`).join(', ')} from (${select}) as rows(${columns.join(', ')})`);
  kinds.add(table.key);
}

/** The kinds whose shared landed table this batch made (dropped at its end, and forgotten). */
export function landedKinds(wh: Warehouse): TableKey[] {
  const kinds = [...(made.get(wh) ?? [])];
  made.delete(wh);
  return kinds;
}

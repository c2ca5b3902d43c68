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

import type { HeaderMatch, TableSpec } from './tables';

/** A table read from a file into a temp table of text, one VARCHAR column per column key. */
export interface LandedTable {
  table: TableSpec;
  /** Worksheet name (xlsx) or null (csv). */
  sheet: string | null;
  header: HeaderMatch;
  /** SQL relation with `source_row` and every column key of the table. */
  relation: string;
  /** Temp tables to drop afterwards. */
  temps: string[];
  /** CSV read with numbers typed by read_csv (the fast path); checked cheaply, else read again as text. */
  fast?: boolean;
}

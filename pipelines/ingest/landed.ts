import type { HeaderMatch, TableSpec } from './tables';
import type { IngestPath } from './types';

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
  /**
   * How it was read. `csv-fast`: numbers typed by read_csv, checked cheaply, else read again as
   * text (`csv-text`); `xlsx-direct` / `xlsx-stream`: a sheet read in one pass / piece by piece.
   */
  path: IngestPath;
}

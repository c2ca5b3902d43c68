import type { TableName } from './tables';

/** One problem found in a file: an error rejects the file, a warning is stored with it. */
export interface IngestIssue {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `not_a_number`, `unknown_unit`, `ytd_decrease`. */
  code: string;
  /** File name (no folder). */
  file: string;
  /** Sheet (xlsx) or table (csv); absent for file-level problems. */
  sheet?: string;
  /** `供地台账!E7` for a workbook cell; `E7` (row 7, column E) for a CSV. */
  cell?: string;
  /** 1-based row as Excel shows it, or the CSV line. */
  row?: number;
  /** Column letter. */
  column?: string;
  /** Header of the column, as the spec writes it. */
  header?: string;
  /** The raw value as typed (null when empty). */
  value?: string | null;
  /** What was expected, zh and en. */
  expected?: { zh: string; en: string };
  zh: string;
  en: string;
}

/**
 * Which way a table was read: a CSV on the fast path (read_csv types the numbers; only 卫片图斑,
 * the table that comes by the million) or as text (every other CSV, and one whose fast path found
 * anything unusual), a workbook sheet in one pass or (over 64 MB of XML) piece by piece.
 */
export type IngestPath = 'csv-fast' | 'csv-text' | 'xlsx-direct' | 'xlsx-stream';

export interface TableLoad {
  table_name: TableName;
  sheet_name: string | null;
  rows: number;
  /** How the table was read (absent for a duplicate, which was not read). */
  path?: IngestPath;
  /** Total rows (合计, 总计, 小计, 累计) skipped: checked against the rows they cover, not loaded. */
  total_rows?: number;
  /** Rows of notes and signatures (the footer, 填表说明 … 填表人) skipped. */
  footer_rows?: number;
  /** Set when loaded (ingest): the registry version and id. */
  version?: number;
  submission_id?: number;
}

export interface FileReport {
  path: string;
  file: string;
  /** accepted: valid (and loaded, for ingest); rejected: any error; duplicate: same bytes already the latest version. */
  status: 'accepted' | 'rejected' | 'duplicate';
  sha256: string | null;
  unit_code: string | null;
  unit_name: string | null;
  period: string | null;
  tables: TableLoad[];
  errors: IngestIssue[];
  /** Number of errors found; `errors` lists at most the first 1000. */
  error_count: number;
  warnings: IngestIssue[];
}

export interface IngestReport {
  /** true for `validate` (nothing written). */
  dry_run: boolean;
  files: FileReport[];
  accepted: number;
  rejected: number;
  duplicates: number;
}

export interface IngestOptions {
  /** Called before each file (for progress). */
  onFile?: (path: string, index: number, total: number) => void;
  /**
   * The inbox rule of `nrp run`: skip every file whose bytes were ever loaded, even when a later
   * version has superseded them. (Without it, bytes of an older version load again as a new
   * version, which is how `nrp ingest` lets an analyst go back to an earlier submission; an inbox
   * holding both the original and its correction must not flip between them on every run.)
   */
  onlyNew?: boolean;
}

/** Most errors listed per file; the count says how many there were. */
export const MAX_LISTED_ERRORS = 1000;

/**
 * Size limits on what ingest reads, so that a hostile or broken file is refused with a clear
 * message instead of filling memory or disk: file size, rows per table, characters per cell, and
 * for workbooks (zip files) the inflation ratio and total inflated size (zip-check.ts). Rows and
 * cells are checked in the landed tables (landed-limits.ts).
 *
 * Every limit can be raised with an environment variable (read at each file, so tests and
 * bureau staff can change it without a rebuild):
 *   NRP_MAX_FILE_MB      200        size of one submitted file
 *   NRP_MAX_ROWS         5000000    data rows of one table (sheet or CSV)
 *   NRP_MAX_CELL_CHARS   32767      characters in one cell (Excel's own cell limit)
 *   NRP_MAX_UNZIP_RATIO  100        inflated / compressed size of one workbook part over 1 MB
 *   NRP_MAX_UNZIP_MB     2048       inflated size of all parts of one workbook
 */
import { statSync } from 'node:fs';
import { CliError } from '../errors';
import { limitMessages } from '../messages';

type Text = { zh: string; en: string };
export const MB = 1024 * 1024;

export interface IngestLimits {
  maxFileBytes: number;
  maxRows: number;
  maxCellChars: number;
  maxUnzipRatio: number;
  maxInflatedBytes: number;
}

const SETTINGS = [
  { env: 'NRP_MAX_FILE_MB', key: 'maxFileBytes', fallback: 200, scale: MB },
  { env: 'NRP_MAX_ROWS', key: 'maxRows', fallback: 5_000_000, scale: 1 },
  { env: 'NRP_MAX_CELL_CHARS', key: 'maxCellChars', fallback: 32_767, scale: 1 },
  { env: 'NRP_MAX_UNZIP_RATIO', key: 'maxUnzipRatio', fallback: 100, scale: 1 },
  { env: 'NRP_MAX_UNZIP_MB', key: 'maxInflatedBytes', fallback: 2048, scale: MB },
] as const;

/** The limits in force: defaults, each replaced by its environment variable when set. A bad value is a usage error. */
export function ingestLimits(env: NodeJS.ProcessEnv = process.env): IngestLimits {
  const out = {} as Record<keyof IngestLimits, number>;
  for (const s of SETTINGS) {
    const raw = env[s.env];
    if (raw === undefined || raw.trim() === '') {
      out[s.key] = s.fallback * s.scale;
      continue;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw CliError.usage(limitMessages.badLimit(s.env, raw, s.fallback));
    out[s.key] = Math.floor(n * s.scale);
  }
  return out;
}

/** A limit crossed while a file is read (thrown from inside the readers, turned into a file error). */
export class LimitExceeded extends Error {
  constructor(readonly code: string, readonly text: Text, readonly sheet?: string) {
    super(text.en);
    this.name = 'LimitExceeded';
  }
}

/** MB with three significant digits (200, 2048, 0.00763): limits below 1 MB are for tests. */
export const mbText = (bytes: number) => String(Number((bytes / MB).toPrecision(3)));

/** The file's size against NRP_MAX_FILE_MB, from stat: before the file is read into memory. */
export function fileSizeProblem(path: string, limits: IngestLimits): { code: string; text: Text } | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined; // reading it reports why it cannot be read
  }
  if (size <= limits.maxFileBytes) return undefined;
  return { code: 'file_too_large', text: limitMessages.fileTooLarge(mbText(size), mbText(limits.maxFileBytes)) };
}

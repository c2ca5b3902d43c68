import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileMessages } from '../messages';
import { fileSizeProblem, type IngestLimits } from './limits';
import { mark } from './profile';

type Text = { zh: string; en: string };

/** What kind of submission a file is, from its name and first bytes. */
export type FileForm = 'csv' | 'workbook';

export interface SniffedFile {
  bytes: Buffer;
  sha256: string;
  form: FileForm;
}

/** A file refused before it is read as a table; `sha256` when the bytes were read. */
export interface SniffProblem {
  code: string;
  text: Text;
  sha256?: string;
}

/**
 * Step 1 of ingest: the file's size (before reading it), its bytes, their sha256, and whether it
 * is a CSV or a zip workbook. Old .xls, other types and empty files are refused here.
 */
export function sniffFile(path: string, limits: IngestLimits): SniffedFile | SniffProblem {
  const tooLarge = fileSizeProblem(path, limits);
  if (tooLarge) return tooLarge;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { code: 'unreadable', text: fileMessages.unreadable((error as Error).message) };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  mark('sniff');
  const refuse = (code: string, text: Text): SniffProblem => ({ code, text, sha256 });
  if (bytes.length === 0 || (bytes.length < 64 && /^\s*$/.test(bytes.toString('latin1')))) return refuse('empty_file', fileMessages.emptyFile);
  const ext = extname(path).toLowerCase();
  const starts = (...sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  const isZip = starts(0x50, 0x4b, 0x03, 0x04);
  const isOle = starts(0xd0, 0xcf, 0x11, 0xe0);
  if (ext === '.xls' || (isOle && ext === '.xlsx')) return refuse('old_xls', fileMessages.oldXls);
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.csv') return refuse('unsupported_type', fileMessages.unsupportedType(ext || basename(path)));
  if (ext !== '.csv' && !isZip) return refuse('not_a_workbook', fileMessages.notAWorkbook);
  return { bytes, sha256, form: ext === '.csv' ? 'csv' : 'workbook' };
}

import { basename, extname } from 'node:path';
import { duckdbMessage } from '../errors';
import { fileMessages } from '../messages';
import type { Warehouse } from '../warehouse';
import { parseFileName, type SheetIdentity } from './identity';
import { LimitExceeded } from './limits';
import type { FileForm } from './sniff';
import { looksBinary, landCsv } from './land-csv';
import { landWorkbook } from './land-xlsx';
import type { LandedTable } from './landed';
import type { BatchLanders } from './lander';
import { headerOf, tableByName } from './tables';

type Text = { zh: string; en: string };

/** A file-level problem found while landing; `fatal` ones end the file's checks at once. */
export interface LandProblem {
  code: string;
  text: Text;
  sheet?: string;
  fatal?: boolean;
}

export interface Landed {
  tables: LandedTable[];
  /** Present when the workbook has a 填报信息 sheet. */
  sheet?: SheetIdentity;
  problems: LandProblem[];
  /** A workbook without any known table sheet (said once the file's submitter is known). */
  noTables?: boolean;
}

/** What landing a file needs besides its bytes: the batch's temp folder and workbook writers. */
export interface LandTarget {
  tempDir: string;
  landers: BatchLanders;
}

/**
 * Step 2 of ingest: the file's tables read as text into the batch's shared landed tables (with
 * the source row; workbooks' rows once the batch's every workbook is read, BatchLanders.land),
 * and 填报信息. A CSV holds the table its name says; a workbook every known sheet.
 */
export async function landFile(wh: Warehouse, fileId: number, path: string, bytes: Buffer, form: FileForm, target: LandTarget, inflatedParts: Map<number, Buffer>): Promise<Landed> {
  return form === 'csv' ? landCsvFile(wh, fileId, path, bytes, target) : landWorkbookFile(target.landers, fileId, bytes, inflatedParts);
}

async function landCsvFile(wh: Warehouse, fileId: number, path: string, bytes: Buffer, target: LandTarget): Promise<Landed> {
  const named = parseFileName(path);
  const table = named.table ? tableByName(named.table) : undefined;
  const fatal = (code: string, text: Text): Landed => ({ tables: [], problems: [{ code, text, fatal: true }] });
  if (!table) return fatal('unknown_table', fileMessages.csvTableName(named.table ?? basename(path, extname(path))));
  if (looksBinary(bytes)) return fatal('not_a_csv', fileMessages.binaryCsv);
  const result = await landCsv(wh, fileId, path, bytes, table, target.tempDir, { landers: target.landers });
  if (result.problem?.kind === 'parse') return fatal('malformed_csv', fileMessages.csvParse(result.problem.detail));
  const problems: LandProblem[] = [];
  if (result.problem?.kind === 'missing_columns') {
    problems.push({ code: 'missing_column', text: fileMessages.missingColumns(result.problem.missing.map((k) => headerOf(table, k))), sheet: table.name });
  }
  return { tables: result.landed ? [result.landed] : [], problems };
}

async function landWorkbookFile(landers: BatchLanders, fileId: number, bytes: Buffer, inflatedParts: Map<number, Buffer>): Promise<Landed> {
  let wb;
  try {
    wb = await landWorkbook(landers, fileId, bytes, inflatedParts);
  } catch (error) {
    if (error instanceof LimitExceeded) return { tables: [], problems: [{ code: error.code, text: error.text, sheet: error.sheet, fatal: true }] };
    const detail = duckdbMessage(error);
    const text = { zh: `${fileMessages.notAWorkbook.zh}（${detail}）`, en: `${fileMessages.notAWorkbook.en} (${detail})` };
    return { tables: [], problems: [{ code: 'not_a_workbook', text, fatal: true }] };
  }
  const problems: LandProblem[] = wb.missingColumns.map((m) => ({
    code: 'missing_column', text: fileMessages.missingColumns(m.missing.map((k) => headerOf(m.table, k))), sheet: m.sheet,
  }));
  const sheet = wb.info.sheetPresent
    ? { unit: wb.info.unit, period: wb.info.period, unitRow: wb.info.unitRow, periodRow: wb.info.periodRow }
    : undefined;
  return { tables: wb.landed, sheet, problems, noTables: wb.landed.length === 0 && wb.missingColumns.length === 0 };
}

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
import { headerOf, tableByName, TABLES } from './tables';

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
}

/**
 * Step 2 of ingest: the file's tables read into temp tables of text (one per table, with the
 * source row), and 填报信息. A CSV holds the table its name says; a workbook every known sheet.
 */
export async function landFile(wh: Warehouse, path: string, bytes: Buffer, form: FileForm, tempDir: string, inflatedParts: Map<number, Buffer>): Promise<Landed> {
  return form === 'csv' ? landCsvFile(wh, path, bytes, tempDir) : landWorkbookFile(wh, bytes, inflatedParts);
}

async function landCsvFile(wh: Warehouse, path: string, bytes: Buffer, tempDir: string): Promise<Landed> {
  const named = parseFileName(path);
  const table = named.table ? tableByName(named.table) : undefined;
  const fatal = (code: string, text: Text): Landed => ({ tables: [], problems: [{ code, text, fatal: true }] });
  if (!table) return fatal('unknown_table', fileMessages.csvTableName(named.table ?? basename(path, extname(path))));
  if (looksBinary(bytes)) return fatal('not_a_csv', fileMessages.binaryCsv);
  const result = await landCsv(wh, path, bytes, table, tempDir);
  if (result.problem?.kind === 'parse') return fatal('malformed_csv', fileMessages.csvParse(result.problem.detail));
  const problems: LandProblem[] = [];
  if (result.problem?.kind === 'missing_columns') {
    problems.push({ code: 'missing_column', text: fileMessages.missingColumns(result.problem.missing.map((k) => headerOf(table, k))), sheet: table.name });
  }
  return { tables: result.landed ? [result.landed] : [], problems };
}

async function landWorkbookFile(wh: Warehouse, bytes: Buffer, inflatedParts: Map<number, Buffer>): Promise<Landed> {
  let wb;
  try {
    wb = await landWorkbook(wh, bytes, inflatedParts);
  } catch (error) {
    if (error instanceof LimitExceeded) return { tables: [], problems: [{ code: error.code, text: error.text, sheet: error.sheet, fatal: true }] };
    const detail = duckdbMessage(error);
    const text = { zh: `${fileMessages.notAWorkbook.zh}（${detail}）`, en: `${fileMessages.notAWorkbook.en} (${detail})` };
    return { tables: [], problems: [{ code: 'not_a_workbook', text, fatal: true }] };
  }
  const problems: LandProblem[] = wb.missingColumns.map((m) => ({
    code: 'missing_column', text: fileMessages.missingColumns(m.missing.map((k) => headerOf(m.table, k))), sheet: m.sheet,
  }));
  if (wb.landed.length === 0 && wb.missingColumns.length === 0) {
    problems.push({ code: 'missing_sheet', text: fileMessages.noTables, sheet: TABLES.map((t) => t.name).join('/') });
  }
  const sheet = wb.info.sheetPresent
    ? { unit: wb.info.unit, period: wb.info.period, unitRow: wb.info.unitRow, periodRow: wb.info.periodRow }
    : undefined;
  return { tables: wb.landed, sheet, problems };
}

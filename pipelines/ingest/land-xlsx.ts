import { limitMessages } from '../messages';
import { sharedRelation, type LandedTable } from './landed';
import type { BatchLanders, SheetSink } from './lander';
import { ingestLimits, LimitExceeded } from './limits';
import { findHeader, normaliseHeader, tableByName, type TableSpec } from './tables';
import { readWorkbookDirect, type SheetRows } from './xlsx-direct';
import type { SheetRow } from './xlsx-rows';

/** 填报信息: label in column A, value in column B. */
export interface WorkbookInfo {
  unit?: string;
  period?: string;
  /** Rows of 填报单位 and 报告期 in 填报信息, for error cells. */
  unitRow?: number;
  periodRow?: number;
  sheetPresent: boolean;
}

export interface WorkbookLandResult {
  landed: LandedTable[];
  info: WorkbookInfo;
  /** Sheets of a known table whose header was not found: missing column keys. */
  missingColumns: { sheet: string; table: TableSpec; missing: string[] }[];
}

/**
 * Reads a workbook (its bytes): each known table sheet's rows go to the batch's writer of that
 * kind (landed with the batch's other sheets), and 填报信息 is read. Throws what the reader
 * (xlsx-direct.ts) cannot read, and LimitExceeded; rows already written for a file that throws
 * stay in the writer, and are never read (the file is refused before any step reads them).
 */
export async function landWorkbook(landers: BatchLanders, fileId: number, bytes: Buffer, inflated?: Map<number, Buffer>): Promise<WorkbookLandResult> {
  return landSheets(landers, fileId, readWorkbookDirect(bytes, { inflated }));
}

/** Each row in order; rows held in memory (a plain iterable) are walked without a promise per row. */
async function eachRow(rows: SheetRows['rows'], fn: (row: SheetRow) => void): Promise<void> {
  if (Symbol.iterator in rows) {
    for (const row of rows as Iterable<SheetRow>) fn(row);
  } else {
    for await (const row of rows) fn(row);
  }
}

async function landSheets(landers: BatchLanders, fileId: number, sheets: SheetRows[]): Promise<WorkbookLandResult> {
  const result: WorkbookLandResult = { landed: [], info: { sheetPresent: false }, missingColumns: [] };
  const { maxRows } = ingestLimits();
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const name = (sheet.name ?? '').trim();
    const table = tableByName(name);
    if (normaliseHeader(name) === '填报信息') {
      result.info.sheetPresent = true;
      for await (const row of sheet.rows) {
        const texts = row.texts;
        const label = normaliseHeader(texts[0] ?? '').replace(/[:：]$/, '');
        const value = texts[1]?.trim() || undefined;
        if (label === '填报单位' && value) Object.assign(result.info, { unit: value, unitRow: row.n });
        if (label === '报告期' && value) Object.assign(result.info, { period: value, periodRow: row.n });
      }
      continue;
    }
    if (!table || seen.has(table.key)) continue; // (rows are read only when asked for)
    seen.add(table.key);
    const buffered: SheetRow[] = [];
    let streamed = 0;
    let sink: SheetSink | undefined;
    let failed = false;
    const start = (): void => {
      if (buffered.length === 0) return; // an empty sheet: the table is not reported
      const { match, missing } = findHeader(table, buffered.map((b) => b.texts));
      if (!match) {
        failed = true;
        result.missingColumns.push({ sheet: name, table, missing });
        return;
      }
      sink = landers.sheet(table, fileId, match);
      for (const b of buffered.slice(match.rowIndex + 1)) sink.append(b.n, b.texts);
      result.landed.push({
        table, fileId, sheet: name, header: match, relation: sharedRelation(table.key, fileId), temps: [], path: sheet.streamed ? 'xlsx-stream' : 'xlsx-direct',
      });
    };
    await eachRow(sheet.rows, (row) => {
      if (failed) return;
      if (sink) {
        // NRP_MAX_ROWS: stop reading here rather than land the rest of the sheet
        if (++streamed > maxRows) throw new LimitExceeded('too_many_rows', limitMessages.tooManyRows(name, `> ${maxRows}`, maxRows), name);
        sink.append(row.n, row.texts);
        return;
      }
      if (row.texts.every((t: string | null) => t === null || t === '')) return;
      buffered.push(row);
      if (buffered.length >= 11) start();
    });
    if (!sink && !failed) start();
  }
  return result;
}

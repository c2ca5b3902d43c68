import { limitMessages } from '../messages';
import type { Warehouse } from '../warehouse';
import type { LandedTable } from './landed';
import type { IngestLimits } from './limits';
import { columnLetter } from './tables';
import { MAX_LISTED_ERRORS, type IngestIssue } from './types';

/** A value read from 填报信息 (label in column A, value in column B). */
export interface InfoCell {
  label: string;
  value?: string;
  row?: number;
}

/**
 * 填报信息 values and, in the landed tables, rows over NRP_MAX_ROWS, cells over NRP_MAX_CELL_CHARS and cells holding NUL characters in the
 * landed tables, as errors (checked before the contract checks, which need not run on text of
 * that size). A long cell is reported by its address and length; its text is cut to a preview.
 */
export async function landedLimitErrors(wh: Warehouse, landed: LandedTable[], file: string, limits: IngestLimits, info: InfoCell[] = []): Promise<IngestIssue[]> {
  const out: IngestIssue[] = [];
  for (const c of info) {
    const chars = c.value === undefined ? 0 : [...c.value].length;
    if (chars <= limits.maxCellChars) continue;
    const text = limitMessages.cellTooLong(c.label, chars, limits.maxCellChars);
    out.push({
      severity: 'error', code: 'cell_too_long', file, sheet: '填报信息', cell: `填报信息!B${c.row ?? ''}`, row: c.row, column: 'B',
      header: c.label, value: `${c.value!.slice(0, 40)}…`, zh: text.zh, en: text.en,
    });
  }
  for (const s of landed) {
    const where = s.sheet ?? s.table.name;
    // The CSV fast path tests the sizes of its text cells in the scan that checks the rules
    // (fast_patches_check.sql; a file with a long cell goes down the text path, whose table is
    // checked here in full) and holds no NUL (land-csv.ts). Its numbers, typed by read_csv
    // (DOUBLE), print in at most 24 characters, so only a limit below that has its cells tested
    // here. Every other landed table is text: all its cells are tested.
    const columns = s.path === 'csv-fast' && limits.maxCellChars >= 24 ? [] : [...s.header.columns.entries()];
    // cells over the length limit, and cells holding NUL (invalid in a workbook's XML, cut off by C strings downstream):
    // one scan counts the rows and, with cheap tests (strlen counts bytes, never fewer than the characters length
    // counts), the suspect ones; only when there are any does a second query find and describe them
    const prefilter = columns.map(([key]) => `strlen(${key}::varchar) > ${limits.maxCellChars} or contains(${key}::varchar, chr(0))`).join(' or ');
    const counted = (await wh.one<{ n: number; suspects: number }>(
      `select count(*) as n, ${columns.length > 0 ? `count(*) filter (where ${prefilter})` : '0'} as suspects from ${s.relation}`,
    ))!;
    const rows = counted.n;
    if (rows > limits.maxRows) {
      const text = limitMessages.tooManyRows(where, String(rows), limits.maxRows);
      out.push({ severity: 'error', code: 'too_many_rows', file, sheet: where, zh: text.zh, en: text.en });
      continue;
    }
    if (counted.suspects === 0) continue;
    const suspect = columns
      .map(([key]) => `select source_row, '${key}' as col, length(${key}::varchar) as chars, contains(${key}::varchar, chr(0)) as nul, ` +
        `left(replace(${key}::varchar, chr(0), '\\0'), 40) as preview from suspect_rows ` +
        `where length(${key}::varchar) > ${limits.maxCellChars} or contains(${key}::varchar, chr(0))`)
      .join(' union all ');
    const found = await wh.all<{ source_row: number; col: string; chars: number; nul: boolean; preview: string }>(
      `with suspect_rows as materialized (select * from ${s.relation} where ${prefilter}) ` +
        `select * from (${suspect}) order by source_row, col limit ${MAX_LISTED_ERRORS}`,
    );
    for (const f of found) {
      const index = s.header.columns.get(f.col)!;
      const column = columnLetter(index);
      const header = s.table.columns.find((c) => c.key === f.col)?.header ?? f.col;
      const tooLong = f.chars > limits.maxCellChars;
      const text = tooLong ? limitMessages.cellTooLong(header, f.chars, limits.maxCellChars) : limitMessages.nulInCell(header);
      out.push({
        severity: 'error', code: tooLong ? 'cell_too_long' : 'nul_in_cell', file, sheet: where,
        cell: s.sheet ? `${s.sheet}!${column}${f.source_row}` : `${column}${f.source_row}`,
        row: f.source_row, column, header, value: tooLong ? `${f.preview}…` : f.preview, zh: text.zh, en: text.en,
      });
    }
  }
  return out;
}

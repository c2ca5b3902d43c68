import type { Warehouse } from '../warehouse';
import type { LandedTable } from './landed';
import { ingestSql } from './sql';
import type { TableSpec } from './tables';

/** One row of an errors_* / warnings_* query: (source_row, col, raw, code, detail). */
export interface CheckRow {
  source_row: number;
  col: string;
  raw: string | null;
  code: string;
  detail: string | null;
  /** The total row's word (合计, 小计 …), for the total warnings. */
  word?: string | null;
}

/** A landed table's rows sorted by kind (submissions.md, "Total rows, notes and signatures"). */
export interface Layout {
  /** SQL relation of the rows that may be data: every landed row but total rows and the footer. */
  dataRelation: string;
  /** SQL relation of every landed row (with row_kind): the total rows are checked against it. */
  allRelation: string;
  /** Total rows (合计, 总计, 小计, 累计) skipped. */
  totalRows: number;
  /** Rows of notes and signatures skipped: the footer, and any notes above the first data row. */
  footerRows: number;
  /** Data rows after the footer: an error each, at its identifying cell. */
  errorRows: CheckRow[];
}

/** A column as text whatever read_csv typed it (the fast path types the figures). */
const text = (key: string) => `${key}::varchar`;
const filled = (keys: string[]) => `(${keys.map((k) => `not nrp_blank(${text(k)})`).join(' or ')})`;

/** The SQL that tells a data row below a footer (tables.ts: identifying and figures). */
function dataRowSql(table: TableSpec): { data_like: string; id_col: string; id_raw: string } {
  const ids = table.identifying;
  const pick = (value: (k: string) => string) =>
    ids.length === 1 ? value(ids[0]) : `case ${ids.map((k) => `when not nrp_blank(${text(k)}) then ${value(k)}`).join(' ')} else ${value(ids[0])} end`;
  return { data_like: `${filled(ids)} and ${filled(table.figures)}`, id_col: pick((k) => `'${k}'`), id_raw: pick(text) };
}

/**
 * Where a landed table's total rows and footer are: total rows are not loaded (the warnings step
 * checks them against the rows they cover), the footer and every row after it are skipped, and a
 * data row after the footer is an error. A table without either (nearly every large file) costs
 * one count of its row kinds (a column of nulls).
 */
export async function layoutOf(wh: Warehouse, landed: LandedTable): Promise<Layout> {
  const relation = landed.relation;
  const plain: Layout = { dataRelation: relation, allRelation: relation, totalRows: 0, footerRows: 0, errorRows: [] };
  // the usual table: every row_kind null (data rows), which a count of the column alone tells
  const special = (await wh.one<{ n: number }>(`select count(row_kind) as n from ${relation}`))!.n;
  if (special === 0) return plain;
  const found = (await wh.one<{ total_rows: number; first_data: number | null; first_footer: number | null }>(ingestSql('layout', { landed: relation })))!;
  let footerFrom = found.first_footer;
  let notesAbove = 0;
  if (found.first_footer !== null && (found.first_data === null || found.first_footer < found.first_data)) {
    const notes = (await wh.one<{ notes_above: number; footer_from: number | null }>(
      ingestSql('layout_notes', { landed: relation, first_data: found.first_data ?? 'null' }),
    ))!;
    footerFrom = notes.footer_from;
    notesAbove = notes.notes_above;
  }
  if (found.total_rows === 0 && footerFrom === null && notesAbove === 0) return plain;
  const bound = footerFrom === null ? '' : ` and source_row < ${footerFrom}`;
  const layout: Layout = {
    ...plain,
    dataRelation: `(select * from ${relation} where (row_kind is null or row_kind = 'blank')${bound})`,
    totalRows: found.total_rows,
    footerRows: notesAbove,
  };
  if (footerFrom === null) return layout;
  const after = await wh.all<CheckRow & { data_like: boolean }>(
    `select * from (${ingestSql('after_footer', { landed: relation, footer_from: footerFrom, ...dataRowSql(landed.table) })}) order by source_row`,
  );
  layout.errorRows = after.filter((r) => r.data_like).map(({ data_like: _, ...r }) => r);
  layout.footerRows += after.length - layout.errorRows.length;
  return layout;
}

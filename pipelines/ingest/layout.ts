import type { Warehouse } from '../warehouse';
import { ingestSql } from './sql';
import type { TableSpec } from './tables';

/** One row of an errors_* / warnings_* query: (file_id, source_row, col, raw, code, detail). */
export interface CheckRow {
  file_id?: number;
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
  /** The data rows are those above this row (the footer's first), or every row (null). */
  footerFrom: number | null;
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

const values = (rows: [number, number | null][], names: string) => `(select * from (values ${rows.map(([a, b]) => `(${a}, ${b ?? 'null'})`).join(', ')}) as v(${names}))`;

/**
 * Where the total rows and the footer of the tables of one kind are (`relation`: every landed
 * row of the files `fileIds`, with file_id), for all of them at once: total rows are not loaded
 * (the warnings step checks them against the rows they cover), the footer and every row after it
 * are skipped, and a data row after the footer is an error. A table without either (nearly every
 * one) costs its share of one grouped scan.
 */
export async function layoutsOf(wh: Warehouse, table: TableSpec, relation: string, fileIds: number[], options: { single?: boolean } = {}): Promise<Map<number, Layout>> {
  const out = new Map<number, Layout>(fileIds.map((id) => [id, { footerFrom: null, totalRows: 0, footerRows: 0, errorRows: [] }]));
  if (fileIds.length === 0) return out;
  // a file's own table (the CSV fast path: a million rows): the usual table, every row_kind null,
  // is told by a count of the column alone, without grouping by file
  if (options.single && (await wh.one<{ n: number }>(`select count(row_kind) as n from ${relation}`))!.n === 0) return out;
  const landed = options.single ? relation : `(select * from ${relation} where file_id in (${fileIds.join(', ')}))`;
  type Found = { file_id: number; special: number; total_rows: number; first_data: number | null; first_footer: number | null };
  const found = (await wh.all<Found>(ingestSql('layout', { landed }))).filter((f) => f.special > 0);
  const notesFirst = found.filter((f) => f.first_footer !== null && (f.first_data === null || f.first_footer < f.first_data));
  const notes = new Map<number, { notes_above: number; footer_from: number | null }>();
  if (notesFirst.length > 0) {
    const rows = await wh.all<{ file_id: number; notes_above: number; footer_from: number | null }>(
      ingestSql('layout_notes', { landed, files: values(notesFirst.map((f) => [f.file_id, f.first_data]), 'file_id, first_data') }),
    );
    for (const r of rows) notes.set(r.file_id, r);
  }
  const footers: [number, number][] = [];
  for (const f of found) {
    const n = notes.get(f.file_id);
    const footerFrom = n ? n.footer_from : f.first_footer;
    const layout = out.get(f.file_id)!;
    layout.totalRows = f.total_rows;
    layout.footerRows = n?.notes_above ?? 0;
    layout.footerFrom = footerFrom;
    if (footerFrom !== null) footers.push([f.file_id, footerFrom]);
  }
  if (footers.length === 0) return out;
  const after = await wh.all<CheckRow & { file_id: number; data_like: boolean }>(
    `select * from (${ingestSql('after_footer', { landed, files: values(footers, 'file_id, footer_from'), ...dataRowSql(table) })}) order by file_id, source_row`,
  );
  for (const r of after) {
    const layout = out.get(r.file_id)!;
    if (r.data_like) layout.errorRows.push({ file_id: r.file_id, source_row: r.source_row, col: r.col, raw: r.raw, code: r.code, detail: r.detail });
    else layout.footerRows++;
  }
  return out;
}

/**
 * The data rows of the tables of one kind, as a relation: every landed row but total rows, the
 * rows from the footer on and notes (row_kind null: data; blank rows are dropped by typed_*).
 */
export function dataRelation(relation: string, layouts: Map<number, Layout>, options: { single?: boolean } = {}): string {
  const bounds = [...layouts.entries()].map(([id, l]) => [id, l.footerFrom ?? 2147483647] as [number, number]);
  if (bounds.length === 0) return `(select * from ${relation} where false)`;
  if (options.single) {
    const [[, l]] = [...layouts.entries()];
    if (l.totalRows === 0 && l.footerRows === 0 && l.footerFrom === null) return relation; // every row a data row or blank
    return `(select * from ${relation} where (row_kind is null or row_kind = 'blank') and source_row < ${bounds[0][1]})`;
  }
  return `(select l.* from ${relation} as l join ${values(bounds, 'file_id, until')} as b on b.file_id = l.file_id ` +
    `where (l.row_kind is null or l.row_kind = 'blank') and l.source_row < b.until)`;
}

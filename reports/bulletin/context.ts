import type { Content } from 'pdfmake/interfaces';
import type { ReportRow } from '../mart';
import { CITY, unitName, type BulletinInput, type PublishedValue } from './model';
import { quantity } from '../format';

/** A figure that differs from what an earlier bulletin for the same period published. */
export interface Restatement {
  mark: number;
  row: ReportRow;
  before: PublishedValue;
}

/**
 * What every section shares while one document is built: the input, the restated figures and
 * the running table number. Built fresh for each document, so the numbering is deterministic.
 */
export class BuildContext {
  readonly focusName: string;
  readonly isCity: boolean;
  readonly restated: Map<string, Restatement>;
  private tables = 0;
  private figures = 0;

  constructor(readonly input: BulletinInput) {
    this.isCity = input.focus === CITY;
    this.focusName = this.isCity ? '全市' : unitName(input.rows, input.focus);
    this.restated = findRestatements(input);
  }

  nextTable(): number {
    return ++this.tables;
  }

  nextFigure(): number {
    return ++this.figures;
  }

  restatementOf(row: ReportRow): Restatement | undefined {
    return this.restated.get(key(row.unit_code, row.indicator_code));
  }

  /** A value cell: the figure, and a superscript mark where it was restated. */
  valueText(row: ReportRow, text: string): Content {
    const r = this.restatementOf(row);
    return r ? { text: [text, { text: `注${r.mark}`, sup: true, fontSize: 7 }] } : text;
  }

  /** Notes under a table for the restated figures among `rows`. */
  notesFor(rows: readonly ReportRow[]): Content[] {
    const seen = new Set<number>();
    const notes: Content[] = [];
    for (const row of rows) {
      const r = this.restatementOf(row);
      if (!r || seen.has(r.mark)) continue;
      seen.add(r.mark);
      notes.push({ text: restatementNote(r), style: 'tableNote' });
    }
    return notes;
  }
}

export function restatementNote(r: Restatement): string {
  const before = quantity(r.before.actual, r.row.unit_of_measure);
  return `注${r.mark}：${r.row.unit_name}${r.row.indicator_name}为更正后数据，${r.before.document_number}通报数为${before}；该单位在上次通报后重新报送了数据。`;
}

function key(unit: string, indicator: string): string {
  return `${unit}|${indicator}`;
}

/**
 * The figures to footnote: for each unit × indicator, the latest value published by an earlier
 * bulletin of this period (another document number), where it reads differently from now.
 * Compared as displayed, so that noise below the last shown digit is not a restatement.
 */
function findRestatements(input: BulletinInput): Map<string, Restatement> {
  const latest = new Map<string, PublishedValue>();
  const earlier = input.published
    .filter((p) => p.document_number !== input.documentNumber)
    .sort((a, b) => a.issued_on.localeCompare(b.issued_on) || a.document_number.localeCompare(b.document_number));
  for (const p of earlier) latest.set(key(p.unit_code, p.indicator_code), p);
  const found = new Map<string, Restatement>();
  let mark = 0;
  for (const row of input.rows) {
    const before = latest.get(key(row.unit_code, row.indicator_code));
    if (!before) continue;
    if (quantity(before.actual, row.unit_of_measure) === quantity(row.actual, row.unit_of_measure)) continue;
    found.set(key(row.unit_code, row.indicator_code), { mark: ++mark, row, before });
  }
  return found;
}

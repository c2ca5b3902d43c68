import type { Chart } from '../charts/types';
import type { ProgressRow } from '../mart';
import { restatementOf, restatementsAmong } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { Outline } from '../text/outline';
import { restatementNote } from '../text/phrases';
import { text } from './markup';

/**
 * What the sections of one quarter's bulletin share while it is written: the outline (the PDF's
 * parts, annexes and their numbers: reports/text/outline.ts), the charts of the period, and the
 * running table and figure numbers. Tables are numbered as the PDF numbers them (the sentences
 * cite them); figures in the order the page shows them. Built fresh for each quarter, so the
 * numbering is deterministic.
 */
export class QuarterContext extends Outline {
  /** The charts the page places, in order: their specs go into the page's data. */
  readonly placed: Chart[] = [];
  private tables = 0;
  private figures = 0;
  private readonly byId: Map<string, Chart>;
  /** The year's rows by period, unit and indicator (the page looks rows up per cell and per datum). */
  private readonly rowIndex = new Map<string, ProgressRow>();

  constructor(
    model: BulletinModel,
    /** The period's charts, in the order chartsOf gives them. */
    readonly charts: readonly Chart[],
  ) {
    super(model);
    this.byId = new Map(charts.map((c) => [c.id, c]));
    for (const r of [...model.history, ...model.rows]) this.rowIndex.set(`${r.period}|${r.unit_code}|${r.indicator_code}`, r);
  }

  /** The row of a unit and indicator in this quarter, or (with `period`) in an earlier quarter of the year. */
  row(unit: string, indicator: string, period = this.period): ProgressRow | undefined {
    return this.rowIndex.get(`${period}|${unit}|${indicator}`);
  }

  get period(): string {
    return this.model.period.code;
  }

  /** An id unique in the page: the quarter's prefix and a local name. */
  id(local: string): string {
    return `q${this.period}-${local}`;
  }

  nextTable(): number {
    return ++this.tables;
  }

  chart(id: string): Chart | undefined {
    return this.byId.get(id);
  }

  /** The charts of a kind, in the order chartsOf gives them. */
  chartsOfKind(kind: Chart['kind']): Chart[] {
    return this.charts.filter((c) => c.kind === kind);
  }

  /** Records that `chart` is placed and returns its figure number. */
  place(chart: Chart): number {
    this.placed.push(chart);
    return ++this.figures;
  }

  /** A value with the restatement mark where an earlier issue published another figure: `1.99万亩注1`. */
  value(row: ProgressRow, shown: string): string {
    const r = restatementOf(this.model, row);
    return r ? `${text(shown)}<sup>注${r.mark}</sup>` : text(shown);
  }

  /** The footnotes of the restated figures among `rows`, each once. */
  notes(rows: readonly ProgressRow[]): string {
    return restatementsAmong(this.model, rows).map((r) => `<p class="note">${text(restatementNote(r))}</p>`).join('');
  }
}

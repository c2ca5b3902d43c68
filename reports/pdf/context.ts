import type { Content } from 'pdfmake/interfaces';
import type { Chart } from '../charts/types';
import type { ProgressRow } from '../mart';
import { chineseNumber } from '../format';
import { keyTaskCity } from '../model/lookup';
import type { BulletinModel, Restatement } from '../model/types';
import { annexTitle, PARTS, type Annex, type Part } from '../text/outline';
import { restatementNote } from '../text/phrases';

/** A chart the PDF places: the chart and its drawing (SVG, drawn once per run, reports/charts/draw.ts). */
export interface Figure {
  chart: Chart;
  drawing: string;
}

/**
 * What every section shares while one document is built: the model, the figures, the restated
 * figures and the running table and figure numbers. Built fresh for each document, so the
 * numbering is deterministic.
 */
export class BuildContext {
  private readonly restated: Map<string, Restatement>;
  private tables = 0;
  private figureCount = 0;
  /** The parts of the body, in order: 重点工作 only where the year has a key-task catalogue. */
  readonly parts: Part[];
  /** The annexes, in order: the key-task list only where there are milestones to list. */
  readonly annexes: Annex[];

  constructor(readonly model: BulletinModel, readonly figures: readonly Figure[]) {
    this.restated = new Map(model.restatements.map((r) => [`${r.row.unit_code}|${r.row.indicator_code}`, r]));
    const keyTasks = keyTaskCity(model) !== undefined;
    this.parts = (Object.keys(PARTS) as Part[]).filter((p) => p !== 'keyTasks' || keyTasks);
    this.annexes = ['indicators', ...(keyTasks && model.keyTasks.milestones.length > 0 ? (['keyTasks'] as const) : []), 'sources'];
  }

  /** `四、重点工作推进情况`: the part's heading, numbered by its place among the parts present. */
  heading(part: Part): string {
    const n = this.parts.indexOf(part);
    if (n < 0) throw new Error(`the bulletin has no part ${part}`);
    return `${chineseNumber(n + 1)}、${PARTS[part]}`;
  }

  /** The number of an annex (附件N); throws where the document has no such annex. */
  annexNo(annex: Annex): number {
    const n = this.annexes.indexOf(annex);
    if (n < 0) throw new Error(`the bulletin has no annex ${annex}`);
    return n + 1;
  }

  annexTitle(annex: Annex): string {
    return annexTitle(annex, this.model.period.year, this.scopeName, this.isCity);
  }

  get isCity(): boolean {
    return this.model.scope.isCity;
  }

  /** The name the bulletin speaks of: the city's (全市) or the unit's. */
  get scopeName(): string {
    return this.model.scope.name;
  }

  get cityName(): string {
    return this.model.city.name;
  }

  nextTable(): number {
    return ++this.tables;
  }

  nextFigure(): number {
    return ++this.figureCount;
  }

  restatementOf(row: ProgressRow): Restatement | undefined {
    return this.restated.get(`${row.unit_code}|${row.indicator_code}`);
  }

  /** A value cell: the figure, and a superscript mark where it was restated. */
  valueText(row: ProgressRow, text: string): Content {
    const r = this.restatementOf(row);
    return r ? { text: [text, { text: `注${r.mark}`, sup: true, fontSize: 7 }] } : text;
  }

  /** Notes under a table for the restated figures among `rows`. */
  notesFor(rows: readonly ProgressRow[]): Content[] {
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

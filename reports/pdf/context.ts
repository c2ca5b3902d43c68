import type { Content } from 'pdfmake/interfaces';
import type { Chart } from '../charts/types';
import type { ProgressRow } from '../mart';
import { restatementOf, restatementsAmong } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { Outline } from '../text/outline';
import { restatementNote } from '../text/phrases';

/** A chart the PDF places: the chart and its drawing (SVG, drawn once per run, reports/charts/draw.ts). */
export interface Figure {
  chart: Chart;
  drawing: string;
}

/**
 * What every section shares while one document is built: the outline (parts, annexes, their
 * numbers), the figures and the running table and figure numbers. Built fresh for each
 * document, so the numbering is deterministic.
 */
export class BuildContext extends Outline {
  private tables = 0;
  private figureCount = 0;

  constructor(model: BulletinModel, readonly figures: readonly Figure[]) {
    super(model);
  }

  nextTable(): number {
    return ++this.tables;
  }

  nextFigure(): number {
    return ++this.figureCount;
  }

  /** A value cell: the figure, and a superscript mark where it was restated. */
  valueText(row: ProgressRow, text: string): Content {
    const r = restatementOf(this.model, row);
    return r ? { text: [text, { text: `注${r.mark}`, sup: true, fontSize: 7 }] } : text;
  }

  /** Notes under a table for the restated figures among `rows`. */
  notesFor(rows: readonly ProgressRow[]): Content[] {
    return restatementsAmong(this.model, rows).map((r) => ({ text: restatementNote(r), style: 'tableNote' }));
  }
}

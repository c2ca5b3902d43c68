import type { Chart } from '../charts/types';
import type { BulletinModel } from '../model/types';
import { bulletinDocument } from './document';
import { renderPdf } from './engine';

export { bulletinDocument } from './document';
export { renderPdf, pdfEngine, PDF_PATCHES, type PdfPatch } from './engine';
export type { Figure } from './context';

/**
 * The bulletin PDF of a model: `charts` are the ones it prints (bulletinChartsOf), `drawings`
 * their SVGs by chart id (drawCharts; a run passes the drawings it made for the chart files).
 */
export async function bulletinPdf(model: BulletinModel, charts: readonly Chart[], drawings: ReadonlyMap<string, string>): Promise<Buffer> {
  const figures = charts.map((chart) => {
    const drawing = drawings.get(chart.id);
    if (drawing === undefined) throw new Error(`chart ${chart.id} was not drawn`);
    return { chart, drawing };
  });
  return renderPdf(bulletinDocument(model, figures));
}

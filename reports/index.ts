/**
 * The reports library: every output is a view over one bulletin model read from the marts.
 *
 *   model/   readBulletinModels(wh, config, [{ period, unit? }])  → BulletinModel[]  (one session)
 *   charts/  chartsOf(model) → Chart[]; bulletinChartsOf(model, charts); drawCharts(charts) → id → SVG;
 *            writeChartFiles(dir, period, charts, drawings, { format })
 *   pdf/     bulletinPdf(model, charts, drawings) → PDF bytes
 *   html/    bulletinHtml(models) → one offline page, the year's quarters in it (imported on its own)
 *   xlsx/    bulletinWorkbook(model), feedbackWorkbook(model) → workbook bytes (imported on its own)
 *   text/    the bulletin's words and its outline, which every edition lays out
 *
 * `nrp report`, `nrp charts` and `nrp run` call these; nothing here prints or exits.
 */
import { bulletinChartsOf, chartsOf, drawCharts } from './charts';
import type { Chart } from './charts/types';
import type { BulletinModel } from './model/types';
import { bulletinPdf } from './pdf';

export * from './model';
export { chartsOf, bulletinChartsOf, drawCharts, writeChartFiles, CHART_FORMATS, type Chart, type ChartFormat } from './charts';
export { bulletinPdf } from './pdf';

/** `bulletin-2023Q2.pdf`, or `bulletin-2023Q2-330481.pdf` for a one-unit edition. */
export function bulletinFileName(model: BulletinModel, extension = 'pdf'): string {
  return model.scope.isCity ? `bulletin-${model.period.code}.${extension}` : `bulletin-${model.period.code}-${model.scope.code}.${extension}`;
}

/**
 * The bulletin PDF of a model. Its charts are drawn here unless `drawn` holds them already (a run
 * draws every chart of the period once, for the chart files and the bulletin alike).
 */
export async function renderBulletin(model: BulletinModel, drawn?: { charts: readonly Chart[]; drawings: ReadonlyMap<string, string> }): Promise<Buffer> {
  const printed = bulletinChartsOf(model, drawn?.charts ?? chartsOf(model));
  const drawings = drawn?.drawings ?? (await drawCharts(printed));
  return bulletinPdf(model, printed, drawings);
}

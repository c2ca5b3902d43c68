/**
 * The charts of the quarterly bulletin, as a library for the bulletin, `nrp charts` and `nrp run`:
 *   chartsOf(model) / bulletinCharts(rows, history) → [{ id, kind, title, indicators, spec }]
 *                                         pure: mart rows → Vega-Lite specs (with their titles)
 *   bulletinChartsOf(model, charts)       the ones the bulletin prints
 *   drawCharts(charts)                    each drawn once, as a figure (no title): id → SVG
 *   writeChartFiles(dir, …, drawings)     the chart files: drawings framed with their titles, or PNG, or the specs
 *   renderSvg(spec), renderPng(spec), svgToPng(svg)   one spec, headless
 */
import { parsePeriod, periodLabel } from '../../pipelines/period';
import type { KeyTaskProgressRow, KeyTaskStatusInfo, KeyTaskSummaryRow, ProgressRow } from '../mart';
import type { BulletinModel } from '../model/types';
import { keyTaskDivisionsChart } from './key-task-divisions';
import { keyTaskSectionsChart } from './key-task-sections';
import { rankChart } from './rank';
import { rateChart } from './rate';
import { trendChart } from './trend';
import { matrixChart } from './matrix';
import { overviewChart } from './overview';
import type { Chart } from './types';

export type { Chart, ChartKind, VlSpec } from './types';
export { renderSvg, renderPng, svgToPng } from './render';
export { drawCharts, figureSpec } from './draw';
export { framedSvg } from './frame';
export { writeChartFiles, CHART_FORMATS, type ChartFormat, type ChartFileEntry } from './files';
export { bulletinChartsOf } from './choose';
export { FONT_FAMILY, FONT_FILES, PAGE_WIDTH } from './theme';
export { rankChart } from './rank';
export { rateChart } from './rate';
export { trendChart } from './trend';
export { matrixChart } from './matrix';
export { overviewChart } from './overview';
export { keyTaskSectionsChart } from './key-task-sections';
export { keyTaskDivisionsChart } from './key-task-divisions';

/**
 * The key-task rows a chart source carries: a bulletin model's `keyTasks`, or what readPeriod
 * read for `nrp charts` (keyTaskSummary and keyTaskStatuses beside the rows).
 */
export interface KeyTaskSource {
  keyTasks?: BulletinModel['keyTasks'] | KeyTaskProgressRow[];
  keyTaskSummary?: KeyTaskSummaryRow[];
  keyTaskStatuses?: KeyTaskStatusInfo[];
}

/**
 * Every chart of the model's period (the trends from the year's earlier quarters), then the key
 * tasks' (status by section, the divisions' on-time rates) where the year has a key-task catalogue.
 */
export function chartsOf(model: Pick<BulletinModel, 'rows' | 'history'> & KeyTaskSource): Chart[] {
  const charts = bulletinCharts(model.rows, model.history);
  const keyTasks = Array.isArray(model.keyTasks) || model.keyTasks === undefined
    ? { summary: model.keyTaskSummary ?? [], statuses: model.keyTaskStatuses ?? [] }
    : model.keyTasks;
  if (model.rows.length > 0) charts.push(...keyTaskCharts(keyTasks.summary, keyTasks.statuses, model.rows[0].period));
  return charts;
}

/** The key-task charts of a period from mart_key_task_summary; none where the year has no key tasks. */
export function keyTaskCharts(summary: readonly KeyTaskSummaryRow[], statuses: readonly KeyTaskStatusInfo[], period: string): Chart[] {
  const parsed = parsePeriod(period);
  if (!parsed || statuses.length === 0 || !summary.some((r) => r.scope_kind === 'section')) return [];
  const label = periodLabel(parsed);
  return [keyTaskSectionsChart(summary, statuses, label), keyTaskDivisionsChart(summary, label)];
}

/**
 * Every chart for one period. `rows` are that period's rows (mart_indicator_progress, in its
 * order); `history` the rows of the year's earlier periods, for the quarterly trends (may be
 * empty). Which indicators get a ranking or a rate chart is the catalogue's `unit_chart`.
 */
export function bulletinCharts(rows: ProgressRow[], history: ProgressRow[] = []): Chart[] {
  const charts: Chart[] = [];
  if (rows.length === 0) return charts;
  const period = rows[0].period;
  if (rows.some((r) => r.is_city && r.main_target != null)) charts.push(overviewChart(rows));
  if (rows.some((r) => r.main_target != null)) charts.push(matrixChart(rows, 'main_targets'));
  if (rows.some((r) => r.main_target == null)) charts.push(matrixChart(rows, 'other_indicators'));
  for (const code of rankedIndicators(rows)) charts.push(rankChart(rows, code));
  for (const code of chartedIndicators(rows, 'rate')) charts.push(rateChart(rows, code));
  // The trend needs this period's rows even when `history` was given without them.
  const year = [...history.filter((r) => r.period !== period), ...rows];
  const mains = [...new Set(rows.filter((r) => r.main_target != null).map((r) => r.main_target!))].sort((a, b) => a - b);
  for (const main of mains) charts.push(trendChart(year, main, period));
  return charts;
}

/** Indicators whose catalogue row asks for this chart, in catalogue order. */
export function chartedIndicators(rows: ProgressRow[], chart: 'rank' | 'rate'): string[] {
  const codes = new Map<string, number>();
  for (const r of rows) if (r.unit_chart === chart) codes.set(r.indicator_code, r.indicator_order);
  return [...codes.entries()].sort((a, b) => a[1] - b[1]).map(([code]) => code);
}

/** Ranking charts: those the catalogue asks for where at least one unit has a target (else nothing ranks). */
export function rankedIndicators(rows: ProgressRow[]): string[] {
  return chartedIndicators(rows, 'rank').filter((code) => rows.some((o) => o.indicator_code === code && o.unit_kind !== 'aggregate' && o.target != null));
}

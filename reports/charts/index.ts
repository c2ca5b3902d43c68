/**
 * The charts of the quarterly bulletin. Stable API for reports/bulletin and `nrp charts`:
 *   bulletinCharts(rows, history) → [{ id, title, spec }]   pure, rows → Vega-Lite specs
 *   renderSvg(spec, { width })    → SVG text (headless Vega, bundled font metrics)
 *   renderPng(spec, { scale })    → PNG bytes (resvg, bundled font only)
 *   withoutTitle(spec)            → the spec for a captioned figure: title gone, notes kept
 */
import type { ReportRow } from '../mart';
import { rankChart } from './rank';
import { rateChart } from './rate';
import { trendChart } from './trend';
import { matrixChart } from './matrix';
import { overviewChart } from './overview';
import type { Chart } from './types';

export type { Chart, ChartKind, VlSpec } from './types';
export { renderSvg, renderPng, svgToPng, compileSpec, prepareEngines } from './render';
export { withoutTitle } from './title';
export { FONT_FAMILY, FONT_FILES, PAGE_WIDTH } from './theme';
export { rankChart } from './rank';
export { rateChart } from './rate';
export { trendChart } from './trend';
export { matrixChart } from './matrix';
export { overviewChart } from './overview';

/** The rates shown against their threshold. */
export const RATE_CHARTS = ['commencement_rate', 'completion_rate', 'illegal_farmland_ratio'] as const;

/**
 * Every chart for one period. `rows` are that period's rows (loadReportRows); `history` the rows
 * of the year's periods up to and including it, for the quarterly trends (may be empty).
 */
export function bulletinCharts(rows: ReportRow[], history: ReportRow[] = []): Chart[] {
  const charts: Chart[] = [];
  if (rows.length === 0) return charts;
  const period = rows[0].period;
  if (rows.some((r) => r.unit_code === '330400' && r.main_target != null)) charts.push(overviewChart(rows));
  if (rows.some((r) => r.main_target != null)) charts.push(matrixChart(rows, 'main_targets'));
  if (rows.some((r) => r.main_target == null)) charts.push(matrixChart(rows, 'other_indicators'));
  for (const code of rankedIndicators(rows)) charts.push(rankChart(rows, code));
  for (const code of RATE_CHARTS) if (rows.some((r) => r.indicator_code === code)) charts.push(rateChart(rows, code));
  // The trend needs this period's rows even when `history` was given without them.
  const year = [...history.filter((r) => r.period !== period), ...rows];
  const mains = [...new Set(rows.filter((r) => r.main_target != null).map((r) => r.main_target!))].sort((a, b) => a - b);
  for (const main of mains) charts.push(trendChart(year, main, period));
  return charts;
}

/**
 * Cumulative main-target indicators with at least one unit target: those can be ranked. In
 * catalogue order (the order of `rows`).
 */
export function rankedIndicators(rows: ReportRow[]): string[] {
  const codes: string[] = [];
  for (const r of rows) {
    if (r.kind !== 'cumulative' || r.main_target == null || codes.includes(r.indicator_code)) continue;
    if (rows.some((o) => o.indicator_code === r.indicator_code && o.unit_kind !== 'aggregate' && o.target != null)) codes.push(r.indicator_code);
  }
  return codes;
}

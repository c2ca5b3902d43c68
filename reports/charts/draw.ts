import { renderSvg } from './render';
import type { Chart, VlSpec } from './types';

/**
 * Each chart is drawn once, as a figure: its spec without the title, since a document captions
 * its figures itself (图N　…, below the chart) and the chart's title would otherwise appear
 * twice. The chart files of `nrp charts` and `nrp run` put the title back around the same
 * drawing (frame.ts), so a run draws every chart of a period once for both.
 */
export function figureSpec(chart: Chart): VlSpec {
  const { title: _title, ...rest } = chart.spec;
  void _title;
  return rest;
}

/** The drawings (Vega's SVG) of `charts`, by chart id, drawn one after another. */
export async function drawCharts(charts: readonly Chart[]): Promise<Map<string, string>> {
  const drawings = new Map<string, string>();
  for (const chart of charts) drawings.set(chart.id, await renderSvg(figureSpec(chart)));
  return drawings;
}

import type { ChartKind, VlSpec } from '../charts/types';

/**
 * The size a bulletin chart is drawn at, known from its (untitled) spec before Vega runs, so
 * that the PDF can be laid out while a worker thread is still drawing the charts (chart-job.ts).
 *
 * Vega-Lite's 'pad' autosize adds the axes, the legend and the reference labels around the plot
 * the spec declares. For the designs of reports/charts that margin is fixed by the design (font
 * sizes, legend rows, label room), so it is a constant per kind of chart, measured on the charts
 * Vega draws:
 *  - rank and rate (unit-bars.ts): the declared width; 82 pt more than the declared height
 *    (reference labels above, the x-axis with its title and a one-row legend below);
 *  - overview: 39 pt more than the declared height (a one-row legend);
 *  - the legend (theme.ts: four entries a row, one per status shown) takes 18 pt more for
 *    every further row, e.g. when 未报送 joins the three lights;
 *  - trend (stacked panels): 41 pt more than the panel width for the y-axis labels in percent
 *    (32 pt when every panel shows a stock, whose labels are plain numbers), and per panel its
 *    title and x-axis, 42 pt for the first and 48 pt (with the spacing) for each further one,
 *    5 pt less for a stock's panel (its domain ends above the last tick, so no label sticks out
 *    at the top; a percent axis usually ends on a tick, whose label does).
 * A chart whose drawing comes out a few points off its box is fitted into the box, keeping its
 * proportions (SVG's default xMidYMid meet, render.ts), so an estimate that is off only scales
 * the chart by that much; test/report/chart-box.test.ts checks the boxes against the drawings
 * of the sample year.
 */
export interface Box {
  width: number;
  height: number;
}

const MARGIN: Record<'rank' | 'rate' | 'overview', number> = { rank: 82, rate: 82, overview: 39 };
const LEGEND = { columns: 4, row: 18 };
const TREND = { percentAxis: 41, stockAxis: 32, first: 42, further: 48, stockPanel: -5 };
const FALLBACK: Box = { width: 440, height: 300 };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function chartBox(kind: ChartKind, spec: VlSpec): Box {
  if (kind === 'rank' || kind === 'rate' || kind === 'overview') {
    const width = num(spec.width);
    const height = num(spec.height);
    if (width !== undefined && height !== undefined) {
      const rows = Math.max(1, Math.ceil(legendEntries(spec) / LEGEND.columns));
      return { width, height: height + MARGIN[kind] + (rows - 1) * LEGEND.row };
    }
  }
  if (kind === 'trend' && Array.isArray(spec.vconcat) && spec.vconcat.length > 0) {
    const panels = spec.vconcat as VlSpec[];
    const widths = panels.map((p) => num(p.width));
    const heights = panels.map((p) => num(p.height));
    if (widths.every((w) => w !== undefined) && heights.every((h) => h !== undefined)) {
      const stocks = panels.filter(isStockPanel).length;
      return {
        width: Math.max(...(widths as number[])) + (stocks === panels.length ? TREND.stockAxis : TREND.percentAxis),
        height: (heights as number[]).reduce((a, b) => a + b, 0) + TREND.first + TREND.further * (panels.length - 1) + TREND.stockPanel * stocks,
      };
    }
  }
  return FALLBACK;
}

/** Entries of the status legend: the longest colour-scale domain anywhere in the spec. */
function legendEntries(spec: unknown): number {
  if (Array.isArray(spec)) return Math.max(0, ...spec.map(legendEntries));
  if (spec === null || typeof spec !== 'object') return 0;
  const node = spec as Record<string, unknown>;
  const color = (node.encoding as { color?: { scale?: { domain?: unknown } } } | undefined)?.color?.scale?.domain;
  const here = Array.isArray(color) ? color.length : 0;
  return Math.max(here, ...Object.values(node).map(legendEntries));
}

/** A trend panel of a stock (trend.ts): its y-axis prints plain numbers (`format`), not percents (`labelExpr`). */
function isStockPanel(panel: VlSpec): boolean {
  const layers = (panel.layer as VlSpec[] | undefined) ?? [];
  return layers.some((l) => {
    const axis = (l.encoding as { y?: { axis?: { format?: unknown } } } | undefined)?.y?.axis;
    return axis?.format !== undefined;
  });
}

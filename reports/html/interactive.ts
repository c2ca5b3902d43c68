import { figureSpec } from '../charts/draw';
import type { Chart, VlSpec } from '../charts/types';
import type { ProgressRow } from '../mart';
import { rowFigures, TOOLTIP_FIELDS } from './cells';
import type { QuarterContext } from './context';

/**
 * The page's variant of a chart: the same spec chartsOf builds (the PDF's drawing, untitled, as
 * figureSpec gives it: the page captions it), with what a screen adds:
 *  - every datum that stands for a unit's figure carries that unit's code and a tooltip key,
 *    `row:<period>|<unit>|<indicator>`, which the page's script turns into the row's figures from
 *    the quarter's unit-panel data (formatted as the tables print them, cells.ts), so the figures
 *    are not repeated in every chart; the trend's points (other quarters) carry their figures;
 *    reference lines show their own label;
 *  - the parameters `focus` (a unit code), `focusName` and `focusShort` (its names), which the
 *    page sets when a unit is selected: the unit's bars and shapes stay, the others fade; its
 *    axis label turns bold; its column of the lights matrix is tinted.
 * Nothing is drawn differently until a unit is selected.
 */
type Datum = Record<string, unknown>;
type Layer = { data?: { values: Datum[] }; mark?: { type?: string } | string; encoding?: Record<string, unknown> };

export const ROW_TIP = 'row:';
const FOCUS_PARAMS = [
  { name: 'focus', value: '' },
  { name: 'focusName', value: '' },
  { name: 'focusShort', value: '' },
];
const FADED = 0.3;

export function interactiveSpec(chart: Chart, ctx: QuarterContext): VlSpec {
  const spec = structuredClone(figureSpec(chart)) as VlSpec;
  spec.description = chart.title;
  spec.params = FOCUS_PARAMS;
  const { model } = ctx;
  const values = () => (spec.data as { values: Datum[] }).values;
  // The datums carry the codes of the row they stand for (the chart builders put them there).
  if (chart.kind === 'rank' || chart.kind === 'rate') {
    annotate(values(), (d) => ctx.row(String(d.unit_code), chart.indicators[0]));
    for (const layer of spec.layer as Layer[]) unitBarsLayer(layer);
  } else if (chart.kind === 'matrix') {
    annotate(values(), (d) => ctx.row(String(d.unit_code), String(d.indicator_code)));
    for (const layer of spec.layer as Layer[]) matrixLayer(layer);
  } else if (chart.kind === 'overview') {
    annotate(values(), (d) => ctx.row(model.city.code, String(d.indicator_code)));
    for (const layer of spec.layer as Layer[]) withTooltip(layer);
  } else if (chart.kind === 'trend') {
    (spec.vconcat as { data: { values: Datum[] }; layer: Layer[] }[]).forEach((panel, i) => {
      annotate(panel.data.values, (d) => ctx.row(model.city.code, chart.indicators[i], String(d.period)), true);
      for (const layer of panel.layer) withTooltip(layer);
    });
  }
  return spec;
}

/** Adds the unit code and the tooltip (a key into the quarter's figures, or with `inline` the figures themselves). */
function annotate(values: Datum[], rowOf: (d: Datum) => ProgressRow | undefined, inline = false): void {
  for (const d of values) {
    const row = rowOf(d);
    if (!row) continue;
    d.code = row.unit_code;
    if (!inline) {
      d.tip = `${ROW_TIP}${row.period}|${row.unit_code}|${row.indicator_code}`;
      continue;
    }
    const figures = rowFigures(row);
    d.tip = Object.fromEntries(TOOLTIP_FIELDS.map((f) => [f.title, figures[f.key]]));
  }
}

function markType(layer: Layer): string | undefined {
  return typeof layer.mark === 'string' ? layer.mark : layer.mark?.type;
}

/** A layer with data of its own is a reference line (its label is its tooltip); else a row's figures. */
function withTooltip(layer: Layer): void {
  layer.encoding ??= {};
  layer.encoding.tooltip = { field: layer.data ? 'label' : 'tip', type: 'nominal' };
}
const isFocus = "focus === '' || datum.code === focus";

function unitBarsLayer(layer: Layer): void {
  withTooltip(layer);
  if (layer.data) return;
  const enc = layer.encoding!;
  const type = markType(layer);
  if (type === 'bar' || type === 'point') enc.opacity = { condition: { test: isFocus, value: 1 }, value: FADED };
  if (type === 'text' && typeof layer.mark === 'object') (layer.mark as Record<string, unknown>).fontWeight = { expr: "focus !== '' && datum.code === focus ? 'bold' : 'normal'" };
  const y = enc.y as { axis?: Record<string, unknown> } | undefined;
  if (type === 'bar' && y?.axis) {
    y.axis.labelFontWeight = { condition: { test: 'datum.value === focusName', value: 'bold' }, value: 'normal' };
  }
}

function matrixLayer(layer: Layer): void {
  withTooltip(layer);
  const enc = layer.encoding!;
  if (markType(layer) === 'rect') {
    const color = enc.color as { condition: Record<string, unknown>; value: string };
    enc.color = { condition: [{ test: "datum.code === focus", value: '#FFE08A' }, color.condition], value: color.value };
  }
  const x = enc.x as { axis?: Record<string, unknown> | null } | undefined;
  if (x?.axis) x.axis.labelFontWeight = { condition: { test: 'datum.value === focusShort', value: 'bold' }, value: 'normal' };
}

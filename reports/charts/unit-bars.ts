import type { ProgressRow } from '../mart';
import { chartTitle } from './title';
import { chartConfig, INK, PAGE_WIDTH, SIZES, STATUS_STYLE, statusScales, type Status } from './theme';
import { textWidth } from './measure';
import type { VlSpec } from './types';

/**
 * The horizontal bar chart that ranking and rate charts share: one band per reporting unit,
 * bar coloured by status, the light's shape at the bar's end, the value written after it.
 * Units without a value (missing, no_data, no_target) keep their band and say why in words,
 * so an absent figure never looks like a zero.
 */

export interface UnitBar {
  unit: string;
  /** The unit's code, carried in the datum (unit_code) for whatever reads the data by unit: the page's tooltips. */
  code: string;
  value: number | null;
  status: Status;
  /** The text after the bar: the formatted value, or why there is none. */
  label: string;
}

export interface ReferenceLine {
  x: number;
  label: string;
  color: string;
  dash: number[];
}

export interface UnitBarsInput {
  title: string;
  subtitle: string[];
  xTitle: string;
  bars: UnitBar[];
  references: ReferenceLine[];
}

/** Reporting units (not the aggregates), best rank first; unranked units after, in display order. */
export function rankedUnits(rows: ProgressRow[]): ProgressRow[] {
  return rows
    .filter((r) => r.unit_kind !== 'aggregate')
    .slice()
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit_order - b.unit_order);
}

/** Why a unit has no bar, in the words of the legend. */
export function missingLabel(row: ProgressRow): string {
  if (row.status === 'missing' || row.status === 'no_data') return STATUS_STYLE[row.status].label;
  return STATUS_STYLE.no_target.label;
}

/** Space between a bar's end and its value label: the light's shape sits in it. */
const LABEL_GAP = 16;

/**
 * Value labels stand in one column right of every bar and every reference line, so no line
 * ever runs through a figure. The domain end leaves room for the column's widest label
 * (real glyph widths, measure.ts): column / D · W + gap + label ≤ W.
 */
export function labelColumn(bars: { value: number | null; label: string }[], references: number[], plotWidth: number): { column: number; domainEnd: number } {
  const column = Math.max(0, ...bars.map((b) => b.value ?? 0), ...references) * 1.02 || 1;
  const widest = Math.max(...bars.map((b) => textWidth(b.label, SIZES.value)));
  const room = Math.max(plotWidth * 0.35, plotWidth - LABEL_GAP - widest - 4);
  const need = (column * plotWidth) / room;
  const step = need > 50 ? 10 : need > 20 ? 5 : need > 5 ? 1 : need > 2 ? 0.5 : 0.1;
  return { column, domainEnd: Math.ceil(need / step - 1e-9) * step };
}

/** Round tick values from 0 up to `end` (at most ~5), so no grid line runs through the label column. */
export function ticksUpTo(end: number): number[] {
  const raw = end / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => end / s <= 5) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v <= end + 1e-9; v += step) ticks.push(Number(v.toFixed(6)));
  return ticks;
}

/** What the y axis takes: the widest unit name plus the label padding. */
function axisRoom(names: string[]): number {
  return Math.max(...names.map((n) => textWidth(n, SIZES.label))) + 6 + 2;
}

export function unitBarsSpec(input: UnitBarsInput): VlSpec {
  const { bars, references } = input;
  const present = [...new Set(bars.map((b) => b.status))];
  const scales = statusScales(present);
  const data = bars.map((b) => ({
    unit: b.unit,
    unit_code: b.code,
    value: b.value,
    at: b.value ?? 0,
    light: STATUS_STYLE[b.status].label,
    label: b.label,
  }));
  const plotWidth = PAGE_WIDTH - 2 * 4 - axisRoom(bars.map((b) => b.unit));
  const { column, domainEnd: max } = labelColumn(bars, references.map((r) => r.x), plotWidth);
  for (const d of data) d.at = column;
  const height = SIZES.band * bars.length;
  const x = { field: 'at', type: 'quantitative', scale: { domain: [0, max], nice: false, zero: true } };
  const y = { field: 'unit', type: 'nominal', sort: bars.map((b) => b.unit), title: null, axis: { labelLimit: 0, ticks: false, domain: false, labelPadding: 6 } };

  // Reference labels sit above the plot. Where two lines are close the lower one's label goes
  // left of its line and the higher one's right, so the two never overlap.
  const sortedRefs = references.slice().sort((a, b) => a.x - b.x);
  const refData = sortedRefs.map((r, i) => ({ x: r.x, label: r.label, align: sortedRefs.length > 1 && i === 0 ? 'right' : 'left', color: r.color, dash: r.dash }));

  const rules: VlSpec[] = [];
  const layers = barLayers({ x, y, scales, axis: { title: input.xTitle, values: ticksUpTo(column) } });
  refData.forEach((r) => {
    rules.push({
      data: { values: [r] },
      mark: { type: 'rule', color: r.color, strokeDash: r.dash, strokeWidth: 1.3 },
      encoding: { x: { ...x, field: 'x' } },
    });
    layers.push({
      data: { values: [r] },
      mark: { type: 'text', align: r.align, baseline: 'bottom', dx: r.align === 'left' ? 3 : -3, y: -3, fontSize: SIZES.value, color: r.color },
      encoding: { x: { ...x, field: 'x' }, text: { field: 'label', type: 'nominal' } },
    });
  });

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(input.title, input.subtitle, { offset: 18 }),
    width: PAGE_WIDTH,
    height,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: chartConfig(),
    data: { values: data },
    // Rules first so that bars and value labels are drawn over them.
    layer: [...rules, ...layers],
    resolve: { scale: { x: 'shared' } },
  };
}

/**
 * The layers every bar chart of a band per unit (or division) draws: the bar coloured by its
 * light, a dotted leader from its end to the label column, the light's shape there and the label
 * after it. `markedOnly` draws the shape only for the data whose `marked` is true.
 */
export function barLayers(input: {
  x: Record<string, unknown>;
  y: Record<string, unknown>;
  scales: { color: unknown; shape: unknown };
  axis: { title: string; values: number[] };
  markedOnly?: boolean;
}): VlSpec[] {
  const { x, y, scales } = input;
  const marker: VlSpec = {
    mark: { type: 'point', filled: true, size: 50, opacity: 1 },
    encoding: {
      x,
      y,
      xOffset: { value: LABEL_GAP / 2 },
      color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
      shape: { field: 'light', type: 'nominal', scale: scales.shape, title: null },
    },
  };
  return [
    {
      mark: { type: 'bar', height: { band: 0.62 } },
      transform: [{ filter: 'isValid(datum.value)' }],
      encoding: {
        x: { ...x, field: 'value', axis: { title: input.axis.title, grid: true, values: input.axis.values, labelFlush: true } },
        y,
        color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
      },
    },
    {
      // A dotted leader from the bar's end to its label in the column.
      mark: { type: 'rule', color: '#BBBBBB', strokeDash: [1, 2], strokeWidth: 0.8 },
      transform: [{ filter: 'isValid(datum.value)' }],
      encoding: { x: { ...x, field: 'value' }, x2: { field: 'at' }, y },
    },
    input.markedOnly ? { transform: [{ filter: 'datum.marked' }], ...marker } : marker,
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: LABEL_GAP, fontSize: SIZES.value, color: INK.text },
      encoding: { x, y, text: { field: 'label', type: 'nominal' } },
    },
  ];
}

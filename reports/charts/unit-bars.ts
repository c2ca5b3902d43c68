import type { ReportRow } from '../mart';
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
export function rankedUnits(rows: ReportRow[]): ReportRow[] {
  return rows
    .filter((r) => r.unit_kind !== 'aggregate')
    .slice()
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.display_order - b.display_order);
}

/** Why a unit has no bar, in the words of the legend. */
export function missingLabel(row: ReportRow): string {
  if (row.status === 'missing' || row.status === 'no_data') return STATUS_STYLE[row.status].label;
  return STATUS_STYLE.no_target.label;
}

/** Space between a bar's end and its value label: the light's shape sits in it. */
const LABEL_GAP = 16;

/**
 * A domain end that leaves room, right of every bar, for its shape and label: with the real
 * label widths (measure.ts), bar i needs value_i / D · W + gap + label_i ≤ W.
 */
export function domainMax(bars: { value: number | null; label: string }[], references: number[], plotWidth: number): number {
  let need = Math.max(1, ...references.map((r) => r * 1.05));
  for (const b of bars) {
    const room = plotWidth - LABEL_GAP - textWidth(b.label, SIZES.value) - 4;
    const v = b.value ?? 0;
    if (v > 0) need = Math.max(need, room > 20 ? (v * plotWidth) / room : v * 3);
  }
  const step = need > 50 ? 10 : need > 20 ? 5 : need > 5 ? 1 : need > 2 ? 0.5 : 0.1;
  return Math.ceil(need / step - 1e-9) * step;
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
    value: b.value,
    at: b.value ?? 0,
    light: STATUS_STYLE[b.status].label,
    label: b.label,
  }));
  const plotWidth = PAGE_WIDTH - 2 * 4 - axisRoom(bars.map((b) => b.unit));
  const max = domainMax(bars, references.map((r) => r.x), plotWidth);
  const height = SIZES.band * bars.length;
  const x = { field: 'at', type: 'quantitative', scale: { domain: [0, max], nice: false, zero: true } };
  const y = { field: 'unit', type: 'nominal', sort: bars.map((b) => b.unit), title: null, axis: { labelLimit: 0, ticks: false, domain: false, labelPadding: 6 } };

  // Reference labels sit above the plot. Where two lines are close the lower one's label goes
  // left of its line and the higher one's right, so the two never overlap.
  const sortedRefs = references.slice().sort((a, b) => a.x - b.x);
  const refData = sortedRefs.map((r, i) => ({ x: r.x, label: r.label, align: sortedRefs.length > 1 && i === 0 ? 'right' : 'left', color: r.color, dash: r.dash }));

  const rules: VlSpec[] = [];
  const layers: VlSpec[] = [
    {
      mark: { type: 'bar', height: { band: 0.62 } },
      transform: [{ filter: 'isValid(datum.value)' }],
      encoding: {
        x: { ...x, field: 'value', axis: { title: input.xTitle, grid: true, tickCount: 5, labelFlush: true } },
        y,
        color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
      },
    },
    {
      mark: { type: 'point', filled: true, size: 50, opacity: 1 },
      encoding: {
        x,
        y,
        xOffset: { value: LABEL_GAP / 2 },
        color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
        shape: { field: 'light', type: 'nominal', scale: scales.shape, title: null },
      },
    },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: LABEL_GAP, fontSize: SIZES.value, color: INK.text },
      encoding: { x, y, text: { field: 'label', type: 'nominal' } },
    },
  ];
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

import type { ReportRow } from '../mart';
import { chartConfig, INK, PAGE_WIDTH, SIZES, STATUS_STYLE, statusScales, type Status } from './theme';
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

/** A domain end that leaves room for the value labels right of the longest bar. */
function domainMax(values: number[]): number {
  const top = Math.max(...values, 1);
  const step = top > 50 ? 20 : top > 20 ? 10 : top > 5 ? 2 : top > 2 ? 1 : 0.5;
  return Math.ceil((top * 1.28) / step) * step;
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
  const max = domainMax([...bars.map((b) => b.value ?? 0), ...references.map((r) => r.x)]);
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
      mark: { type: 'point', filled: true, size: 55, opacity: 1, strokeWidth: 1.6 },
      encoding: {
        x,
        y,
        xOffset: { value: 7 },
        color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
        shape: { field: 'light', type: 'nominal', scale: scales.shape, title: null },
      },
    },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 14, fontSize: SIZES.value, color: INK.text },
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
    title: { text: input.title, subtitle: input.subtitle, subtitlePadding: 4, offset: 18 },
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

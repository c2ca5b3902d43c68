import type { ProgressRow } from '../mart';
import { chartTitle } from './title';
import { chartConfig, PAGE_WIDTH, SIZES, STATUS_STYLE, statusScales, type Status } from './theme';
import type { Chart } from './types';
import { textWidth } from './measure';

/** Font size of the matrix labels: eleven unit columns must fit beside the indicator names. */
const LABEL_SIZE = 9;
const LABEL_PADDING = 4;
const PADDING = 2;
/** Least white space between two column labels. */
const COLUMN_GAP = 7;
const ROW_TWO_LINES = 24;
const LINE_HEIGHT = LABEL_SIZE + 1.5;

/** One line if it fits in `room` px, else two lines of about equal width, joined by `\n`. */
export function wrap(label: string, room: number): string[] {
  if (textWidth(label, LABEL_SIZE) <= room) return [label];
  const chars = [...label];
  let best = 1;
  let bestDiff = Infinity;
  for (let k = 1; k < chars.length; k++) {
    const a = textWidth(chars.slice(0, k).join(''), LABEL_SIZE);
    const b = textWidth(chars.slice(k).join(''), LABEL_SIZE);
    // Never start the second line with closing punctuation.
    if ('）)、，。”'.includes(chars[k])) continue;
    const diff = Math.abs(a - b);
    if (diff < bestDiff) [best, bestDiff] = [k, diff];
  }
  return [chars.slice(0, best).join(''), chars.slice(best).join('')];
}

/**
 * The lights at a glance: one row per indicator, one column per unit (the reporting units, then
 * the aggregates), and in each cell the light as a coloured shape (circle / triangle / square, so it
 * reads without colour). Units that did not report show a grey cross, not an empty cell.
 */
export function matrixChart(rows: ProgressRow[], which: 'main_targets' | 'other_indicators'): Chart {
  const picked = rows.filter((r) => (which === 'main_targets' ? r.main_target != null : r.main_target == null));
  const indicatorOrder: string[] = [];
  const labelOf = new Map<string, string>();
  for (const r of picked) {
    if (labelOf.has(r.indicator_code)) continue;
    const label = which === 'main_targets' ? `${r.main_target}. ${r.indicator_name}` : r.indicator_name;
    labelOf.set(r.indicator_code, label);
    indicatorOrder.push(label);
  }
  const units = [...new Map(picked.slice().sort((a, b) => a.unit_order - b.unit_order).map((r) => [r.unit_code, r])).values()];
  const unitOrder = units.map((u) => u.unit_short_name);
  const data = picked.map((r) => ({
    indicator: labelOf.get(r.indicator_code)!,
    unit: r.unit_short_name,
    unit_name: r.unit_name,
    unit_code: r.unit_code,
    indicator_code: r.indicator_code,
    aggregate: r.unit_kind === 'aggregate',
    light: STATUS_STYLE[r.status].label,
  }));
  const present = [...new Set(picked.map((r) => r.status))] as Status[];
  const scales = statusScales(present);

  // Columns wide enough that two neighbouring labels (centred: 经开区 beside 港区) stand clearly
  // apart; the indicator names get what is left, on two lines where one is too long.
  const widths = unitOrder.map((u) => textWidth(u, LABEL_SIZE));
  const pairNeed = Math.max(0, ...widths.slice(1).map((w, i) => (w + widths[i]) / 2 + COLUMN_GAP));
  const lineRoom = PAGE_WIDTH - 2 * PADDING - LABEL_PADDING - 2 - Math.ceil(pairNeed) * unitOrder.length;
  const lines = new Map(indicatorOrder.map((l) => [l, wrap(l, lineRoom)]));
  const labelRoom = Math.max(...[...lines.values()].flat().map((l) => textWidth(l, LABEL_SIZE))) + LABEL_PADDING + 2;
  const cell = Math.max(Math.ceil(pairNeed), Math.floor((PAGE_WIDTH - labelRoom - 2 * PADDING) / Math.max(1, unitOrder.length)));
  const twoLines = [...lines.values()].some((l) => l.length > 1);
  for (const d of data) d.indicator = lines.get(d.indicator)!.join('\n');
  const rowOrder = indicatorOrder.map((l) => lines.get(l)!.join('\n'));
  const title = which === 'main_targets' ? '主要目标亮灯情况' : '其他指标亮灯情况';
  const period = picked[0]?.period ?? '';
  const aggregates = units.filter((u) => u.unit_kind === 'aggregate').map((u) => u.unit_name);
  return {
    id: `matrix-${which}`,
    kind: 'matrix',
    indicators: [...labelOf.keys()],
    title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, [`${period.slice(0, 4)}年第${'一二三四'[Number(period.slice(-1)) - 1]}季度${aggregates.length ? `；${aggregates.join('、')}为汇总` : ''}`]),
      config: { ...chartConfig(), padding: PADDING, axis: { ...chartConfig().axis, labelFontSize: LABEL_SIZE }, legend: { ...chartConfig().legend, columns: 3 } },
      width: cell * unitOrder.length,
      height: (twoLines ? ROW_TWO_LINES : SIZES.matrixRow) * indicatorOrder.length,
      autosize: { type: 'pad' },
      data: { values: data },
      layer: [
        {
          mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: 1 },
          encoding: {
            x: { field: 'unit', type: 'nominal', sort: unitOrder },
            y: { field: 'indicator', type: 'nominal', sort: rowOrder },
            color: { condition: { test: 'datum.aggregate', value: '#EEF2F8' }, value: '#F6F6F6' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70, strokeWidth: 1.8 },
          encoding: {
            x: { field: 'unit', type: 'nominal', sort: unitOrder, title: null, axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false, labelPadding: 4, labelLimit: 0 } },
            y: {
              field: 'indicator', type: 'nominal', sort: rowOrder, title: null,
              // Long names carry a line break (see wrap); Vega draws a label array as lines.
              axis: { ticks: false, domain: false, labelLimit: 0, labelPadding: LABEL_PADDING, labelLineHeight: LINE_HEIGHT, labelExpr: "split(datum.label, '\\n')",
                // Vega sets a label's first line at the row's middle: lift two-line labels by half a line.
                labelOffset: { condition: { test: "indexof(datum.value, '\\n') >= 0", value: -LINE_HEIGHT / 2 }, value: 0 } },
            },
            color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
            shape: { field: 'light', type: 'nominal', scale: scales.shape, title: null },
          },
        },
      ],
      resolve: { axis: { x: 'shared', y: 'shared' } },
      background: '#FFFFFF',
    },
  };
}

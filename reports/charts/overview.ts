import type { ProgressRow } from '../mart';
import { leftOutSentence } from '../text/phrases';
import { chartTitle } from './title';
import { chartConfig, formatAmount, formatPercent, INK, PAGE_WIDTH, SIZES, STATUS_STYLE, statusScales, type Status } from './theme';
import { textWidth } from './measure';
import type { Chart, VlSpec } from './types';

const LABEL_GAP = 16;

/**
 * The city on every main target, one row each: for cumulative indicators a bullet (grey track
 * to 100% of the annual target, the completion bar, a dark tick at 序时进度); for rates and
 * levels, which have no time progress, the value against the threshold in words. Every row
 * carries its light as a shape as well as a colour.
 */
export function overviewChart(rows: ProgressRow[]): Chart {
  const city = rows.filter((r) => r.is_city && r.main_target != null);
  if (city.length === 0) throw new Error('overviewChart: no city rows for main targets');
  const data = city.map((r) => {
    const cumulative = r.kind === 'cumulative';
    const shown = r.status !== 'missing' && r.status !== 'no_data' && r.actual != null;
    const status: Status = shown ? r.status : r.status === 'missing' ? 'missing' : 'no_data';
    const bar = cumulative && shown ? r.completion_pct : null;
    return {
      row: `${r.main_target}. ${r.indicator_name}`,
      indicator_code: r.indicator_code,
      bar,
      at: bar ?? 0,
      expected: cumulative ? r.expected_pct : null,
      track: cumulative ? 100 : null,
      light: STATUS_STYLE[status].label,
      label: rowLabel(r, shown, status),
    };
  });
  const order = data.map((d) => d.row);
  const present = [...new Set(data.map((d) => {
    const r = city.find((c) => `${c.main_target}. ${c.indicator_name}` === d.row)!;
    return r.status !== 'missing' && r.status !== 'no_data' && r.actual != null ? r.status : r.status === 'missing' ? 'missing' : 'no_data';
  }))] as Status[];
  const scales = statusScales(present);
  // Every label starts in one column right of the longest bar, so none crosses a tick or a track.
  const column = Math.max(100, ...data.map((d) => d.bar ?? 0));
  const plotWidth = PAGE_WIDTH - 8 - Math.max(...order.map((l) => textWidth(l, SIZES.label))) - 8;
  const labelWidth = Math.max(...data.map((d) => textWidth(d.label, SIZES.value)));
  const domainEnd = (column * plotWidth) / Math.max(plotWidth * 0.4, plotWidth - LABEL_GAP - labelWidth - 6);
  const x = { field: 'at', type: 'quantitative', scale: { domain: [0, Math.ceil(domainEnd)], nice: false } };
  for (const d of data) d.at = column;
  const y = { field: 'row', type: 'nominal', sort: order, title: null, axis: { labelLimit: 0, ticks: false, domain: false, labelPadding: 6 } };
  const period = city[0].period;
  const incomplete = city.find((r) => r.incomplete && r.missing_units);
  const cityName = city[0].unit_name;
  const subtitle = [`${period.slice(0, 4)}年第${'一二三四'[Number(period.slice(-1)) - 1]}季度，${cityName}；累计指标为完成年度目标的比例，黑色短线为序时进度`];
  if (incomplete) subtitle.push(leftOutSentence(incomplete.missing_units!.split('、'), cityName));

  const layers: VlSpec[] = [
    {
      transform: [{ filter: 'isValid(datum.track)' }],
      mark: { type: 'bar', color: INK.track, height: { band: 0.7 } },
      encoding: { x: { ...x, field: 'track', axis: null }, y },
    },
    {
      transform: [{ filter: 'isValid(datum.bar)' }],
      mark: { type: 'bar', height: { band: 0.38 } },
      encoding: { x: { ...x, field: 'bar', axis: null }, y, color: { field: 'light', type: 'nominal', scale: scales.color, title: null } },
    },
    {
      transform: [{ filter: 'isValid(datum.expected)' }],
      mark: { type: 'tick', color: INK.reference, thickness: 2.5, bandSize: 15 },
      encoding: { x: { ...x, field: 'expected', axis: null }, y },
    },
    {
      mark: { type: 'point', filled: true, size: 50 },
      encoding: {
        x: { ...x, axis: null },
        y,
        xOffset: { value: LABEL_GAP / 2 },
        color: { field: 'light', type: 'nominal', scale: scales.color, title: null },
        shape: { field: 'light', type: 'nominal', scale: scales.shape, title: null },
      },
    },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: LABEL_GAP, fontSize: SIZES.value, color: INK.text },
      encoding: { x: { ...x, axis: null }, y, text: { field: 'label', type: 'nominal' } },
    },
  ];
  const title = `主要目标完成情况（${cityName}）`;
  return {
    id: 'overview-main_targets',
    kind: 'overview',
    indicators: [...new Set(city.map((r) => r.indicator_code))],
    title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, subtitle),
      config: chartConfig(),
      width: PAGE_WIDTH,
      height: SIZES.band * data.length,
      autosize: { type: 'fit-x', contains: 'padding' },
      data: { values: data },
      layer: layers,
    },
  };
}

function rowLabel(r: ProgressRow, shown: boolean, status: Status): string {
  if (!shown) return STATUS_STYLE[status].label;
  if (r.kind === 'cumulative') {
    if (r.completion_pct == null) return `${formatAmount(r.actual!, r.unit_of_measure)}（无目标）`;
    return `${formatPercent(r.completion_pct)}（${formatAmount(r.actual!, r.unit_of_measure)}）`;
  }
  const value = formatAmount(r.actual!, r.unit_of_measure);
  if (r.target == null) return `${value}（无目标）`;
  const sign = r.direction === 'max' ? '≤' : '≥';
  return `${value}（目标${sign}${formatAmount(r.target, r.unit_of_measure)}）`;
}

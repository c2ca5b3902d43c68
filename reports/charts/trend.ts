import type { ProgressRow } from '../mart';
import { chartTitle } from './title';
import { chartConfig, formatAmount, formatPercent, INK, PAGE_WIDTH, quarterLabel, SIZES, STATUS_STYLE, statusScales, type Status } from './theme';
import type { Chart, VlSpec } from './types';

const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];
/** Room left of each panel for the y-axis labels ("100%", "190万"): the panels are fixed-width. */
const AXIS_ROOM = 52;
const PANEL_HEIGHT = 110;
const BAR_WIDTH = 34;
const TICK_WIDTH = BAR_WIDTH + 12;

/**
 * The city's quarterly progress on one main target (主要目标): one panel per indicator of that
 * target, one bar per quarter of the year so far. Cumulative indicators show completion of the
 * annual target against the schedule (序时进度, a dark tick on each quarter); rates and levels
 * show the value against the threshold or floor (a dashed rule).
 */
export function trendChart(history: ProgressRow[], mainTarget: number, period: string): Chart {
  const year = period.slice(0, 4);
  const rows = history.filter((r) => r.is_city && r.main_target === mainTarget && r.period.startsWith(year) && r.period <= period);
  const codes = [...new Set(rows.map((r) => r.indicator_code))];
  if (codes.length === 0) throw new Error(`trendChart: no city rows for main target ${mainTarget}`);
  const title = `主要目标${mainTarget}季度进展（${rows[0].unit_name}）`;
  const panels = codes.map((code) => panel(rows.filter((r) => r.indicator_code === code)));
  return {
    id: `trend-main_target_${mainTarget}`,
    kind: 'trend',
    indicators: codes,
    title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, subtitleFor(rows)),
      config: chartConfig(),
      autosize: { type: 'pad' },
      spacing: 14,
      vconcat: panels,
      resolve: { scale: { color: 'independent', shape: 'independent', y: 'independent' } },
    },
  };
}

function subtitleFor(rows: ProgressRow[]): string[] {
  const kinds = new Set(rows.map((r) => r.kind));
  const parts: string[] = [];
  if (kinds.has('cumulative')) parts.push('累计指标为完成年度目标的比例，黑色短线为序时进度');
  if (kinds.has('rate') || kinds.has('level')) parts.push(`${kinds.has('rate') ? '比率' : '保有量'}指标为实际值，黑色短线为目标`);
  return [parts.join('；'), '● 绿灯（正常）  ▲ 黄灯（提醒）  ■ 红灯（警示）'];
}

interface Point {
  quarter: string;
  /** The period code (2023Q2), for whatever reads the data by period: the page's tooltips. */
  period: string;
  value: number | null;
  at: number;
  label: string;
  light: string;
  reference: number | null;
  /** Where the label sits: the higher of bar and reference. */
  top: number;
}

function panel(rows: ProgressRow[]): VlSpec {
  const first = rows[0];
  const cumulative = first.kind === 'cumulative';
  const level = first.kind === 'level';
  const byPeriod = rows.slice().sort((a, b) => a.period.localeCompare(b.period));
  // Stocks of 10,000 and more are drawn in 万 (万亩), the unit the labels use.
  const inTenThousands = level && byPeriod.some((r) => Math.abs(r.actual ?? 0) >= 10000 || Math.abs(r.target ?? 0) >= 10000);
  const scale = inTenThousands ? 1 / 10000 : 1;
  const points: Point[] = byPeriod.map((r) => {
    const value = cumulative ? r.completion_pct : r.actual == null ? null : r.actual * scale;
    const shown = value != null && r.status !== 'missing' && r.status !== 'no_data';
    const status: Status = shown ? r.status : r.status === 'missing' ? 'missing' : 'no_data';
    return {
      quarter: quarterLabel(r.period),
      period: r.period,
      value: shown ? value : null,
      at: shown ? value! : 0,
      // The light's shape leads the label, so the bar's colour is never the only cue.
      label: shown ? `${STATUS_STYLE[status].glyph} ${cumulative || !level ? formatPercent(value!) : formatAmount(r.actual!, r.unit_of_measure)}` : STATUS_STYLE[status].label,
      light: STATUS_STYLE[status].label,
      reference: cumulative ? r.expected_pct : r.target == null ? null : r.target * scale,
      top: 0,
    };
  });
  for (const p of points) p.top = Math.max(p.at, p.reference ?? 0);
  const statuses = [...new Set(byPeriod.map((r, i) => (points[i].value == null ? (r.status === 'missing' ? 'missing' : 'no_data') : r.status)))] as Status[];
  const scales = statusScales(statuses);
  const refs = points.filter((p) => p.reference != null).map((p) => p.reference!);
  const top = Math.max(...points.map((p) => p.at), ...refs, cumulative ? 100 : 0, 1);
  const x = { field: 'quarter', type: 'ordinal', scale: { domain: QUARTERS }, axis: { title: null, labelAngle: 0, ticks: false } };
  const yScale = level ? { zero: true, domain: [0, top * 1.18] } : { domain: [0, niceTop(top * 1.18)], nice: false };
  const yAxis = level
    ? { title: null, tickCount: 4, format: ',.0f', grid: true }
    : { title: null, tickCount: 4, labelExpr: "datum.value + '%'", grid: true };
  const y = { field: 'at', type: 'quantitative', scale: yScale, axis: yAxis };
  const kindNote = cumulative ? '完成年度目标' : level ? `实际值，${inTenThousands ? '万' : ''}${first.unit_of_measure}` : '实际值';
  const refNote = points.some((p) => p.reference != null) ? '' : first.target == null && !cumulative ? '，无目标' : '';

  const layers: VlSpec[] = [
    {
      mark: { type: 'bar', width: BAR_WIDTH },
      transform: [{ filter: 'isValid(datum.value)' }],
      encoding: { x, y, color: { field: 'light', type: 'nominal', scale: scales.color, legend: null } },
    },
    {
      // Above both the bar and its reference tick, so a label never crosses a line; a band
      // (390 / 4 px) is wider than the longest label ("■ 189.58万亩").
      mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -4, fontSize: SIZES.value, color: INK.text },
      encoding: { x, y: { ...y, field: 'top' }, text: { field: 'label', type: 'nominal' } },
    },
  ];
  // The reference (序时进度, or the threshold / floor) as a short dark line on each quarter's bar:
  // a full-width rule would run through the value labels.
  layers.push({
    transform: [{ filter: 'isValid(datum.reference)' }],
    mark: { type: 'tick', color: INK.reference, thickness: 2 },
    encoding: { x, y: { ...y, field: 'reference' }, size: { value: TICK_WIDTH } },
  });
  return {
    title: { text: `${first.indicator_name}（${kindNote}${refNote}）`, fontSize: SIZES.label + 1, fontWeight: 'normal', anchor: 'start', offset: 6, color: INK.text },
    width: PAGE_WIDTH - AXIS_ROOM,
    height: PANEL_HEIGHT,
    data: { values: points },
    layer: layers,
  };
}

function niceTop(v: number): number {
  const step = v > 100 ? 20 : v > 20 ? 10 : v > 5 ? 2 : 0.5;
  return Math.ceil(v / step) * step;
}

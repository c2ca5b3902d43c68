import type { KeyTaskStatusInfo, KeyTaskSummaryRow } from '../mart';
import { KEY_TASK_AXIS, KEY_TASK_CHART_TITLE, milestoneCount, sectionLabel, sectionsNote } from '../text/key-task-charts';
import { keyTaskStatusScales, type KeyTaskStatus } from './key-task-theme';
import { textWidth } from './measure';
import { chartTitle } from './title';
import { chartConfig, INK, PAGE_WIDTH, SIZES } from './theme';
import type { Chart, VlSpec } from './types';

/** Room between a bar's end and its total. */
const TOTAL_GAP = 4;
/** A segment's shape sits this far in from its left edge when its count is written beside it. */
const SHAPE_INSET = 7;
const COUNT_INSET = 14;

/** One status of one section: a segment of the section's bar. */
interface Segment {
  section: string;
  status: string;
  count: number;
  /** Where the segment starts and ends, in milestones (the statuses stacked in the seed's order). */
  x0: number;
  x1: number;
  mid: number;
  /** Wide enough for its count beside its shape; else the shape alone, centred. */
  counted: boolean;
}

/**
 * 重点工作节点进展情况（分板块）: one stacked bar per section of 三、重点工作, its milestones counted
 * by status as mart_key_task_summary counts them (the section rows), in the seed's status order.
 * Each segment carries its status's shape (in ink, so it shows on every colour) and, where
 * it is wide enough, its count; the section's total stands after the bar. Positions are laid out
 * here (the segments' starts and ends); every figure is the mart's.
 */
export function keyTaskSectionsChart(summary: readonly KeyTaskSummaryRow[], statuses: readonly KeyTaskStatusInfo[], periodLabel: string): Chart {
  const sections = summary.filter((r) => r.scope_kind === 'section').sort((a, b) => a.display_order - b.display_order);
  if (sections.length === 0) throw new Error('keyTaskSectionsChart: no section rows');
  const city = summary.find((r) => r.scope_kind === 'city');
  const ordered = [...statuses].sort((a, b) => a.status_order - b.status_order);
  const labels = sections.map((s) => sectionLabel(s.scope_code, s.scope_name));
  const totals = sections.map((s) => milestoneCount(s.milestones));

  const axisRoom = Math.max(...labels.map((l) => textWidth(l, SIZES.label))) + 6 + 2;
  const plotWidth = PAGE_WIDTH - 2 * 4 - axisRoom;
  const longest = Math.max(1, ...sections.map((s) => s.milestones));
  const widestTotal = Math.max(...totals.map((t) => textWidth(t, SIZES.value)));
  const domainEnd = (longest * plotWidth) / Math.max(plotWidth * 0.5, plotWidth - TOTAL_GAP - widestTotal - 4);
  const perMilestone = plotWidth / domainEnd;

  const segments: Segment[] = [];
  sections.forEach((s, i) => {
    let at = 0;
    for (const status of ordered) {
      const count = s[status.status_code as KeyTaskStatus];
      if (!count) continue;
      const width = count * perMilestone;
      segments.push({
        section: labels[i],
        status: status.status_name,
        count,
        x0: at,
        x1: at + count,
        mid: at + count / 2,
        counted: width >= COUNT_INSET + textWidth(String(count), SIZES.value) + 3,
      });
      at += count;
    }
  });
  const scales = keyTaskStatusScales(statuses);
  // A shape as large as a one-milestone segment allows, and never larger than the indicator charts'.
  const symbolSize = Math.round(Math.min(44, (perMilestone * 0.72) ** 2));
  const x = { type: 'quantitative', scale: { domain: [0, domainEnd], nice: false, zero: true } };
  const y = { field: 'section', type: 'nominal', sort: labels, title: null, axis: { labelLimit: 0, ticks: false, domain: false, labelPadding: 6 } };
  const shape = { field: 'status', type: 'nominal', scale: scales.shape, title: null };
  const ticks = integerTicks(longest);

  const layers: VlSpec[] = [
    {
      mark: { type: 'bar', height: { band: 0.62 }, stroke: '#FFFFFF', strokeWidth: 0.6 },
      encoding: {
        x: { ...x, field: 'x0', axis: { title: KEY_TASK_AXIS.milestones, grid: true, values: ticks, format: 'd', labelFlush: true } },
        x2: { field: 'x1' },
        y,
        color: { field: 'status', type: 'nominal', scale: scales.color, title: null },
      },
    },
    {
      transform: [{ filter: '!datum.counted' }],
      mark: { type: 'point', filled: true, size: symbolSize, fill: INK.text, opacity: 1 },
      encoding: { x: { ...x, field: 'mid' }, y, shape },
    },
    {
      transform: [{ filter: 'datum.counted' }],
      mark: { type: 'point', filled: true, size: symbolSize, fill: INK.text, opacity: 1 },
      encoding: { x: { ...x, field: 'x0' }, xOffset: { value: SHAPE_INSET }, y, shape },
    },
    {
      transform: [{ filter: 'datum.counted' }],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: COUNT_INSET, fontSize: SIZES.value, color: INK.text },
      encoding: { x: { ...x, field: 'x0' }, y, text: { field: 'count', type: 'quantitative' } },
    },
    {
      data: { values: sections.map((s, i) => ({ section: labels[i], total: s.milestones, label: totals[i] })) },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: TOTAL_GAP, fontSize: SIZES.value, color: INK.text },
      encoding: { x: { ...x, field: 'total' }, y, text: { field: 'label', type: 'nominal' } },
    },
    {
      // The legend only (colour and shape of each status, in the seed's order): invisible in the plot.
      data: { values: ordered.map((s) => ({ status: s.status_name, at: 0, section: labels[0] })) },
      mark: { type: 'point', filled: true, opacity: 0 },
      encoding: {
        x: { ...x, field: 'at' },
        y,
        color: { field: 'status', type: 'nominal', scale: scales.color, title: null },
        shape: { field: 'status', type: 'nominal', scale: scales.shape, title: null },
      },
    },
  ];
  const title = KEY_TASK_CHART_TITLE.sections;
  return {
    id: 'keytask-status_by_section',
    kind: 'keytask',
    indicators: [],
    title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, sectionsNote(periodLabel, city)),
      // Three to a row; each symbol outlined in ink, so a hollow shape on a light tint still shows.
      config: { ...chartConfig(), legend: { ...chartConfig().legend, columns: 3, symbolStrokeColor: INK.text, symbolStrokeWidth: 0.6, columnPadding: 18 } },
      width: PAGE_WIDTH,
      height: SIZES.band * sections.length,
      autosize: { type: 'fit-x', contains: 'padding' },
      data: { values: segments },
      layer: layers,
      resolve: { scale: { x: 'shared' } },
    },
  };
}

/** Whole-number ticks from 0 to about `end` (a count has no 2.5). */
function integerTicks(end: number): number[] {
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => end / s <= 6) ?? Math.ceil(end / 5);
  const ticks: number[] = [];
  for (let v = 0; v <= end; v += step) ticks.push(v);
  return ticks;
}

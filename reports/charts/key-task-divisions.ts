import type { KeyTaskSummaryRow } from '../mart';
import { cityRateLabel, divisionRateLabel, divisionsNote, KEY_TASK_AXIS, KEY_TASK_CHART_TITLE, KEY_TASK_LIGHT_LABEL } from '../text/key-task-charts';
import { KEY_TASK_LIGHT_ORDER, KEY_TASK_LIGHT_STYLE, type KeyTaskLight } from './key-task-theme';
import { textWidth } from './measure';
import { chartTitle } from './title';
import { chartConfig, INK, PAGE_WIDTH, SIZES } from './theme';
import type { Chart, VlSpec } from './types';
import { barLayers, labelColumn, ticksUpTo } from './unit-bars';

/**
 * 各牵头处室节点按期完成率: one band per division (mart_key_task_summary's division rows), its
 * on-time rate as a bar coloured by the division's light with the light's shape at its end, the
 * city's rate as a rule. A division with nothing due yet has no rate (the mart's null): it keeps
 * its band without a bar and says 暂无到期节点, so it is never drawn as a zero; one that leads no
 * task says so. Highest rate first, ties and the divisions without a rate in display order.
 */
export function keyTaskDivisionsChart(summary: readonly KeyTaskSummaryRow[], periodLabel: string): Chart {
  const divisions = summary
    .filter((r) => r.scope_kind === 'division')
    .sort((a, b) => (b.on_time_rate ?? -1) - (a.on_time_rate ?? -1) || a.display_order - b.display_order);
  if (divisions.length === 0) throw new Error('keyTaskDivisionsChart: no division rows');
  const city = summary.find((r) => r.scope_kind === 'city');
  const light = (r: KeyTaskSummaryRow): KeyTaskLight => r.light ?? 'grey';
  const data = divisions.map((r) => ({
    division: r.scope_name,
    value: r.on_time_rate,
    at: 0,
    light: KEY_TASK_LIGHT_LABEL[light(r)],
    label: divisionRateLabel(r),
    // No rate, no shape: the words say why (a shape at 0 would read as a zero).
    marked: r.on_time_rate !== null,
  }));
  const drawn = KEY_TASK_LIGHT_ORDER.filter((l) => divisions.some((r) => r.on_time_rate !== null && light(r) === l));
  const present = drawn.length > 0 ? drawn : KEY_TASK_LIGHT_ORDER;
  const scales = {
    color: { domain: present.map((l) => KEY_TASK_LIGHT_LABEL[l]), range: present.map((l) => KEY_TASK_LIGHT_STYLE[l].color) },
    shape: { domain: present.map((l) => KEY_TASK_LIGHT_LABEL[l]), range: present.map((l) => KEY_TASK_LIGHT_STYLE[l].shape) },
  };
  const references = city && city.on_time_rate !== null ? [city.on_time_rate] : [];
  const axisRoom = Math.max(...data.map((d) => textWidth(d.division, SIZES.label))) + 6 + 2;
  const plotWidth = PAGE_WIDTH - 2 * 4 - axisRoom;
  // Rates end at 100: the label column stands right of the longest possible bar.
  const { column, domainEnd } = labelColumn([...data, { value: 100, label: '' }], references, plotWidth);
  for (const d of data) d.at = column;
  const x = { field: 'at', type: 'quantitative', scale: { domain: [0, domainEnd], nice: false, zero: true } };
  const y = { field: 'division', type: 'nominal', sort: data.map((d) => d.division), title: null, axis: { labelLimit: 0, ticks: false, domain: false, labelPadding: 6 } };

  const layers = barLayers({ x, y, scales, axis: { title: KEY_TASK_AXIS.onTimeRate, values: ticksUpTo(100) }, markedOnly: true });
  const rules: VlSpec[] = [];
  if (city && city.on_time_rate !== null) {
    const ref = { x: city.on_time_rate, label: cityRateLabel(city) };
    rules.push({ data: { values: [ref] }, mark: { type: 'rule', color: INK.city, strokeWidth: 1.3 }, encoding: { x: { ...x, field: 'x' } } });
    layers.push({
      data: { values: [ref] },
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, y: -3, fontSize: SIZES.value, color: INK.city },
      encoding: { x: { ...x, field: 'x' }, text: { field: 'label', type: 'nominal' } },
    });
  }
  const title = KEY_TASK_CHART_TITLE.divisions;
  return {
    id: 'keytask-division_on_time_rate',
    kind: 'keytask',
    indicators: [],
    title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, divisionsNote(periodLabel, city), { offset: 18 }),
      width: PAGE_WIDTH,
      height: SIZES.band * data.length,
      autosize: { type: 'fit-x', contains: 'padding' },
      config: chartConfig(),
      data: { values: data },
      layer: [...rules, ...layers],
      resolve: { scale: { x: 'shared' } },
    },
  };
}

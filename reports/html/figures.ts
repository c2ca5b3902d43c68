import { quarterLabel } from '../charts/theme';
import type { Chart } from '../charts/types';
import { rankedUnits } from '../charts/unit-bars';
import type { ProgressRow } from '../mart';
import { keyTaskStatusName, rowsOfIndicator } from '../model/lookup';
import { KEY_TASK_SECTIONS_CHART } from '../charts/choose';
import { percent } from '../format';
import { COUNTS_SENTENCE_ORDER } from '../text/key-tasks';
import { rowFigures } from './cells';
import type { QuarterContext } from './context';
import { el, text } from './markup';
import { cell, statusCell, table, type Column, type Row } from './tables';
import { htmlMessages } from '../../pipelines/messages';

/**
 * A chart on the page: the place the page's script draws it into (its spec is in the quarter's
 * data), the caption 图N　…, and the chart's figures as a table behind a toggle, for screen
 * readers, keyboards and anyone who wants the numbers rather than the bars.
 */
export function figure(ctx: QuarterContext, chart: Chart): string {
  const n = ctx.place(chart);
  const tableId = ctx.id(`data-${chart.id}`);
  return el(
    'figure',
    { class: `chart ${chart.kind}`, id: ctx.id(chart.id) },
    el('div', { class: 'vis', 'data-chart': chart.id, role: 'img', 'aria-label': chart.title }),
    el('figcaption', {}, text(`图${n}　${chart.title}`)),
    el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': tableId }, htmlMessages.dataTable),
    el('div', { class: 'chart-data', id: tableId, hidden: true }, chartTable(ctx, chart)),
  );
}

/** The figures a chart draws, as a table. */
export function chartTable(ctx: QuarterContext, chart: Chart): string {
  const { model } = ctx;
  if (chart.kind === 'rank' || chart.kind === 'rate') {
    const rows = rankedUnits(rowsOfIndicator(model, chart.indicators[0]));
    const cumulative = rows[0]?.kind === 'cumulative';
    const columns: Column[] = [
      { label: '排名', sort: 'num' },
      { label: '单位', sort: 'text', left: true },
      ...(cumulative ? [{ label: '完成率', sort: 'num' as const }, { label: '累计完成', sort: 'num' as const }] : [{ label: '实际值', sort: 'num' as const }]),
      { label: '亮灯', sort: 'num' },
    ];
    return table(columns, rows.map((r) => {
      const f = rowFigures(r);
      return {
        unit: r.unit_code,
        cells: [
          cell(r.rank === null ? '—' : String(r.rank), r.rank),
          cell(r.unit_name, r.unit_name),
          ...(cumulative ? [cell(f.pct, r.completion_pct), cell(f.value, r.actual)] : [cell(f.value, r.actual)]),
          statusCell(r.status),
        ],
      };
    }));
  }
  if (chart.kind === 'overview') {
    const rows = model.rows.filter((r) => r.is_city && r.main_target !== null);
    return table(
      [{ label: '指标', left: true }, { label: '累计完成（实际值）' }, { label: '目标' }, { label: '完成率' }, { label: '序时进度' }, { label: '亮灯' }],
      rows.map((r) => {
        const f = rowFigures(r);
        return { cells: [cell(`${r.main_target}. ${r.indicator_name}`), f.value, f.target, f.pct, f.expected, statusCell(r.status)] };
      }),
    );
  }
  if (chart.kind === 'matrix') return matrixTable(ctx, chart);
  if (chart.kind === 'keytask') return keyTaskTable(ctx, chart);
  return trendTable(ctx, chart);
}

/** The lights matrix as a table: one row per indicator, a column per unit (short names), the light in each cell. */
function matrixTable(ctx: QuarterContext, chart: Chart): string {
  const { model } = ctx;
  const codes = new Set(chart.indicators);
  const units = model.units;
  const columns: Column[] = [{ label: '指标', left: true }, ...units.map((u) => ({ label: u.shortName }))];
  const rows: Row[] = model.indicators.filter((i) => codes.has(i.code)).map((ind) => ({
    cells: [
      cell(ind.name),
      ...units.map((u) => {
        const r = ctx.row(u.code, ind.code);
        return r ? { ...statusCell(r.status), className: `u-${u.code}` } : '';
      }),
    ],
  }));
  return table(columns, rows, { className: 'matrix-table' });
}

/** The city's quarters on the main target's indicators. */
function trendTable(ctx: QuarterContext, chart: Chart): string {
  const { model } = ctx;
  const all: ProgressRow[] = [...model.history, ...model.rows].filter((r) => r.is_city && chart.indicators.includes(r.indicator_code));
  const ordered = chart.indicators.flatMap((code) => all.filter((r) => r.indicator_code === code).sort((a, b) => a.period.localeCompare(b.period)));
  return table(
    [{ label: '指标', left: true }, { label: '季度' }, { label: '累计完成（实际值）' }, { label: '完成率' }, { label: '序时进度' }, { label: '目标' }, { label: '亮灯' }],
    ordered.map((r) => {
      const f = rowFigures(r);
      return { cells: [cell(r.indicator_name), quarterLabel(r.period), f.value, f.pct, f.expected, f.target, statusCell(r.status)] };
    }),
  );
}

/** A key-task chart's figures: each section's (or division's) milestones by status, in the counts sentence's order, and its on-time rate. */
function keyTaskTable(ctx: QuarterContext, chart: Chart): string {
  const { model } = ctx;
  const kind = chart.id === KEY_TASK_SECTIONS_CHART ? 'section' : 'division';
  const rows = model.keyTasks.summary.filter((s) => s.scope_kind === kind);
  const columns: Column[] = [
    { label: kind === 'section' ? '任务板块' : '牵头处室', sort: 'text', left: true },
    ...COUNTS_SENTENCE_ORDER.map((code) => ({ label: keyTaskStatusName(model, code), sort: 'num' as const })),
    { label: '节点按期完成率', sort: 'num' },
  ];
  return table(columns, rows.map((r) => ({
    cells: [
      cell(kind === 'section' ? `${r.scope_code}、${r.scope_name}` : r.scope_name, r.display_order),
      ...COUNTS_SENTENCE_ORDER.map((code) => cell(String(r[code]), r[code])),
      cell(r.on_time_rate === null ? '—' : percent(r.on_time_rate), r.on_time_rate),
    ],
  })));
}

import { percent } from '../format';
import type { KeyTaskSummaryRow } from '../mart';

/**
 * The words of the key-task charts (titles, notes, labels): in one place, like the bulletin's
 * sentences (key-tasks.ts beside this file). Figures come formatted by reports/format.ts.
 */

export const KEY_TASK_CHART_TITLE = {
  sections: '重点工作节点进展情况（分板块）',
  divisions: '各牵头处室节点按期完成率',
} as const;

/**
 * A section named in a narrow place: its numeral and the first clause of its title
 * (一、提升规划刚性), or the whole title where it has no short first clause.
 */
export function sectionLabel(section: string, title: string): string {
  const first = title.split(/[，,]/)[0];
  return `${section}、${first.length >= 2 && first.length <= 8 ? first : title}`;
}

/** `2023年第二季度，全市共138个节点；条内图形为节点状态：实心为已完成，空心为推进中` */
export function sectionsNote(periodLabel: string, city: KeyTaskSummaryRow | undefined): string[] {
  const total = city ? `，${city.scope_name}共${city.milestones}个节点` : '';
  return [`${periodLabel}${total}；条内图形为节点状态：实心为已完成，空心为推进中`];
}

/** The notes under the division chart: what the rate is, and the city's. */
export function divisionsNote(periodLabel: string, city: KeyTaskSummaryRow | undefined): string[] {
  const cityRate = city && city.on_time_rate !== null ? `，${city.scope_name}${percent(city.on_time_rate)}` : '';
  return [`${periodLabel}${cityRate}；节点按期完成率为到期节点中按期完成的比例，未报送的到期节点计为未按期完成`, '颜色和图形为处室节点中最差的状态'];
}

/** The label after a division's bar: its rate and how many milestones were due, or why there is no rate. */
export function divisionRateLabel(row: KeyTaskSummaryRow): string {
  if (row.milestones === 0) return '无牵头任务';
  if (row.on_time_rate === null) return '暂无到期节点';
  const silent = row.not_reported === row.milestones ? '，未报送' : '';
  return `${percent(row.on_time_rate)}（到期${row.due_count}个${silent}）`;
}

/** The city's rate as the reference line says it. */
export function cityRateLabel(city: KeyTaskSummaryRow): string {
  return `${city.scope_name} ${percent(city.on_time_rate)}`;
}

/** A scope's light in the legend of the division chart. */
export const KEY_TASK_LIGHT_LABEL = {
  green: '按期或序时推进',
  yellow: '有逾期完成或滞后序时',
  red: '有逾期未完成',
  grey: '有未报送',
} as const;

export const KEY_TASK_AXIS = {
  milestones: '节点数（个）',
  onTimeRate: '节点按期完成率（%）',
} as const;

/** The number after a section's bar. */
export function milestoneCount(n: number): string {
  return `${n}个`;
}

import type { BulletinModel, MainTarget } from '../model/types';
import type { Chart } from './types';

/** The key-task chart the bulletin prints (the divisions' on-time rates are in the chart files only). */
export const KEY_TASK_SECTIONS_CHART = 'keytask-status_by_section';

/**
 * The charts the bulletin prints, chosen from every chart of the period: the main-target
 * overview under 二, and one chart per main target under 三 (the ranking or rate chart of its
 * first indicator that has one, else its quarterly trend). A bulletin of 27 charts would read as
 * a chart book. The overview and the trends show the city's figures: a one-unit bulletin keeps
 * only the charts that compare every unit (its own bar among them).
 *
 * Under 四、重点工作推进情况 the city bulletin prints the milestones' status by section, unless no
 * milestone was reported at all (a chart of grey bars says nothing the sentence does not). A
 * one-unit bulletin lists its few tasks in a table instead: the chart is the city's.
 */
export function bulletinChartsOf(model: Pick<BulletinModel, 'scope' | 'mainTargets'> & Partial<Pick<BulletinModel, 'keyTasks'>>, offered: readonly Chart[]): Chart[] {
  const usable = model.scope.isCity ? offered : offered.filter((c) => c.kind === 'rank' || c.kind === 'rate');
  const chosen: Chart[] = [];
  const overview = usable.find((c) => c.kind === 'overview');
  if (overview) chosen.push(overview);
  for (const target of model.mainTargets) {
    const compared = target.indicators.map((ind) => unitChartOf(usable, ind.code)).find((c): c is Chart => c !== undefined);
    const pick = compared ?? trendChartOf(usable, target);
    if (pick && !chosen.includes(pick)) chosen.push(pick);
  }
  const sections = usable.find((c) => c.id === KEY_TASK_SECTIONS_CHART);
  if (sections && someoneReported(model)) chosen.push(sections);
  return chosen;
}

/** The chart that compares the units on an indicator (its ranking, or its rate against the line), if one is offered. */
export function unitChartOf(charts: readonly Chart[], indicator: string): Chart | undefined {
  return charts.find((c) => (c.kind === 'rank' || c.kind === 'rate') && c.indicators.includes(indicator));
}

/** A main target's quarterly trend, where none of its indicators has a chart that compares the units. */
export function trendChartOf(charts: readonly Chart[], target: Pick<MainTarget, 'number' | 'indicators'>): Chart | undefined {
  if (target.indicators.some((ind) => unitChartOf(charts, ind.code))) return undefined;
  return charts.find((c) => c.kind === 'trend' && c.id === `trend-main_target_${target.number}`);
}

/** Whether any milestone of the period has a report (mart_key_task_summary's city row: not all 未报送). */
export function someoneReported(model: Partial<Pick<BulletinModel, 'keyTasks'>>): boolean {
  const city = model.keyTasks?.summary.find((r) => r.scope_kind === 'city');
  return city !== undefined && city.milestones > 0 && city.not_reported < city.milestones;
}

import type { BulletinModel } from '../model/types';
import type { Chart } from './types';

/**
 * The charts the bulletin prints, chosen from every chart of the period: the main-target
 * overview under 二, and one chart per main target under 三 (the ranking or rate chart of its
 * first indicator that has one, else its quarterly trend). A bulletin of 27 charts would read as
 * a chart book. The overview and the trends show the city's figures: a one-unit bulletin keeps
 * only the charts that compare every unit (its own bar among them).
 */
export function bulletinChartsOf(model: Pick<BulletinModel, 'scope' | 'mainTargets'>, offered: readonly Chart[]): Chart[] {
  const usable = model.scope.isCity ? offered : offered.filter((c) => c.kind === 'rank' || c.kind === 'rate');
  const chosen: Chart[] = [];
  const overview = usable.find((c) => c.kind === 'overview');
  if (overview) chosen.push(overview);
  for (const target of model.mainTargets) {
    const compared = target.indicators
      .map((ind) => usable.find((c) => (c.kind === 'rank' || c.kind === 'rate') && c.indicators.includes(ind.code)))
      .find((c): c is Chart => c !== undefined);
    const trend = usable.find((c) => c.kind === 'trend' && c.id === `trend-main_target_${target.number}`);
    const pick = compared ?? trend;
    if (pick && !chosen.includes(pick)) chosen.push(pick);
  }
  return chosen;
}

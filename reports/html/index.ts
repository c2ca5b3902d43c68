/**
 * The bulletin as one interactive HTML file (issue 16): the same model as the PDF, the same
 * sentences and table formats, the charts drawn by vega in the page, and everything it needs
 * (scripts, styles, data, the CJK faces) inline, so that it opens from an e-mail attachment on a
 * PC without network.
 *
 *   bulletinHtml(quarters)    the page of the last of `quarters` (one scope, the year's quarters
 *                             in order): each quarter switchable in place
 *   pageQuarters(models, p)   which of a scope's models of the year the page of period p carries
 */
import type { BulletinModel } from '../model/types';
import { bulletinPage, type PageParts } from './page';

export type { PageParts } from './page';

export async function bulletinHtml(quarters: readonly BulletinModel[]): Promise<Buffer> {
  return (await bulletinHtmlParts(quarters)).html;
}

/** The page and its size by part (the benchmark and the size test report them). */
export async function bulletinHtmlParts(quarters: readonly BulletinModel[]): Promise<PageParts> {
  if (quarters.length === 0) throw new Error('bulletinHtml: no model');
  const last = quarters[quarters.length - 1];
  for (const m of quarters) {
    if (m.scope.code !== last.scope.code || m.period.year !== last.period.year || m.period.quarter > last.period.quarter) {
      throw new Error(`bulletinHtml: ${m.period.code} (${m.scope.code}) is not an earlier quarter of ${last.period.code} (${last.scope.code})`);
    }
  }
  return bulletinPage(quarters);
}

/**
 * The quarters the page of `period` switches between: the year's quarters before it whose marts
 * have any unit's submission (a quarter nobody reported is every unit's 未报送: nothing to show),
 * then `period` itself. Later quarters are left out, so a quarter's page does not change when the
 * next quarter's data arrives.
 */
export function pageQuarters(models: readonly BulletinModel[], period: BulletinModel): BulletinModel[] {
  const earlier = new Map<number, BulletinModel>();
  for (const m of models) {
    if (m.scope.code !== period.scope.code || m.period.year !== period.period.year || m.period.quarter >= period.period.quarter) continue;
    if (m.scorecard.some((s) => s.submitted) && !earlier.has(m.period.quarter)) earlier.set(m.period.quarter, m);
  }
  return [...[...earlier.values()].sort((a, b) => a.period.quarter - b.period.quarter), period];
}

import { chartsOf } from '../charts';
import type { VlSpec } from '../charts/types';
import type { BulletinModel } from '../model/types';
import type { Annex } from '../text/outline';
import { indicatorsAnnex, sourcesAnnexSection } from './annexes';
import { QuarterContext } from './context';
import { interactiveSpec } from './interactive';
import { keyTaskAnnex, keyTaskSection } from './key-tasks';
import { el } from './markup';
import { closingSection, mainTargetsSection, mastheadSection, nextStepsSection, overviewSection, problemsSection, progressSection } from './sections';
import { unitPanelData, type UnitPanelData } from './unit-panel';

/** One quarter's bulletin on the page: its article, the specs of the charts it places, its unit panel data. */
export interface QuarterPage {
  period: string;
  html: string;
  specs: Record<string, VlSpec>;
  panel: UnitPanelData;
  /** The charts' ids, in the order the article places them. */
  charts: string[];
}

/** `model`'s bulletin as an `<article>` (hidden unless it is the quarter shown). */
export function quarterPage(model: BulletinModel, shown: boolean): QuarterPage {
  const charts = chartsOf(model);
  // The parts, their numbers and headings, the annexes, their order, numbers and titles: the
  // outline both editions share (reports/text/outline.ts), so that they number everything alike.
  const ctx = new QuarterContext(model, charts);
  const keyTasks = ctx.has('keyTasks');
  const annexes = ctx.annexes.map((a) => ctx.annexTitle(a));
  const annexSection = (kind: Annex): string => {
    const [no, title] = [ctx.annexNo(kind), ctx.annexTitle(kind)];
    if (kind === 'indicators') return indicatorsAnnex(ctx, no, title);
    return kind === 'sources' ? sourcesAnnexSection(ctx, no, title, keyTasks) : keyTaskAnnex(ctx, no, title);
  };

  const body = [
    mastheadSection(ctx),
    overviewSection(ctx, ctx.heading('overview')),
    mainTargetsSection(ctx, ctx.heading('mainTargets')),
    progressSection(ctx, ctx.heading('progress')),
    keyTasks ? keyTaskSection(ctx, ctx.heading('keyTasks')) : '',
    problemsSection(ctx, ctx.heading('problems')),
    nextStepsSection(ctx, ctx.heading('nextSteps')),
    closingSection(ctx, annexes),
    ...ctx.annexes.map(annexSection),
  ].join('');
  const specs: Record<string, VlSpec> = {};
  for (const chart of ctx.placed) specs[chart.id] = interactiveSpec(chart, ctx);
  return {
    period: model.period.code,
    html: el('article', { class: 'bulletin', 'data-period': model.period.code, id: ctx.id('bulletin'), hidden: !shown }, body),
    specs,
    panel: unitPanelData(model),
    charts: ctx.placed.map((c) => c.id),
  };
}

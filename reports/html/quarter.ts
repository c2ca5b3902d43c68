import { chartsOf } from '../charts';
import type { VlSpec } from '../charts/types';
import type { BulletinModel } from '../model/types';
import { BuildContext } from '../pdf/context';
import type { Annex } from '../text/outline';
import { annexOne, annexTwo } from './annexes';
import { QuarterContext } from './context';
import { interactiveSpec } from './interactive';
import { keyTaskAnnex, keyTaskSection } from './key-tasks';
import { el } from './markup';
import { bulletinProse } from './prose';
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
  const prose = bulletinProse(model, model.scope.isCity ? charts.find((c) => c.kind === 'overview') : undefined);
  const ctx = new QuarterContext(model, prose, charts);
  // The parts, their numbers and headings, the annexes, their order, numbers and titles: the PDF's
  // outline (reports/text/outline.ts), so that both editions number everything alike.
  const outline = new BuildContext(model, []);
  const keyTasks = outline.parts.includes('keyTasks');
  const annexes = outline.annexes.map((a) => outline.annexTitle(a));
  const annex = (kind: Annex, render: (no: number, title: string) => string) =>
    outline.annexes.includes(kind) ? render(outline.annexNo(kind), outline.annexTitle(kind)) : '';

  const body = [
    mastheadSection(ctx),
    overviewSection(ctx, outline.heading('overview')),
    mainTargetsSection(ctx, outline.heading('mainTargets')),
    progressSection(ctx, outline.heading('progress')),
    keyTasks ? keyTaskSection(ctx, outline.heading('keyTasks'), () => outline.annexNo('keyTasks')) : '',
    problemsSection(ctx, outline.heading('problems')),
    nextStepsSection(ctx, outline.heading('nextSteps')),
    closingSection(ctx, annexes),
    ...outline.annexes.map((kind) => annex(kind, (no, title) =>
      kind === 'indicators' ? annexOne(ctx, no, title) : kind === 'sources' ? annexTwo(ctx, no, title, keyTasks) : keyTaskAnnex(ctx, no, title))),
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

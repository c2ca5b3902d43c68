import type { Content } from 'pdfmake/interfaces';
import { periodMonthsLabel } from '../../pipelines/period';
import { keyTaskCity, keyTaskStatusName, missingUnits, rowFor, scorecardOf } from '../model/lookup';
import { overviewSentence } from '../text/key-tasks';
import { indicatorSentence, leftOutSentence, lightCounts } from '../text/phrases';
import type { BuildContext } from './context';
import { headingWith } from './tables';

/**
 * 一、总体情况: how many lights of each colour (mart_unit_scorecard), the main targets in a
 * sentence each, who is left out; for the city, the key tasks in one sentence (mart_key_task_summary).
 */
export function overview(ctx: BuildContext): Content[] {
  const { model } = ctx;
  const card = scorecardOf(model, model.scope.code);
  const months = periodMonthsLabel(model.period);
  const heading: Content = { text: ctx.heading('overview'), style: 'h1' };

  if (card && !card.submitted) {
    return [heading, { text: `${ctx.scopeName}未按时报送${months}数据，本通报不含该单位的完成情况。`, style: 'body' }];
  }
  const paragraphs: string[] = [];
  if (card) paragraphs.push(`${months}，${ctx.scopeName}纳入监测的主要目标任务指标共${card.indicators}项，${lightCounts(card)}。`);

  // One figure per main target (its first indicator): the rest is in 二 and 三.
  const sentences = model.mainTargets
    .map((target) => rowFor(model, model.scope.code, target.indicators[0].code))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((row, i) => indicatorSentence(row, i === 0 ? ctx.scopeName : ''));
  if (sentences.length > 0) paragraphs.push(`从主要目标看，${sentences.join('；')}。`);

  if (ctx.isCity) {
    const missing = missingUnits(model).map((u) => u.name);
    if (missing.length > 0) paragraphs.push(`${leftOutSentence(missing, ctx.cityName)}。`);
    // The other half of the work plan in one sentence (四 has the rest).
    const city = keyTaskCity(model);
    if (city && ctx.parts.includes('keyTasks')) paragraphs.push(`${overviewSentence(city, city.tasks, (code) => keyTaskStatusName(model, code))}。`);
  }
  const [first, ...rest] = paragraphs.map((text): Content => ({ text, style: 'body' }));
  return [...headingWith(heading, first), ...rest];
}

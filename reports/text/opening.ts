import { periodLabel, periodMonthsLabel } from '../../pipelines/period';
import { joinNames } from '../format';
import { keyTaskCity, keyTaskStatusName, missingUnits, reportingUnits, rowFor, scorecardOf } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { COMPLETION_AND_GAP } from './captions';
import { overviewSentence } from './key-tasks';
import type { Outline } from './outline';
import { indicatorSentence, leftOutSentence, lightCounts } from './phrases';

/**
 * The bulletin's words up to 二: the title, addressees, opening, 一、总体情况 and the sentence that
 * opens 二. Written once here for every edition; the PDF and the HTML lay them out as they do
 * and give the numbers of their own tables and figures.
 */

/**
 * 关于…的通报, broken by sense, not by width (GB/T 9704: 回行时要做到词意完整), before 主要目标任务;
 * where it stands on one line (the PDF's metadata, the page's title), the break is left out.
 */
export function bulletinTitle(model: BulletinModel): string {
  return `关于${periodLabel(model.period)}${model.scope.name}自然资源和规划\n主要目标任务进展情况的通报`;
}

/** 主送: configured, else the scope's bureau. */
export function addresseeLine(o: Outline): string {
  return o.model.issue.addressee ?? `${o.scopeName}自然资源和规划局：`;
}

export function openingParagraph(o: Outline): string {
  const { period, issue } = o.model;
  const who = o.isCity ? (issue.coveredUnits ?? joinNames(reportingUnits(o.model).map((u) => u.name))) : o.scopeName;
  // With the key tasks (重点工作) the bulletin covers both halves of the work plan, and names both sources.
  const keyTasks = o.has('keyTasks');
  const what = keyTasks ? '主要目标任务完成情况和重点工作推进情况' : '主要目标任务完成情况';
  const from = keyTasks ? '各单位报送的指标进度表、供地台账、卫片图斑和各牵头处室报送的重点工作进展' : '各单位报送的指标进度表、供地台账和卫片图斑';
  // The plan is named from configuration (the bureau's document, not the code's).
  const plan = issue.workPlan ? `根据《${period.year}年${issue.workPlan}》，` : '';
  return (
    `为全面掌握${period.year}年自然资源和规划主要目标任务推进情况，${plan}` +
    `市局对${who}${periodMonthsLabel(period)}${what}进行了汇总分析，数据均来自${from}。现将有关情况通报如下：`
  );
}

/**
 * 一、总体情况: how many lights of each colour (mart_unit_scorecard), the main targets in a
 * sentence each, who is left out; for the city, the key tasks in one sentence (mart_key_task_summary).
 */
export function overviewParagraphs(o: Outline): string[] {
  const { model } = o;
  const card = scorecardOf(model, model.scope.code);
  const months = periodMonthsLabel(model.period);
  if (card && !card.submitted) return [`${o.scopeName}未按时报送${months}数据，本通报不含该单位的完成情况。`];

  const paragraphs: string[] = [];
  if (card) paragraphs.push(`${months}，${o.scopeName}纳入监测的主要目标任务指标共${card.indicators}项，${lightCounts(card)}。`);
  // One figure per main target (its first indicator): the rest is in 二 and 三.
  const sentences = model.mainTargets
    .map((target) => rowFor(model, model.scope.code, target.indicators[0].code))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((row, i) => indicatorSentence(row, i === 0 ? o.scopeName : ''));
  if (sentences.length > 0) paragraphs.push(`从主要目标看，${sentences.join('；')}。`);

  if (o.isCity) {
    const missing = missingUnits(model).map((u) => u.name);
    if (missing.length > 0) paragraphs.push(`${leftOutSentence(missing, o.cityName)}。`);
    // The other half of the work plan in one sentence (四 has the rest).
    const city = keyTaskCity(model);
    if (city && o.has('keyTasks')) paragraphs.push(`${overviewSentence(city, city.tasks, (code) => keyTaskStatusName(model, code))}。`);
  }
  return paragraphs;
}

/** 二's first paragraph, citing the edition's table of the main targets and, where it places one, the overview chart. */
export function mainTargetsParagraph(o: Outline, refs: { table: number; figure?: number }): string {
  return `${o.scopeName}主要目标完成情况见表${refs.table}${refs.figure !== undefined ? `和图${refs.figure}` : ''}。${COMPLETION_AND_GAP}`;
}

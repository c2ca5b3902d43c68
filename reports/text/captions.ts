import type { BulletinModel } from '../model/types';

/**
 * The captions and notes of the tables every edition prints alike (the PDF's, the HTML's, and
 * the workbook's sheet titles where it has the same table), written once. Each edition puts its
 * own 表N in front.
 */

/** 表1's caption: the scope's main targets. */
export function mainTargetsCaption(model: BulletinModel): string {
  return `${model.period.year}年${model.scope.name}主要目标任务完成情况`;
}

/** The caption of an indicator's ranking table in 三、分项进展. */
export function rankingCaption(indicatorName: string): string {
  return `${indicatorName}完成情况排名`;
}

/** What 完成率 and 差值 mean: said under 二's table and in the workbooks' notes. */
export const COMPLETION_AND_GAP = '完成率为累计完成占年度目标的比例；差值为完成率与序时进度之差（个百分点），比率类指标为实际值与目标值之差。';

/** The note under 附件1's unit × indicator table: how to read a cell, and how the aggregates count. */
export function indicatorsAnnexNote(model: BulletinModel): string {
  const aggregates = model.units.filter((u) => u.kind === 'aggregate').map((u) => u.name).join('、');
  return `说明：各单位格内上为累计完成（比率类为实际值），下为完成率；底色浅红为红灯、浅黄为黄灯、灰色为未报送。${aggregates}按已报送成员单位汇总，不含未报送单位。`;
}

/** The heads of 表1 (the main targets), in order, for the PDF's and the page's tables. */
export const MAIN_TARGETS_HEADS = ['序号', '指标', '年度目标', '累计完成', '完成率', '序时进度', '差值（个百分点）', '亮灯'] as const;

/** The heads of an indicator's ranking table, in order: with 完成率 for an amount, against a line for a rate or level. */
export function rankingHeads(cumulative: boolean): string[] {
  return cumulative ? ['排名', '单位', '年度目标', '累计完成', '完成率', '差值（个百分点）', '亮灯'] : ['排名', '单位', '目标', '实际值', '差值（个百分点）', '亮灯'];
}

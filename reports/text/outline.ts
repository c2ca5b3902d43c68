/**
 * The bulletin's parts and annexes, in order, with their titles: numbered where the document is
 * built (pdf/context.ts), so that a part left out (重点工作 in a year without a key-task
 * catalogue, its annex where nothing is listed) renumbers everything after it, headings, 附件
 * list and every 见附件N alike.
 */
export const PARTS = {
  overview: '总体情况',
  mainTargets: '主要目标完成情况',
  progress: '分项进展',
  keyTasks: '重点工作推进情况',
  problems: '存在问题',
  nextSteps: '下步工作',
} as const;
export type Part = keyof typeof PARTS;

export type Annex = 'indicators' | 'keyTasks' | 'sources';

/** The annexes' titles: the year, and the scope (全市 or the unit) where the annex is the scope's. */
export function annexTitle(annex: Annex, year: number, scope: string, isCity: boolean): string {
  switch (annex) {
    case 'indicators':
      return `${year}年${scope}自然资源和规划主要目标任务进展情况表`;
    case 'keyTasks':
      return isCity ? `${year}年重点工作任务进展清单` : `${year}年涉及${scope}的重点工作任务进展清单`;
    case 'sources':
      return '数据来源及载入校验提示';
  }
}

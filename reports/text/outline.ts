import { chineseNumber } from '../format';
import { keyTaskCity } from '../model/lookup';
import type { BulletinModel } from '../model/types';

/**
 * The bulletin's parts and annexes, in order, with their titles: numbered here, once for every
 * edition (the PDF's builders, the HTML's sections), so that a part left out (重点工作 in a year
 * without a key-task catalogue, its annex where nothing is listed) renumbers everything after
 * it, headings, 附件 list and every 见附件N alike.
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

/** One bulletin's outline: which parts and annexes it has, their headings and numbers, whom it speaks of. */
export class Outline {
  /** The parts of the body, in order: 重点工作 only where the year has a key-task catalogue. */
  readonly parts: Part[];
  /** The annexes, in order: the key-task list only where there are milestones to list. */
  readonly annexes: Annex[];

  constructor(readonly model: BulletinModel) {
    const keyTasks = keyTaskCity(model) !== undefined;
    this.parts = (Object.keys(PARTS) as Part[]).filter((p) => p !== 'keyTasks' || keyTasks);
    this.annexes = ['indicators', ...(keyTasks && model.keyTasks.milestones.length > 0 ? (['keyTasks'] as const) : []), 'sources'];
  }

  has(part: Part): boolean {
    return this.parts.includes(part);
  }

  /** `四、重点工作推进情况`: the part's heading, numbered by its place among the parts present. */
  heading(part: Part): string {
    const n = this.parts.indexOf(part);
    if (n < 0) throw new Error(`the bulletin has no part ${part}`);
    return `${chineseNumber(n + 1)}、${PARTS[part]}`;
  }

  /** The number of an annex (附件N); throws where the document has no such annex. */
  annexNo(annex: Annex): number {
    const n = this.annexes.indexOf(annex);
    if (n < 0) throw new Error(`the bulletin has no annex ${annex}`);
    return n + 1;
  }

  annexTitle(annex: Annex): string {
    return annexTitle(annex, this.model.period.year, this.scopeName, this.isCity);
  }

  get isCity(): boolean {
    return this.model.scope.isCity;
  }

  /** The name the bulletin speaks of: the city's (全市) or the unit's. */
  get scopeName(): string {
    return this.model.scope.name;
  }

  get cityName(): string {
    return this.model.city.name;
  }
}

import type { Content } from 'pdfmake/interfaces';
import { periodMonthsLabel } from '../../pipelines/period';
import { joinNames } from '../format';
import type { BuildContext } from './context';
import { indicatorsOf, missingUnits, rowFor } from './model';
import { indicatorSentence } from './phrases';
import { keepTogether } from './tables';

/** 一、总体情况: how many lights of each colour, the main targets in a sentence each, who is left out. */
export function overview(ctx: BuildContext): Content[] {
  const { input } = ctx;
  const focusRows = input.rows.filter((r) => r.unit_code === input.focus);
  const months = periodMonthsLabel({ year: input.year, quarter: input.quarter as 1 | 2 | 3 | 4 });
  const paragraphs: string[] = [];

  if (focusRows.length > 0 && focusRows.every((r) => r.status === 'missing')) {
    paragraphs.push(`${ctx.focusName}未按时报送${months}数据，本通报不含该单位的完成情况。`);
    return [{ text: '一、总体情况', style: 'h1' }, ...paragraphs.map((text) => ({ text, style: 'body' }))];
  }

  paragraphs.push(`${months}，${ctx.focusName}纳入监测的主要目标任务指标共${focusRows.length}项，${lightCounts(focusRows)}。`);

  // One figure per main target (its first indicator): the rest is in 二 and 三.
  const main = indicatorsOf(input.rows).filter((i, _, all) => i.main_target !== null && all.find((o) => o.main_target === i.main_target) === i);
  const sentences = main
    .map((ind) => rowFor(input.rows, input.focus, ind.indicator_code))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((row, i) => indicatorSentence(row, i === 0 ? ctx.focusName : ''));
  if (sentences.length > 0) paragraphs.push(`从主要目标看，${sentences.join('；')}。`);

  if (ctx.isCity) {
    const missing = missingUnits(input.rows).map((u) => u.name);
    if (missing.length > 0) paragraphs.push(`${joinNames(missing)}未按时报送，全市数据不含${missing.length === 1 ? '该' : '上述'}${unitNoun(missing)}。`);
  }
  const [first, ...rest] = paragraphs.map((text): Content => ({ text, style: 'body' }));
  return [keepTogether({ text: '一、总体情况', style: 'h1' }, first), ...rest];
}

/** `亮绿灯12项、黄灯3项、红灯2项，另有2项暂无目标、1项暂无数据` */
export function lightCounts(rows: readonly { status: string }[]): string {
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const lights = `亮绿灯${count('green')}项、黄灯${count('yellow')}项、红灯${count('red')}项`;
  const others = [
    count('no_target') ? `${count('no_target')}项暂无分解目标` : '',
    count('no_data') ? `${count('no_data')}项暂无数据` : '',
    count('missing') ? `${count('missing')}项未报送` : '',
  ].filter(Boolean);
  return others.length ? `${lights}，另有${others.join('、')}` : lights;
}

/** 该县 / 该市 / 该区: the noun a single missing unit is referred back to by. */
export function unitNoun(names: readonly string[]): string {
  if (names.length !== 1) return '单位';
  const last = names[0].slice(-1);
  return last === '县' || last === '市' || last === '区' ? last : '单位';
}

import type { ProgressRow } from '../mart';
import { gapPhrase, joinNames, percent, points, quantity, rank, rankChange, targetQuantity } from '../format';

/**
 * The bulletin's sentences about figures, in one place for every output (the PDF, the charts,
 * the HTML page and the workbooks): a figure reads the same wherever it is printed.
 */

/** A unit that sent nothing for the period, in the words 存在问题 and the page's unit panel use. */
export function silentUnitSentence(unitName: string): string {
  return `${unitName}未按时报送本期数据`;
}

/**
 * One indicator in one sentence, as the bulletin's prose writes it. `subject` is the city's or
 * the unit's name; it is left out where the sentence continues a subject already named.
 */
export function indicatorSentence(row: ProgressRow, subject: string): string {
  const head = `${subject}${row.indicator_name}`;
  if (row.status === 'missing') return `${subject}未按时报送${row.indicator_name}`;
  if (row.actual === null || row.status === 'no_data') return `${head}暂无数据`;
  const value = quantity(row.actual, row.unit_of_measure);
  if (row.target === null || row.status === 'no_target') return `${head}${value}`;
  if (row.kind === 'cumulative') {
    const gap = gapPhrase(row.gap_pp);
    return `${head}${value}，完成年度目标的${percent(row.completion_pct)}${gap ? `，${gap}` : ''}`;
  }
  return `${head}${value}，${thresholdPhrase(row)}`;
}

/** How a rate or level stands against its line: 达到不低于90%的目标 / 超出1%的控制目标0.3个百分点. */
export function thresholdPhrase(row: ProgressRow): string {
  if (row.target === null || row.target_margin === null) return '';
  const target = targetQuantity(row.target, row.unit_of_measure);
  const diff = row.target_margin;
  const isPercent = row.unit_of_measure === '%';
  const by = isPercent ? points(diff) : quantity(Math.abs(diff), row.unit_of_measure);
  if (row.direction === 'max') {
    return diff <= 0 ? `控制在${target}以内` : `超出${target}的控制目标${by}`;
  }
  if (row.kind === 'level') return diff >= 0 ? `达到${target}的保护任务` : `低于${target}的保护任务${by}`;
  return diff >= 0 ? `达到不低于${target}的目标` : `低于${target}的目标${by}`;
}

/** `，居全市第3位，较上季度提升2位` for a unit's figure; empty where it has no rank. */
export function rankPhrase(row: ProgressRow, previous: ProgressRow | undefined, cityName: string): string {
  if (row.rank === null) return '';
  const change = previous && previous.rank !== null ? rankChange(row.rank, previous.rank) : '';
  return `，居${cityName}${rank(row.rank)}${change ? `，${change}` : ''}`;
}

/** A figure for a ranking list: 海宁市（78.2%）. Cumulative by completion, rates by value. */
export function rankedFigure(row: ProgressRow): string {
  const shown = row.kind === 'cumulative' ? percent(row.completion_pct) : quantity(row.actual, row.unit_of_measure);
  return `${row.unit_name}（${shown}）`;
}

/** 该县 / 该市 / 该区: the noun a single unit is referred back to by; 单位 for several or others. */
export function unitNoun(names: readonly string[]): string {
  if (names.length !== 1) return '单位';
  const last = names[0].slice(-1);
  return last === '县' || last === '市' || last === '区' ? last : '单位';
}

/**
 * The one sentence for units that did not submit (bulletin-conventions.md: "嘉善县未按时报送，
 * 全市数据不含该县"): `海盐县、嘉善县未按时报送，全市数据不含上述单位`. No final punctuation.
 */
export function leftOutSentence(names: readonly string[], cityName: string): string {
  return `${joinNames(names)}未按时报送，${cityName}数据不含${names.length === 1 ? '该' : '上述'}${unitNoun(names)}`;
}

/** `亮绿灯12项、黄灯3项、红灯2项，另有2项暂无分解目标、1项暂无数据` from a scorecard's counts. */
export function lightCounts(counts: { green: number; yellow: number; red: number; no_target: number; no_data: number; missing: number }): string {
  const lights = `亮绿灯${counts.green}项、黄灯${counts.yellow}项、红灯${counts.red}项`;
  const others = [
    counts.no_target ? `${counts.no_target}项暂无分解目标` : '',
    counts.no_data ? `${counts.no_data}项暂无数据` : '',
    counts.missing ? `${counts.missing}项未报送` : '',
  ].filter(Boolean);
  return others.length ? `${lights}，另有${others.join('、')}` : lights;
}

/** The footnote of a restated figure: 注1：海宁市国有土地供应总量为更正后数据，嘉自然资规通〔2023〕31号通报数为…；… */
export function restatementNote(r: { mark: number; row: ProgressRow; before: { document_number: string; actual: number | null } }): string {
  const before = quantity(r.before.actual, r.row.unit_of_measure);
  return `注${r.mark}：${r.row.unit_name}${r.row.indicator_name}为更正后数据，${r.before.document_number}通报数为${before}；该单位在上次通报后重新报送了数据。`;
}

import type { ReportRow } from '../mart';
import { gapPhrase, percent, points, quantity, rank, rankChange, roundTo, targetQuantity } from '../format';

/**
 * One indicator in one sentence, as the bulletin's prose writes it. `subject` is 全市 or the
 * unit's name; it is left out where the sentence continues a subject already named.
 */
export function indicatorSentence(row: ReportRow, subject: string): string {
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
export function thresholdPhrase(row: ReportRow): string {
  if (row.actual === null || row.target === null) return '';
  const target = targetQuantity(row.target, row.unit_of_measure);
  const diff = row.actual - row.target;
  const isPercent = row.unit_of_measure === '%';
  const by = isPercent ? points(diff) : quantity(Math.abs(diff), row.unit_of_measure);
  if (row.direction === 'max') {
    return diff <= 0 ? `控制在${target}以内` : `超出${target}的控制目标${by}`;
  }
  if (row.kind === 'level') return diff >= 0 ? `达到${target}的保护任务` : `低于${target}的保护任务${by}`;
  return diff >= 0 ? `达到不低于${target}的目标` : `低于${target}的目标${by}`;
}

/** `，居全市第3位，较上季度提升2位` for a unit's figure; empty where it has no rank. */
export function rankPhrase(row: ReportRow, previous: ReportRow | undefined): string {
  if (row.rank === null) return '';
  const change = previous && previous.rank !== null ? rankChange(row.rank, previous.rank) : '';
  return `，居全市${rank(row.rank)}${change ? `，${change}` : ''}`;
}

/** A figure for a ranking list: 海宁市（78.2%）. Cumulative by completion, rates by value. */
export function rankedFigure(row: ReportRow): string {
  const shown = row.kind === 'cumulative' ? percent(row.completion_pct) : quantity(row.actual, row.unit_of_measure);
  return `${row.unit_name}（${shown}）`;
}

/** The value a ranking compares, rounded as shown (a tie on paper is a tie in words). */
export function rankingValue(row: ReportRow): number | null {
  const v = row.kind === 'cumulative' ? row.completion_pct : row.actual;
  return v === null ? null : roundTo(v, 1);
}

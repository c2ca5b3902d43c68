import { joinNames } from '../format';
import type { ProgressRow } from '../mart';
import { previousRow, rowFor } from '../model/lookup';
import type { Outline } from './outline';
import { indicatorSentence, leftOutSentence, rankPhrase, rankedFigure } from './phrases';

/**
 * 三、分项进展: one indicator's paragraph, for every edition: the scope's figure (and a unit's
 * rank), the city's, then who leads and who lags, citing the edition's ranking table `table`
 * that follows it.
 */
export function indicatorParagraph(o: Outline, indicator: string, rows: readonly ProgressRow[], table: number): string {
  const { model } = o;
  const city = rowFor(model, model.city.code, indicator);
  const parts: string[] = [];
  if (o.isCity) {
    if (city) parts.push(indicatorSentence(city, o.cityName) + excluded(city));
  } else {
    const own = rowFor(model, model.scope.code, indicator);
    const previous = previousRow(model, model.scope.code, indicator);
    if (own) parts.push(indicatorSentence(own, o.scopeName) + (own.status === 'missing' ? '' : rankPhrase(own, previous, o.cityName)));
    if (city && city.actual !== null) parts.push(indicatorSentence(city, o.cityName) + excluded(city));
  }
  const standings = standing(rows);
  if (standings) parts.push(standings);
  return `${parts.join('。')}。（见表${table}）`;
}

function excluded(city: ProgressRow): string {
  if (!city.incomplete || !city.missing_units) return '';
  return `（${leftOutSentence(city.missing_units.split('、'), city.unit_name)}）`;
}

/** 完成率居前三位的是……；滞后序时进度的有…… / 低于目标的有…… */
function standing(rows: readonly ProgressRow[]): string {
  const ranked = rows.filter((r) => r.unit_kind !== 'aggregate' && r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.unit_order - b.unit_order);
  if (ranked.length < 2) return '';
  const kind = ranked[0].kind;
  // Nothing to praise where the best figure is zero.
  if ((kind === 'cumulative' ? ranked[0].completion_pct : ranked[0].actual) === 0) return '';
  // Ties share a rank, so 前三位 may be more than three units: name three and count the rest.
  const top = ranked.filter((r) => (r.rank ?? 99) <= 3);
  const named = top.length > 3 ? `${joinNames(top.slice(0, 3).map(rankedFigure))}等${top.length}个单位` : joinNames(top.map(rankedFigure));
  const lead = `从各地看，${kind === 'cumulative' ? '完成率' : `${ranked[0].indicator_name}`}排名前三位的是${named}`;
  const behind = ranked.filter((r) => r.status === 'red' || r.status === 'yellow');
  if (behind.length === 0) return `${lead}；各地均${kind === 'cumulative' ? '达到序时进度' : '达到目标要求'}`;
  const word = kind === 'cumulative' ? '滞后序时进度' : ranked[0].direction === 'max' ? '超出控制目标' : '未达到目标';
  return `${lead}；${word}的有${joinNames(behind.map((r) => r.unit_name))}`;
}

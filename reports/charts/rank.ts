import { gapPhrase } from '../format';
import type { ProgressRow } from '../mart';
import { leftOutSentence } from '../text/phrases';
import { formatAmount, formatPercent, INK, STATUS_STYLE } from './theme';
import type { Chart } from './types';
import { missingLabel, rankedUnits, unitBarsSpec } from './unit-bars';

/**
 * Ranking of the reporting units on one cumulative indicator: completion of the annual target
 * (完成率), coloured by light, with the expected time progress (序时进度) as a dashed rule.
 */
export function rankChart(rows: ProgressRow[], indicatorCode: string): Chart {
  const own = rows.filter((r) => r.indicator_code === indicatorCode);
  if (own.length === 0) throw new Error(`rankChart: no rows for ${indicatorCode}`);
  const first = own[0];
  const city = own.find((r) => r.is_city);
  const expected = own.find((r) => r.expected_pct != null)?.expected_pct ?? null;
  const units = rankedUnits(own);

  const bars = units.map((r) => ({
    unit: r.unit_name,
    code: r.unit_code,
    value: r.status === 'missing' || r.status === 'no_data' ? null : r.completion_pct,
    status: r.completion_pct == null && (r.status === 'green' || r.status === 'yellow' || r.status === 'red') ? ('no_data' as const) : r.status,
    label: r.completion_pct != null && r.status !== 'missing' && r.status !== 'no_data' ? formatPercent(r.completion_pct) : missingLabel(r),
  }));

  const title = `${first.indicator_name}：各地完成年度目标情况`;
  const subtitle: string[] = [];
  if (city) subtitle.push(citySentence(city));
  const note = missingNote(units, city);
  if (note) subtitle.push(note);

  const references = expected == null ? [] : [{ x: expected, label: `序时进度 ${expected}%`, color: INK.reference, dash: [4, 3] }];
  return {
    id: `rank-${indicatorCode}`,
    kind: 'rank',
    indicators: [indicatorCode],
    title,
    spec: unitBarsSpec({ title, subtitle, xTitle: '完成年度目标（%）', bars, references }),
  };
}

function citySentence(city: ProgressRow): string {
  if (city.actual == null) return `${city.unit_name}：${STATUS_STYLE[city.status === 'missing' ? 'missing' : 'no_data'].label}`;
  const done = `${city.unit_name}累计完成${formatAmount(city.actual, city.unit_of_measure)}`;
  if (city.target == null || city.completion_pct == null) return done;
  const phrase = gapPhrase(city.gap_pp);
  const gap = phrase ? `，${phrase}` : '';
  return `${done}，为年度目标${formatAmount(city.target, city.unit_of_measure)}的${formatPercent(city.completion_pct)}${gap}`;
}

/** The bulletin's sentence for the units that did not submit (leftOutSentence), if any did not. */
export function missingNote(units: ProgressRow[], city: ProgressRow | undefined): string | undefined {
  const missing = units.filter((r) => r.status === 'missing').map((r) => r.unit_name);
  return missing.length && city ? leftOutSentence(missing, city.unit_name) : undefined;
}

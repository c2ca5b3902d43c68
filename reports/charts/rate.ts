import type { ProgressRow } from '../mart';
import { formatPercent, INK } from './theme';
import type { Chart } from './types';
import { missingNote } from './rank';
import { missingLabel, rankedUnits, unitBarsSpec } from './unit-bars';

/**
 * A rate against its threshold (开工率, 竣工率, 违法占用耕地比例): each unit's rate, the
 * threshold as a dashed rule, and the city's pooled rate (Σ numerator / Σ denominator) as a
 * solid rule, so the reader sees who is above or below the line and where the city stands.
 */
export function rateChart(rows: ProgressRow[], indicatorCode: string): Chart {
  const own = rows.filter((r) => r.indicator_code === indicatorCode);
  if (own.length === 0) throw new Error(`rateChart: no rows for ${indicatorCode}`);
  const first = own[0];
  const city = own.find((r) => r.is_city);
  const threshold = city?.target ?? own.find((r) => r.target != null)?.target ?? null;
  const units = rankedUnits(own);
  const isMax = first.direction === 'max';

  const bars = units.map((r) => {
    const has = r.actual != null && r.status !== 'missing' && r.status !== 'no_data';
    return {
      unit: r.unit_name,
      code: r.unit_code,
      value: has ? r.actual : null,
      status: r.status,
      label: has ? `${formatPercent(r.actual!)}${fraction(r)}` : missingLabel(r),
    };
  });

  const references = [];
  if (threshold != null) {
    references.push({ x: threshold, label: `${isMax ? '上限' : '目标'} ${isMax ? '≤' : '≥'}${formatPercent(threshold)}`, color: INK.reference, dash: [4, 3] });
  }
  if (city?.actual != null) {
    references.push({ x: city.actual, label: `${city.unit_name} ${formatPercent(city.actual)}`, color: INK.city, dash: [] as number[] });
  }

  const title = `${first.indicator_name}：各地情况`;
  const subtitle: string[] = [];
  if (city) {
    subtitle.push(
      city.actual == null
        ? `${city.unit_name}：无数据`
        : `${city.unit_name}${first.indicator_name}${formatPercent(city.actual)}${fraction(city)}，${threshold == null ? '无目标' : `${isMax ? '上限' : '目标'}${formatPercent(threshold)}`}`,
    );
  }
  const note = missingNote(units, city);
  if (note) subtitle.push(note);
  return {
    id: `rate-${indicatorCode}`,
    kind: 'rate',
    indicators: [indicatorCode],
    title,
    spec: unitBarsSpec({ title, subtitle, xTitle: `${first.indicator_name}（%）`, bars, references }),
  };
}

/**
 * "（45/50）" for rates counted in items (the catalogue's fraction_unit, e.g. parcels), so a 100%
 * of 1 parcel reads differently from 100% of 40; area ratios such as 违法占用耕地比例 have none.
 */
function fraction(r: ProgressRow): string {
  if (r.fraction_unit == null || r.numerator == null || r.denominator == null) return '';
  if (!Number.isInteger(r.numerator) || !Number.isInteger(r.denominator)) return '';
  return `（${r.numerator}/${r.denominator}）`;
}

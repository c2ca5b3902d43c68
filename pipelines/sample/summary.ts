import { rngFor, type Rng } from './prng';
import type { SampleIndicator, SampleSeeds, SampleUnit } from './seeds';

/**
 * 指标进度 rows for the indicators whose source is `summary`: what a unit declares, year-to-date.
 * A unit reports the indicators it has an allocated target for (coastline ones: coastal units
 * only, which is where the seeds allocate them). Every cumulative value, level value, numerator
 * and denominator is non-decreasing over the quarters.
 */
export interface SummaryRow {
  code: string;
  name: string;
  unitOfMeasure: string;
  kind: SampleIndicator['kind'];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  remark: string | null;
}

/** Quarter → rows, for one unit. */
export type SummaryByQuarter = SummaryRow[][];

export function summaryIndicators(seeds: SampleSeeds): SampleIndicator[] {
  return seeds.indicators.filter((i) => i.source === 'summary');
}

export function generateSummaries(seed: number, seeds: SampleSeeds): Map<string, SummaryByQuarter> {
  const out = new Map<string, SummaryByQuarter>(seeds.units.map((u) => [u.code, [[], [], [], []]]));
  for (const ind of summaryIndicators(seeds)) {
    const targets = seeds.targets.get(ind.code);
    const reporting = seeds.units.filter((u) => targets?.has(u.code) && (!ind.code.includes('coastline') || u.coastal));
    const perf = performance(rngFor(seed, `perf:${ind.code}`), reporting, targets!);
    for (const unit of reporting) {
      const rng = rngFor(seed, `summary:${ind.code}:${unit.code}`);
      const target = targets!.get(unit.code)!;
      const series = seriesFor(ind, target, perf.get(unit.code)!, rng);
      series.forEach((row, q) => out.get(unit.code)![q].push(row));
    }
  }
  return out;
}

/**
 * Each unit's year-end result relative to its allocation: spread between about 0.8 and 1.25,
 * rescaled so that the target-weighted mean (the city's result) lands a little above 1.
 */
function performance(rng: Rng, units: SampleUnit[], targets: Map<string, number>): Map<string, number> {
  const raw = units.map((u) => rng.between(0.8, 1.25));
  const weight = units.map((u) => targets.get(u.code)!);
  const mean = raw.reduce((s, r, i) => s + r * weight[i], 0) / weight.reduce((s, w) => s + w, 0);
  const wanted = rng.between(0.99, 1.07);
  return new Map(units.map((u, i) => [u.code, (raw[i] * wanted) / mean]));
}

function isCount(ind: SampleIndicator): boolean {
  return ind.unit === '个' || ind.unit === '条';
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Cumulative shares of the year's result reached by the end of Q1..Q4. */
export function quarterShares(rng: Rng): [number, number, number, number] {
  return [rng.between(0.18, 0.34), rng.between(0.42, 0.58), rng.between(0.66, 0.84), 1];
}

function seriesFor(ind: SampleIndicator, target: number, perf: number, rng: Rng): SummaryRow[] {
  const row = (q: number, fields: Partial<SummaryRow>): SummaryRow => ({
    code: ind.code,
    name: ind.name,
    unitOfMeasure: ind.unit,
    kind: ind.kind,
    value: null,
    numerator: null,
    denominator: null,
    remark: null,
    ...fields,
  });
  const quarters = [1, 2, 3, 4];
  if (ind.kind === 'cumulative') {
    const shares = quarterShares(rng);
    if (isCount(ind)) {
      // Whole projects: dithered rounding keeps the city's sum near target × performance.
      const annual = Math.floor(target * perf + rng.next());
      const dither = rng.next();
      return quarters.map((q) => row(q, { value: Math.min(annual, Math.floor(annual * shares[q - 1] + dither)) }));
    }
    const digits = ind.unit === '万平方米' ? 2 : 1;
    const annual = target * perf;
    const carried = rng.chance(0.15) ? '含上年结转项目' : null;
    return quarters.map((q) => row(q, { value: round(annual * shares[q - 1], digits), remark: q === 4 ? carried : null }));
  }
  if (ind.kind === 'level') {
    if (ind.unit === '公里') {
      const value = round(target + rng.between(0.05, 0.6), 2);
      return quarters.map((q) => row(q, { value }));
    }
    let value = target * rng.between(1.0005, 1.012);
    return quarters.map((q) => {
      value += target * rng.between(0, 0.0008);
      return row(q, { value: round(value, 0) });
    });
  }
  return rateSeries(ind, target, rng).map(([numerator, denominator], i) => row(i + 1, { numerator, denominator }));
}

/** Year-to-date shares never fall back: each quarter at least the one before. */
function rising(shares: number[]): number[] {
  return shares.map((_, i) => Math.max(...shares.slice(0, i + 1)));
}

/** [分子, 分母] per quarter, year-to-date, both non-decreasing. */
function rateSeries(ind: SampleIndicator, threshold: number, rng: Rng): [number, number][] {
  const quarters = [1, 2, 3, 4];
  switch (ind.code) {
    case 'approved_unsupplied_digestion': {
      // 分母: land approved 2009-2019 still unsupplied at the start of the year (fixed); 分子 grows.
      const total = round(rng.between(600, 3200), 1);
      const yearEnd = rng.between(24, 42) / 100;
      const progress = rising([rng.between(0.55, 0.75), rng.between(0.75, 0.88), rng.between(0.88, 0.97), 1]);
      return quarters.map((q) => [round(total * yearEnd * progress[q - 1], 1), total]);
    }
    case 'idle_land_disposal': {
      const total = round(rng.between(40, 420), 1);
      const yearEnd = rng.chance(0.7) ? 1 : rng.between(0.9, 0.99);
      const progress = rising([rng.between(0.78, 0.92), rng.between(0.86, 0.96), rng.between(0.93, 1), 1]);
      return quarters.map((q) => [round(total * yearEnd * progress[q - 1], 1), total]);
    }
    case 'island_natural_coastline': {
      const total = round(rng.between(18, 75), 2);
      const natural = round(total * rng.between(0.955, 0.99), 2);
      return quarters.map(() => [natural, total]);
    }
    case 'petition_reduction': {
      // 分母: last year's petitions to the same date; 分子: how many fewer this year.
      const lastYear = rng.int(40, 240);
      const reduction = rng.between(0.05, 0.22);
      let num = 0;
      let den = 0;
      return quarters.map((q) => {
        den = Math.max(den + 1, Math.round((lastYear * q) / 4 * rng.between(0.92, 1.08)));
        num = Math.min(den, Math.max(num, Math.round(den * reduction)));
        return [num, den];
      });
    }
    case 'survey_error_rate': {
      const perQuarter = rng.int(80, 260);
      const errorShare = rng.between(0.004, 0.024);
      let num = 0;
      let den = 0;
      return quarters.map(() => {
        den += Math.round(perQuarter * rng.between(0.8, 1.2));
        num = Math.max(num, Math.round(den * errorShare));
        return [num, den];
      });
    }
    default: {
      // A generic share (e.g. standard_contract_usage): around the threshold, counted in projects.
      const perQuarter = rng.int(15, 60);
      const share = Math.min(1, (threshold / 100) * rng.between(0.95, 1.09));
      let num = 0;
      let den = 0;
      return quarters.map(() => {
        den += Math.round(perQuarter * rng.between(0.8, 1.2));
        num = Math.min(den, Math.max(num, Math.round(den * share)));
        return [num, den];
      });
    }
  }
}

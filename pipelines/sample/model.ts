import { quarterEnd } from './dates';
import type { DetailCalculator, DetailFigures } from './figures';
import { generateParcels, ledgerAt, type LedgerRow, type Parcel } from './ledger';
import { generatePatches, patchesAt, type Patch, type PatchRow } from './patches';
import { rngFor } from './prng';
import { SCENARIO } from './scenario';
import type { SampleSeeds, SampleUnit } from './seeds';
import { generateSummaries, quarterShares, type SummaryRow } from './summary';

/** One unit's true year: the facts every quarterly file of that unit is a view of. */
export interface UnitYear {
  unit: SampleUnit;
  parcels: Parcel[];
  patches: Patch[];
  summaries: SummaryRow[][];
}

/** What one unit reports for one quarter. */
export interface Snapshot {
  unit: SampleUnit;
  quarter: number;
  indicators: SummaryRow[];
  ledger: LedgerRow[];
  patches: PatchRow[];
}

const BASE_PATCHES_PER_BATCH = 30;

export function buildYear(seed: number, seeds: SampleSeeds, scale: number): UnitYear[] {
  const year = seeds.year;
  const summaries = generateSummaries(seed, seeds);
  const supplyTargets = seeds.targets.get('land_supply')!;
  const meanTarget = [...seeds.units].reduce((s, u) => s + (supplyTargets.get(u.code) ?? 0), 0) / seeds.units.length;
  const perf = rngFor(seed, 'perf:land');
  return seeds.units.map((unit) => {
    const rng = rngFor(seed, `plan:${unit.code}`);
    const target = supplyTargets.get(unit.code) ?? meanTarget;
    const supplyPerf = perf.between(0.9, 1.22);
    const laggard = unit.code === SCENARIO.laggard;
    const stockTarget = seeds.targets.get('stock_land_revitalized')?.get(unit.code) ?? target * 0.45;
    const revenueTarget = seeds.targets.get('transfer_revenue')?.get(unit.code) ?? target / 80;
    const parcels = generateParcels(seed, {
      unitCode: unit.code,
      year,
      yearArea: target * supplyPerf * scale,
      quarterShares: quarterShares(rng),
      earlierYearArea: target * rng.between(0.85, 1.05) * scale,
      industrialWeight: unit.code === '330402' ? 0.2 : rng.between(0.3, 0.5),
      stockShare: Math.min(0.9, (stockTarget / target) * rng.between(0.88, 1.18)),
      revenueWan: revenueTarget * 10000 * supplyPerf * rng.between(0.9, 1.12) * scale,
      punctuality: laggard ? 0.28 : rng.between(0.45, 0.62),
    });
    const illegal = (): number => (laggard ? rng.between(1.8, 2.8) : rng.between(0.25, 1.3));
    const patches = generatePatches(seed, {
      unitCode: unit.code,
      year,
      perBatch: (BASE_PATCHES_PER_BATCH * target * scale) / meanTarget,
      illegalPct: [illegal(), illegal(), illegal(), illegal()],
    });
    return { unit, parcels, patches, summaries: summaries.get(unit.code)! };
  });
}

/**
 * What the unit reports at the end of `quarter`. A unit whose style declares the detail-sourced
 * figures needs `calculator` (they are computed by the warehouse's own SQL, see figures.ts).
 */
export async function snapshot(
  unitYear: UnitYear, year: number, quarter: number, style: { declareDetail: boolean }, calculator?: DetailCalculator,
): Promise<Snapshot> {
  const end = quarterEnd(year, quarter);
  const ledger = ledgerAt(unitYear.parcels, end);
  const patches = patchesAt(unitYear.patches, quarter);
  const indicators = [...unitYear.summaries[quarter - 1]];
  if (style.declareDetail) {
    if (!calculator) throw new Error(`sample: ${unitYear.unit.code} declares detail figures, which need a DetailCalculator`);
    indicators.push(...declaredDetail(await calculator.figures(ledger, patches, year, quarter)));
  }
  return { unit: unitYear.unit, quarter, indicators, ledger, patches };
}

/** Rows for detail-sourced indicators, as a unit that keeps its own tally declares them. */
function declaredDetail(figures: DetailFigures): SummaryRow[] {
  const amount = (code: string) => figures.get(code)?.computed ?? 0;
  const start = figures.get('commencement_rate');
  const patch = figures.get('illegal_farmland_ratio');
  const row = (code: string, name: string, unitOfMeasure: string, kind: SummaryRow['kind'], fields: Partial<SummaryRow>): SummaryRow => ({
    code, name, unitOfMeasure, kind, value: null, numerator: null, denominator: null, remark: '按供地台账汇总', ...fields,
  });
  const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  const rows = [
    row('land_supply', '国有土地供应总量', '亩', 'cumulative', { value: r(amount('land_supply'), 2) }),
    row('transfer_revenue', '出让合同价款', '亿元', 'cumulative', { value: r(amount('transfer_revenue'), 4) }),
    row('stock_land_revitalized', '盘活（供应）存量土地', '亩', 'cumulative', { value: r(amount('stock_land_revitalized'), 2) }),
  ];
  if (start && start.denominator! > 0) {
    rows.push(row('commencement_rate', '应开工项目开工率', '%', 'rate', { numerator: start.numerator, denominator: start.denominator }));
  }
  if (patch && patch.denominator! > 0) {
    rows.push({ ...row('illegal_farmland_ratio', '违法占用耕地比例', '%', 'rate', { numerator: r(patch.numerator!, 2), denominator: r(patch.denominator!, 2) }), remark: '按卫片图斑汇总' });
  }
  return rows;
}

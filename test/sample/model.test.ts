import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../pipelines/paths';
import { DEFAULT_SEED } from '../../pipelines/sample';
import { buildYear } from '../../pipelines/sample/model';
import { readSampleSeeds } from '../../pipelines/sample/seeds';

const seeds = readSampleSeeds(SEEDS_DIR, 2023);

describe('--scale', () => {
  it('multiplies the parcels and patches of every unit, keeping their ids unique', () => {
    const one = buildYear(DEFAULT_SEED, seeds, 1);
    const three = buildYear(DEFAULT_SEED, seeds, 3);
    for (const [i, u] of three.entries()) {
      const ratio = u.parcels.length / one[i].parcels.length;
      expect(ratio, u.unit.name).toBeGreaterThan(2.4);
      expect(ratio, u.unit.name).toBeLessThan(3.6);
      expect(u.patches.length / one[i].patches.length, u.unit.name).toBeGreaterThan(2.4);
      expect(new Set(u.parcels.map((p) => p.id)).size).toBe(u.parcels.length);
      expect(new Set(u.patches.map((p) => p.id)).size).toBe(u.patches.length);
    }
  });
});

describe('the year against kpis.md', () => {
  it('ends the year near the city targets and keeps the laggard red on illegal farmland every quarter', async () => {
    // The figures come from the warehouse's own SQL (sql/ingest/computed_from_details.sql on the
    // KPI macros), run on the generator's rows: the same rules the models apply.
    const { DetailCalculator } = await import('../../pipelines/sample/figures');
    const { snapshot } = await import('../../pipelines/sample/model');
    const { SCENARIO } = await import('../../pipelines/sample/scenario');
    const calculator = await DetailCalculator.open();
    try {
      for (const seed of [DEFAULT_SEED, 7, 99]) {
        const year = buildYear(seed, seeds, 1);
        for (let q = 1; q <= 4; q++) {
          const city = { supply: 0, startNum: 0, startDen: 0, endNum: 0, endDen: 0, occupied: 0, illegal: 0 };
          for (const u of year) {
            const s = await snapshot(u, 2023, q, { declareDetail: false });
            const f = await calculator.figures(s.ledger, s.patches, 2023, q);
            const patches = f.get('illegal_farmland_ratio')!;
            city.supply += f.get('land_supply')!.computed!;
            city.startNum += f.get('commencement_rate')!.numerator!;
            city.startDen += f.get('commencement_rate')!.denominator!;
            city.endNum += f.get('completion_rate')!.numerator!;
            city.endDen += f.get('completion_rate')!.denominator!;
            city.occupied += patches.denominator!;
            city.illegal += patches.numerator!;
            if (u.unit.code === SCENARIO.laggard) expect(patches.computed!, `seed ${seed} Q${q}`).toBeGreaterThan(1.5);
          }
          const illegal = (100 * city.illegal) / city.occupied;
          expect(illegal, `seed ${seed} Q${q}`).toBeGreaterThan(0.5);
          expect(illegal, `seed ${seed} Q${q}`).toBeLessThan(1.5);
          if (q === 4) {
            expect(city.supply / seeds.targets.get('land_supply')!.get('330400')!, `seed ${seed}`).toBeGreaterThan(0.88);
            expect(city.supply / seeds.targets.get('land_supply')!.get('330400')!, `seed ${seed}`).toBeLessThan(1.15);
            expect((100 * city.startNum) / city.startDen, `seed ${seed}`).toBeGreaterThan(85);
            expect((100 * city.startNum) / city.startDen, `seed ${seed}`).toBeLessThan(96);
            expect((100 * city.endNum) / city.endDen, `seed ${seed}`).toBeGreaterThan(64);
            expect((100 * city.endNum) / city.endDen, `seed ${seed}`).toBeLessThan(80);
          }
        }
      }
    } finally {
      calculator.close();
    }
  });
});

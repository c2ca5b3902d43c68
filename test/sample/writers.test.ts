import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../pipelines/paths';
import { DEFAULT_SEED, generateSample, type Manifest } from '../../pipelines/sample';
import { buildYear } from '../../pipelines/sample/model';
import { readSampleSeeds } from '../../pipelines/sample/seeds';
import { tempDir } from '../helpers';
import { readDeclared, zipEntryTimes } from './read-back';

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

describe('the writers for big tables', () => {
  const root = tempDir('nrp-sample-writers-');

  it('streams workbooks and switches to UTF-8 CSV above the row limit, still deterministically', async () => {
    // Limits lowered so that scale 1 takes the paths that --scale takes for benchmarks.
    const options = { seed: DEFAULT_SEED, scale: 1, seedsDir: SEEDS_DIR, streamAbove: 0, workbookRowLimit: 380 };
    const a = await generateSample({ ...options, outDir: join(root, 'a') });
    const b = await generateSample({ ...options, outDir: join(root, 'b') });
    expect(b).toEqual(a);
    for (const f of a.files) {
      const bytes = readFileSync(join(root, 'a', ...f.path.split('/')));
      expect(bytes.equals(readFileSync(join(root, 'b', ...f.path.split('/')))), f.path).toBe(true);
      if (f.format === 'xlsx') expect(new Set(zipEntryTimes(bytes)).size, f.path).toBe(1);
      if (f.encoding === 'utf-8') expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    }
    const big = a.files.filter((f) => f.encoding === 'utf-8');
    expect(big.length).toBeGreaterThan(0);
    for (const f of big) expect(f.path).toMatch(/_(指标进度|供地台账|卫片图斑)\.csv$/);
    expect(a.files.some((f) => f.format === 'xlsx' && f.expect === 'accepted')).toBe(true);

    // The same figures as the default writers give.
    const c: Manifest = await generateSample({ seed: DEFAULT_SEED, scale: 1, seedsDir: SEEDS_DIR, outDir: join(root, 'c') });
    const names = new Map(seeds.indicators.map((i) => [i.name, i.code]));
    const key = (rows: Awaited<ReturnType<typeof readDeclared>>) => rows.map((r) => JSON.stringify(r)).sort();
    expect(key(await readDeclared(join(root, 'a'), a, names))).toEqual(key(await readDeclared(join(root, 'c'), c, names)));
  }, 300_000);
});

describe('the year against kpis.md', () => {
  it('ends the year near the city targets and keeps the laggard red on illegal farmland every quarter', async () => {
    const { ledgerFigures, patchFigures } = await import('../../pipelines/sample/figures');
    const { snapshot } = await import('../../pipelines/sample/model');
    const { quarterEnd, quarterStart } = await import('../../pipelines/sample/dates');
    const { SCENARIO } = await import('../../pipelines/sample/scenario');
    for (const seed of [DEFAULT_SEED, 7, 99]) {
      const year = buildYear(seed, seeds, 1);
      for (let q = 1; q <= 4; q++) {
        const city = { supply: 0, startNum: 0, startDen: 0, endNum: 0, endDen: 0, occupied: 0, illegal: 0 };
        for (const u of year) {
          const s = snapshot(u, 2023, q, { declareDetail: false });
          const f = ledgerFigures(s.ledger, quarterStart(2023, 1), quarterEnd(2023, q));
          const p = patchFigures(s.patches);
          city.supply += f.landSupply;
          city.startNum += f.startNum;
          city.startDen += f.startDen;
          city.endNum += f.endNum;
          city.endDen += f.endDen;
          city.occupied += p.occupied;
          city.illegal += p.illegal;
          if (u.unit.code === SCENARIO.laggard) expect((100 * p.illegal) / p.occupied, `seed ${seed} Q${q}`).toBeGreaterThan(1.5);
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
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';
import { Warehouse, migrate, loadSeeds, SEED_TABLES } from '../../pipelines/warehouse';

/** The catalogue as the spec ships it: the seed must match it row for row. */
function catalogue(): Record<string, string>[] {
  const text = readFileSync(projectPath('docs', 'spec', 'indicators-2023.csv'), 'utf8').trim();
  const [header, ...lines] = text.split('\n').map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

async function seeded(): Promise<Warehouse> {
  const wh = await Warehouse.open(':memory:');
  await migrate(wh);
  await loadSeeds(wh);
  return wh;
}

describe('seeds', () => {
  it('indicators match the catalogue row for row, every column', async () => {
    const wh = await seeded();
    try {
      const rows = await wh.all<Record<string, string | number | null>>('select * from indicators where year = 2023 order by rowid');
      const expected = catalogue();
      expect(rows).toHaveLength(37);
      expect(rows.map((r) => r.code)).toEqual(expected.map((r) => r.code));
      for (const [i, want] of expected.entries()) {
        const got = rows[i];
        expect(got.name).toBe(want.name);
        expect(got.unit).toBe(want.unit);
        expect(got.kind).toBe(want.kind);
        expect(got.direction).toBe(want.direction);
        expect(got.city_target).toBe(want.city_target === '' ? null : Number(want.city_target));
        expect(got.main_target).toBe(want.main_target === '' ? null : Number(want.main_target));
        expect(got.source).toBe(want.source);
        expect(got.plan_section).toBe(want.plan_section);
        expect(got.yellow_band).toBe(Number(want.yellow_band));
        expect(got.notes ?? '').toBe(want.notes);
        const schedule = [got.schedule_q1, got.schedule_q2, got.schedule_q3, got.schedule_q4];
        expect(schedule).toEqual(want.kind === 'cumulative' ? [25, 50, 75, 100] : [null, null, null, null]);
      }
    } finally {
      wh.close();
    }
  });

  it('units: nine reporting units, two aggregates, 市本级 members from the seed', async () => {
    const wh = await seeded();
    try {
      const units = await wh.all<{ code: string; name: string; kind: string; members: string[]; aliases: string[] }>(
        'select code, name, kind, members, aliases from units order by display_order',
      );
      expect(units.filter((u) => u.kind !== 'aggregate')).toHaveLength(9);
      const city = units.find((u) => u.code === '330400')!;
      expect(city.members).toHaveLength(9);
      expect(units.find((u) => u.code === 'SBJ')!.members).toEqual(['330402', '330411', 'JXETDZ', 'JXPORT']);
      expect(units.find((u) => u.code === 'JXETDZ')!.aliases).toContain('经开区');
    } finally {
      wh.close();
    }
  });

  it('targets: city targets from the catalogue, sample allocations add up to them, 市本级 200 亿元', async () => {
    const wh = await seeded();
    try {
      const mismatches = await wh.all(`
        with alloc as (
          select t.indicator_code, sum(t.target) as total
            from targets t join units u on u.code = t.unit_code
           where u.kind <> 'aggregate' and t.year = 2023
           group by all)
        select i.code, i.kind, c.target as city, a.total
          from indicators i
          join targets c on c.indicator_code = i.code and c.unit_code = '330400' and c.year = i.year
          join alloc a on a.indicator_code = i.code
         where i.kind <> 'rate' and abs(a.total - c.target) > 1e-6`);
      expect(mismatches).toEqual([]);
      const cityFromCatalogue = await wh.all(`
        select i.code from indicators i
          left join targets t on t.indicator_code = i.code and t.unit_code = '330400' and t.year = i.year
         where i.city_target is not null and (t.target is null or t.target <> i.city_target)`);
      expect(cityFromCatalogue).toEqual([]);
      const sbj = await wh.one<{ target: number; source: string }>(
        "select target, source from targets where unit_code = 'SBJ' and indicator_code = 'transfer_revenue'",
      );
      expect(sbj).toEqual({ target: 200, source: 'work_plan' });
      const sources = await wh.all<{ source: string }>('select distinct source from targets order by 1');
      expect(sources.map((s) => s.source)).toEqual(['catalogue', 'sample', 'work_plan']);
    } finally {
      wh.close();
    }
  });

  it('NRP_SEEDS points at another seed folder (next year is seed rows, not code)', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'nrp-seeds-'));
    try {
      for (const f of SEED_TABLES.filter((t) => t !== 'indicators').map((t) => `${t}.csv`)) copyFileSync(projectPath('seeds', f), join(dir, f));
      const lines = readFileSync(projectPath('seeds', 'indicators.csv'), 'utf8').trim().split('\n');
      writeFileSync(join(dir, 'indicators.csv'), [...lines, ...lines.slice(1).map((l) => l.replace(/^2023,/, '2024,'))].join('\n') + '\n');
      const wh = await Warehouse.open(':memory:');
      try {
        await migrate(wh);
        await loadSeeds(wh, dir);
        const years = await wh.all<{ year: number; n: number }>('select year, count(*) as n from indicators group by year order by year');
        expect(years).toEqual([{ year: 2023, n: 37 }, { year: 2024, n: 37 }]);
      } finally {
        wh.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipelines/period';
import { withReadWarehouse, type Warehouse } from '../../pipelines/warehouse';
import { findRestatements, missingUnits, readBulletinConfig, readBulletinModels } from '../../reports/model';
import { sampleWarehouse } from '../mart-warehouse';

/** The bulletin model: one read of the marts per period, in one session, whatever the scopes. */
const q = (p: string) => parsePeriod(p)!;

/** Counts the statements a session runs, to show what the model reads and how often. */
function counting(wh: Warehouse): { wh: Warehouse; statements: string[] } {
  const statements: string[] = [];
  const all = wh.all.bind(wh);
  const proxy = Object.create(wh) as Warehouse;
  proxy.all = (async (sql: string, params?: unknown[]) => {
    statements.push(sql);
    return all(sql, params as never);
  }) as Warehouse['all'];
  return { wh: proxy, statements };
}

describe('readBulletinModels', () => {
  it('reads each period once for every scope asked for, and takes everything from the marts', async () => {
    const db = await sampleWarehouse();
    await withReadWarehouse(db, async (session) => {
      const { wh, statements } = counting(session);
      const [city, unit, q3] = await readBulletinModels(wh, readBulletinConfig(), [{ period: q('2023Q2') }, { period: q('2023Q2'), unit: '330481' }, { period: q('2023Q3') }]);
      expect(statements.length).toBe(14); // per period: progress (the year so far), scorecard, submission status, published values, key tasks, their roll-ups, the status seed
      expect(statements.filter((s) => /\bjoin\b/i.test(s) && !/bulletin_issues/.test(s))).toEqual([]); // no join of seeds: the marts carry it
      expect(statements.some((s) => /from (units|indicators|targets|submissions)\b/.test(s))).toBe(false);

      const rows = await session.all<{ n: number }>("select count(*) as n from mart_indicator_progress where period = '2023Q2'");
      expect(city.rows).toHaveLength(rows[0].n);
      expect(city.history.every((r) => r.period === '2023Q1')).toBe(true);
      expect(q3.history.map((r) => r.period).filter((p, i, a) => a.indexOf(p) === i)).toEqual(['2023Q1', '2023Q2']);
      expect([city.scope.isCity, city.scope.code, city.city.name]).toEqual([true, city.city.code, '全市']);
      expect([unit.scope.isCity, unit.scope.name]).toEqual([false, '海宁市']);
      // 重点工作: every milestone for the city; for a unit, the tasks that name it; roll-ups as the mart orders them
      const milestones = await session.all<{ n: number }>("select count(*) as n from mart_key_task_progress where period = '2023Q2'");
      expect(city.keyTasks.milestones).toHaveLength(milestones[0].n);
      expect(unit.keyTasks.milestones.length).toBeGreaterThan(0);
      expect(unit.keyTasks.milestones.length).toBeLessThan(city.keyTasks.milestones.length);
      expect(unit.keyTasks.milestones.every((m) => m.units_involved.includes('海宁市'))).toBe(true);
      expect(city.keyTasks.summary.map((r) => r.scope_kind).filter((k, i, a) => a.indexOf(k) === i)).toEqual(['city', 'section', 'division']);
      expect(city.keyTasks.summary[0].milestones).toBe(milestones[0].n);
      expect(unit.rows).toBe(city.rows); // the same rows, read once
      expect(city.units.map((u) => u.order)).toEqual([...city.units.map((u) => u.order)].sort((a, b) => a - b));
      expect(city.indicators.map((i) => i.order)).toEqual([...city.indicators.map((i) => i.order)].sort((a, b) => a - b));
      expect(city.mainTargets.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(city.mainTargets[0].title).toBe('耕地和永久基本农田保护');
      expect(city.submissions).toHaveLength(27); // nine units × three tables, arrived or not
      // The divisions that lead a key task × 重点工作进展, apart (the units' list reads as before).
      const leads = await session.all<{ n: number }>('select count(distinct lead_code) as n from int_key_task_milestones where year = 2023');
      expect(city.divisionSubmissions).toHaveLength(Number(leads[0].n));
      expect(city.divisionSubmissions.every((s) => s.submitter_kind === 'division' && s.table_name === '重点工作进展')).toBe(true);
      expect(city.submissions.every((s) => s.submitter_kind === 'unit')).toBe(true);
      expect(city.keyTasks.statuses.map((s) => s.status_order)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(missingUnits(q3).map((u) => u.name)).toEqual(['嘉兴港区']);
      expect(city.issue.documentNumber).toMatch(/〔2023〕\d+号$/);
      expect(unit.issue.addressee).toBe(readBulletinConfig().unitAddressees['330481']);
    });
  });

  it('footnotes a figure only where it reads differently from what an earlier issue published', async () => {
    const [model] = await withReadWarehouse(await sampleWarehouse(), (wh) => readBulletinModels(wh, readBulletinConfig(), [{ period: q('2023Q2') }]));
    const land = model.rows.find((r) => r.unit_code === '330481' && r.indicator_code === 'land_supply')!;
    const farm = model.rows.find((r) => r.unit_code === '330481' && r.indicator_code === 'new_farmland')!;
    const published = [
      { document_number: 'A', issued_on: '2023-07-20', unit_code: '330481', indicator_code: 'land_supply', actual: land.actual! + 1e-7 },
      { document_number: 'A', issued_on: '2023-07-20', unit_code: '330481', indicator_code: 'new_farmland', actual: farm.actual! - 100 },
    ];
    const found = findRestatements(model.rows, published, 'B');
    expect(found.map((r) => [r.mark, r.row.indicator_code])).toEqual([[1, 'new_farmland']]);
    expect(findRestatements(model.rows, published, 'A')).toEqual([]); // its own issue is no restatement
  });
});

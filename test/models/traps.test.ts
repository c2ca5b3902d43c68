/**
 * One test per trap of issue 5 / kpis.md. Every expected value is worked out by hand in the
 * comments next to it from the rows the test inserts (see ./warehouse.ts for why rows are
 * inserted directly) and the frozen test seeds (test/fixtures/models/seeds).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import type { Warehouse } from '../../pipelines/warehouse';
import {
  build, freshWarehouse, progressRow, submitLedger, submitPatches, submitSummary, TEST_SEEDS, UNITS, type ParcelRow,
} from './warehouse';

const scratch = tempDir('nrp-models-');
let seedCopies = 0;
/** A writable copy of the test seeds, for tests that change definitions. */
function copySeeds(): string {
  const dir = join(scratch, `seeds-${++seedCopies}`);
  cpSync(TEST_SEEDS, dir, { recursive: true });
  return dir;
}

let wh: Warehouse;
beforeEach(async () => {
  wh = await freshWarehouse();
});
afterEach(() => wh.close());

/** A parcel supplied this year with nothing due by mid-year (keeps a ledger non-empty). */
function parcel(id: string, over: Partial<ParcelRow> = {}): ParcelRow {
  return { id, area: 10, supplied: '2023-02-01', agreedStart: '2023-12-01', agreedCompletion: '2025-12-01', ...over };
}

describe('aggregates', () => {
  it('pools rates for the city: Σ numerator / Σ denominator, not the mean of unit rates', async () => {
    // 海宁 industrial_share: 出让 100 亩 of which 工业 80 → 80 %.  平湖: 出让 300 亩, 工业 60 → 20 %.
    // Mean of rates would be 50 %; pooled = (80 + 60) / (100 + 300) = 140 / 400 = 35 %.
    await submitLedger(wh, '330481', '2023Q2', [
      parcel('A1', { area: 80, use: '工业' }),
      parcel('A2', { area: 20, use: '住宅' }),
      parcel('A3', { area: 50, use: '公共管理与公共服务', method: '划拨', price: null }), // 划拨 is outside the share
    ]);
    await submitLedger(wh, '330482', '2023Q2', [parcel('B1', { area: 60, use: '工业' }), parcel('B2', { area: 240, use: '商服' })]);
    // Summary rate idle_land_disposal: 海宁 1/2 = 50 %, 平湖 9/10 = 90 %; pooled 10/12 = 83.33 % (mean 70 %).
    await submitSummary(wh, '330481', '2023Q2', [{ code: 'idle_land_disposal', numerator: 1, denominator: 2 }]);
    await submitSummary(wh, '330482', '2023Q2', [{ code: 'idle_land_disposal', numerator: 9, denominator: 10 }]);
    await build(wh);

    expect((await progressRow(wh, '2023Q2', '330481', 'industrial_share')).actual).toBeCloseTo(80, 9);
    expect((await progressRow(wh, '2023Q2', '330482', 'industrial_share')).actual).toBeCloseTo(20, 9);
    const city = await progressRow(wh, '2023Q2', '330400', 'industrial_share');
    expect(city.numerator).toBeCloseTo(140, 9);
    expect(city.denominator).toBeCloseTo(400, 9);
    expect(city.actual).toBeCloseTo(35, 9);
    const idle = await progressRow(wh, '2023Q2', '330400', 'idle_land_disposal');
    expect(idle.numerator).toBe(10);
    expect(idle.denominator).toBe(12);
    expect(idle.actual).toBeCloseTo((100 * 10) / 12, 9);
    // 市本级 has neither member here: its members did not submit, so it is missing.
    expect((await progressRow(wh, '2023Q2', 'SBJ', 'industrial_share')).status).toBe('missing');
  });

  it('leaves a unit that did not submit out of the city total, marks it missing and names it', async () => {
    // new_farmland (cumulative, summary): every unit but 秀洲区 and 嘉善县 reports 100 亩 in Q2.
    // 全市 = 7 × 100 = 700, incomplete, missing_units in display order: 秀洲区、嘉善县.
    // 市本级 (南湖, 秀洲, 经开区, 港区) = 3 × 100 = 300, missing 秀洲区.
    // 嘉善县 reported 400 in Q1: never carried into Q2.
    await submitSummary(wh, '330421', '2023Q1', [{ code: 'new_farmland', value: 400 }]);
    for (const unit of UNITS.filter((u) => u !== '330411' && u !== '330421')) {
      await submitSummary(wh, unit, '2023Q2', [{ code: 'new_farmland', value: 100 }]);
    }
    await build(wh);

    const city = await progressRow(wh, '2023Q2', '330400', 'new_farmland');
    expect(city.actual).toBe(700);
    expect(city.incomplete).toBe(true);
    expect(city.missing_units).toBe('秀洲区、嘉善县');
    const sbj = await progressRow(wh, '2023Q2', 'SBJ', 'new_farmland');
    expect(sbj.actual).toBe(300);
    expect(sbj.missing_units).toBe('秀洲区');
    const jiashan = await progressRow(wh, '2023Q2', '330421', 'new_farmland');
    expect(jiashan.status).toBe('missing');
    expect(jiashan.actual).toBeNull();
    expect(jiashan.rank).toBeNull();
    expect(jiashan.prev_actual).toBe(400);
    // In Q1 only 嘉善县 reported: 全市 = 400, eight members missing.
    const q1 = await progressRow(wh, '2023Q1', '330400', 'new_farmland');
    expect(q1.actual).toBe(400);
    expect(q1.missing_units).toBe('南湖区、秀洲区、海盐县、海宁市、平湖市、桐乡市、嘉兴经济技术开发区、嘉兴港区');
    // A complete aggregate says so.
    await submitSummary(wh, '330411', '2023Q2', [{ code: 'new_farmland', value: 50 }]);
    await build(wh);
    const sbjComplete = await progressRow(wh, '2023Q2', 'SBJ', 'new_farmland');
    expect(sbjComplete.actual).toBe(350);
    expect(sbjComplete.incomplete).toBe(false);
    expect(sbjComplete.missing_units).toBeNull();
  });

  it('takes 市本级 members from the units seed', async () => {
    // 南湖 10 + 秀洲 20 + 经开区 40 + 港区 80 = 150 with the default members (海宁 1000 is not one).
    for (const [unit, value] of [['330402', 10], ['330411', 20], ['JXETDZ', 40], ['JXPORT', 80], ['330481', 1000]] as const) {
      await submitSummary(wh, unit, '2023Q1', [{ code: 'greening_area', value }]);
    }
    await build(wh);
    expect((await progressRow(wh, '2023Q1', 'SBJ', 'greening_area')).actual).toBe(150);
    // Reconfigured in the seeds as 南湖 + 海宁: 10 + 1000 = 1010, no SQL changed.
    const seeds = copySeeds();
    const units = readFileSync(join(seeds, 'units.csv'), 'utf8').replace(/^SBJ,市本级,,aggregate,11,[^,]*,/m, 'SBJ,市本级,,aggregate,11,330402|330481,');
    writeFileSync(join(seeds, 'units.csv'), units);
    await build(wh, { seedsDir: seeds });
    expect((await progressRow(wh, '2023Q1', 'SBJ', 'greening_area')).actual).toBe(1010);
  });

  it('needs only new seed rows for another plan year (2024)', async () => {
    // 2024 catalogue = the 2023 rows with year 2024; one target: new_farmland for 海宁 = 1000, with a
    // front-loaded schedule 40/60/80/100. 海宁 reports 300 in 2024Q1 → 30 % vs 40 % → gap −10 → yellow.
    const seeds = copySeeds();
    const indicators = readFileSync(join(seeds, 'indicators.csv'), 'utf8').trimEnd().split('\n');
    const rows2024 = indicators.slice(1).map((line) => {
      const row = line.replace(/^2023,/, '2024,');
      return row.startsWith('2024,new_farmland,') ? row.replace(/,25,50,75,100$/, ',40,60,80,100') : row;
    });
    writeFileSync(join(seeds, 'indicators.csv'), [...indicators, ...rows2024].join('\n') + '\n');
    writeFileSync(join(seeds, 'targets.csv'), readFileSync(join(seeds, 'targets.csv'), 'utf8').trimEnd() + '\n2024,new_farmland,330481,1000,sample,test\n');
    await submitSummary(wh, '330481', '2024Q1', [{ code: 'new_farmland', value: 300 }]);
    const summary = await build(wh, { seedsDir: seeds });
    expect(summary.periods).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1']);
    const row = await progressRow(wh, '2024Q1', '330481', 'new_farmland');
    expect([row.target, row.completion_pct, row.expected_pct, row.gap_pp, row.status]).toEqual([1000, 30, 40, -10, 'yellow']);
    expect((await progressRow(wh, '2024Q1', '330402', 'new_farmland')).status).toBe('missing');
  });
});

describe('commencement and completion', () => {
  it('an approved extension moves the start due date', async () => {
    // Q2 ends 2023-06-30.  X: agreed 05-01, extended to 08-01, not started → not due.
    // Y: agreed 05-01, started 06-10 → due, started.  Z: agreed 04-01, not started → due.
    // W: agreed 08-01 but extension irrelevant; not due.  → 1 started / 2 due = 50 %.
    await submitLedger(wh, '330481', '2023Q2', [
      parcel('X', { agreedStart: '2023-05-01', extendedStart: '2023-08-01' }),
      parcel('Y', { agreedStart: '2023-05-01', actualStart: '2023-06-10' }),
      parcel('Z', { agreedStart: '2023-04-01' }),
      parcel('W', { agreedStart: '2023-08-01' }),
    ]);
    await build(wh);
    const row = await progressRow(wh, '2023Q2', '330481', 'commencement_rate');
    expect(row.numerator).toBe(1);
    expect(row.denominator).toBe(2);
    expect(row.actual).toBe(50);
  });

  it('an extension of completion moves the completion due date the same way', async () => {
    // C1: agreed completion 06-01, extended to 12-31 → not due.  C2: agreed 06-01, completed 06-20 → due, done.
    // C3: agreed 03-31 (on the Q1 end), not completed → due.  Q2: 1 / 2 = 50 %.
    await submitLedger(wh, '330482', '2023Q2', [
      parcel('C1', { agreedStart: '2023-01-10', actualStart: '2023-01-15', agreedCompletion: '2023-06-01', extendedCompletion: '2023-12-31' }),
      parcel('C2', { agreedStart: '2023-01-10', actualStart: '2023-01-15', agreedCompletion: '2023-06-01', actualCompletion: '2023-06-20' }),
      parcel('C3', { agreedStart: '2023-01-10', actualStart: '2023-01-15', agreedCompletion: '2023-03-31' }),
    ]);
    await build(wh);
    const row = await progressRow(wh, '2023Q2', '330482', 'completion_rate');
    expect([row.numerator, row.denominator, row.actual]).toEqual([1, 2, 50]);
  });

  it('parcels supplied in earlier years still count as due, but not as this year\'s supply', async () => {
    // E1 supplied 2021, agreed start 2022-06-01, never started → due, not started.
    // E2 supplied 2022, agreed start 2022-12-01, started 2023-02-01 → due, started.
    // N1 supplied 2023-03-01, 25 亩, agreed start 2023-09-01 → not due yet.
    // commencement 1 / 2 = 50 %; land_supply counts only N1 = 25 亩.
    await submitLedger(wh, '330483', '2023Q2', [
      parcel('E1', { area: 40, supplied: '2021-05-01', agreedStart: '2022-06-01' }),
      parcel('E2', { area: 30, supplied: '2022-08-01', agreedStart: '2022-12-01', actualStart: '2023-02-01' }),
      parcel('N1', { area: 25, supplied: '2023-03-01', agreedStart: '2023-09-01' }),
    ]);
    await build(wh);
    const rate = await progressRow(wh, '2023Q2', '330483', 'commencement_rate');
    expect([rate.numerator, rate.denominator, rate.actual]).toEqual([1, 2, 50]);
    expect((await progressRow(wh, '2023Q2', '330483', 'land_supply')).actual).toBe(25);
  });

  it('a parcel started before this year is not due; one completed before this year is not due', async () => {
    // P1: agreed 2022-03-01, started 2022-05-01 → not due (started before 2023-01-01).
    // P2: agreed 2023-02-01, started 2023-03-01 → due, started.   Start: 1 / 1 = 100 %.
    // P1 completed 2022-11-30 (due 2022-12-31) → not due for completion; P3 due 2023-05-31, not completed → due.
    // Completion: 0 / 1 = 0 %.
    await submitLedger(wh, '330424', '2023Q2', [
      parcel('P1', { supplied: '2021-10-01', agreedStart: '2022-03-01', actualStart: '2022-05-01', agreedCompletion: '2022-12-31', actualCompletion: '2022-11-30' }),
      parcel('P2', { agreedStart: '2023-02-01', actualStart: '2023-03-01' }),
      parcel('P3', { supplied: '2022-01-10', agreedStart: '2022-02-01', actualStart: '2022-02-10', agreedCompletion: '2023-05-31' }),
    ]);
    await build(wh);
    const start = await progressRow(wh, '2023Q2', '330424', 'commencement_rate');
    expect([start.numerator, start.denominator, start.actual]).toEqual([1, 1, 100]);
    const done = await progressRow(wh, '2023Q2', '330424', 'completion_rate');
    expect([done.numerator, done.denominator, done.actual]).toEqual([0, 1, 0]);
  });

  it('a rate with a zero denominator is no_data, not 0 % or 100 %', async () => {
    // Nothing due by Q1 end: commencement 0 / 0 → no_data.  Summary rate with 分母 0 → no_data too.
    await submitLedger(wh, '330402', '2023Q1', [parcel('Q', { agreedStart: '2023-06-01' })]);
    await submitSummary(wh, '330402', '2023Q1', [{ code: 'standard_contract_usage', numerator: 0, denominator: 0 }]);
    await build(wh);
    const rate = await progressRow(wh, '2023Q1', '330402', 'commencement_rate');
    expect(rate.status).toBe('no_data');
    expect(rate.actual).toBeNull();
    expect([rate.numerator, rate.denominator]).toEqual([0, 0]);
    expect(rate.rank).toBeNull();
    expect((await progressRow(wh, '2023Q1', '330402', 'standard_contract_usage')).status).toBe('no_data');
    // The city pools 0 / 0 as well.
    expect((await progressRow(wh, '2023Q1', '330400', 'commencement_rate')).status).toBe('no_data');
  });
});

describe('land-supply figures', () => {
  it('sums supply, transfer revenue (亿元) and stock land within the year to the period end', async () => {
    // In window (2023-01-01 … 06-30): L1 出让 工业 30 亩 5000 万元 stock; L2 出让 住宅 20 亩 25000 万元;
    // L3 划拨 10 亩 stock. Out of window: L4 supplied 2022-12-31 (出让, 999 万元).
    // land_supply 60; transfer_revenue (5000 + 25000) / 10000 = 3 亿元; stock 40; industrial_share 30/50 = 60 %.
    await submitLedger(wh, '330421', '2023Q2', [
      parcel('L1', { area: 30, use: '工业', price: 5000, stock: true, supplied: '2023-01-01' }),
      parcel('L2', { area: 20, use: '住宅', price: 25000, supplied: '2023-06-30' }),
      parcel('L3', { area: 10, use: '交通运输', method: '划拨', price: null, stock: true }),
      parcel('L4', { area: 99, price: 999, supplied: '2022-12-31' }),
    ]);
    await build(wh);
    expect((await progressRow(wh, '2023Q2', '330421', 'land_supply')).actual).toBe(60);
    expect((await progressRow(wh, '2023Q2', '330421', 'transfer_revenue')).actual).toBeCloseTo(3, 12);
    expect((await progressRow(wh, '2023Q2', '330421', 'stock_land_revitalized')).actual).toBe(40);
    expect((await progressRow(wh, '2023Q2', '330421', 'industrial_share')).actual).toBeCloseTo(60, 9);
  });

  it('a submission that omits a table leaves that table\'s indicators no_data', async () => {
    // 海宁 sends only 指标进度: land-supply and patch indicators are no_data (not reported ≠ zero).
    await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 10 }]);
    await build(wh);
    expect((await progressRow(wh, '2023Q1', '330481', 'land_supply')).status).toBe('no_data');
    expect((await progressRow(wh, '2023Q1', '330481', 'illegal_farmland_ratio')).status).toBe('no_data');
    expect((await progressRow(wh, '2023Q1', '330481', 'new_farmland')).actual).toBe(10);
    // 全市 without any ledger: no value, not zero.
    expect((await progressRow(wh, '2023Q1', '330400', 'land_supply')).actual).toBeNull();
  });
});

describe('patches', () => {
  it('refuses patches of a later batch than the period and counts earlier batches of the year', async () => {
    // Q2: 2023Q1 (occ 100, ill 1) and 2023Q2 (occ 100, ill 2) count; 2023Q3 (occ 100, ill 50) is later,
    // 2022Q4 (occ 100, ill 50) is another year. Ratio = 100 × 3 / 200 = 1.5 %.
    await submitPatches(wh, '330402', '2023Q2', [
      { id: 'T1', batch: '2023Q1', occupied: 100, illegal: 1 },
      { id: 'T2', batch: '2023Q2', occupied: 100, illegal: 2 },
      { id: 'T3', batch: '2023Q3', occupied: 100, illegal: 50 },
      { id: 'T4', batch: '2022Q4', occupied: 100, illegal: 50 },
    ]);
    await build(wh);
    const row = await progressRow(wh, '2023Q2', '330402', 'illegal_farmland_ratio');
    expect([row.numerator, row.denominator]).toEqual([3, 200]);
    expect(row.actual).toBeCloseTo(1.5, 12);
    // max direction, threshold 1, band 0.5: 1.5 ≤ 1.5 → yellow (on the edge).
    expect(row.status).toBe('yellow');
  });
});

describe('versions', () => {
  it('a resubmission replaces the first version\'s figures, whole table', async () => {
    // v1: new_farmland 100, greening_area 50.  v2: new_farmland 250 only → greening_area is gone (no_data).
    // Ledger v1: 10 亩; v2: 7 亩.
    await submitSummary(wh, '330483', '2023Q1', [{ code: 'new_farmland', value: 100 }, { code: 'greening_area', value: 50 }]);
    await submitLedger(wh, '330483', '2023Q1', [parcel('V1', { area: 10 })]);
    await submitSummary(wh, '330483', '2023Q1', [{ code: 'new_farmland', value: 250 }]);
    await submitLedger(wh, '330483', '2023Q1', [parcel('V1', { area: 7 })]);
    await build(wh);
    expect((await progressRow(wh, '2023Q1', '330483', 'new_farmland')).actual).toBe(250);
    expect((await progressRow(wh, '2023Q1', '330483', 'greening_area')).status).toBe('no_data');
    expect((await progressRow(wh, '2023Q1', '330483', 'land_supply')).actual).toBe(7);
    expect((await progressRow(wh, '2023Q1', '330400', 'new_farmland')).actual).toBe(250);
    const status = await wh.all<{ table_name: string; arrived: boolean; version: number | null; version_count: number }>(
      `select table_name, arrived, version, version_count from mart_submission_status
        where period = '2023Q1' and unit_code = '330483'`,
    );
    const byTable = Object.fromEntries(status.map((r) => [r.table_name, r]));
    expect(byTable['指标进度']).toMatchObject({ arrived: true, version: 2, version_count: 2 });
    expect(byTable['供地台账']).toMatchObject({ arrived: true, version: 2, version_count: 2 });
    expect(byTable['卫片图斑']).toMatchObject({ arrived: false, version: null, version_count: 0 });
  });
});

describe('status and rank', () => {
  it('puts a value exactly on a band edge on the better side', async () => {
    // new_farmland Q2: expected 50 %, yellow band 10 百分点.
    // 海宁 target 2170: 1085 → 50 % → gap 0 → green.  桐乡 target 2170: 868 → 40 % → gap −10 → yellow.
    // 平湖 target 2015: 805.9 → 39.995… % → red.
    // idle_land_disposal (min, threshold 100, band 5): 95/100 = 95 → yellow; 94.9/100 → red; 100/100 → green.
    // survey_error_rate (max, threshold 2, band 0.5): 2/100 = 2 → green; 25/1000 = 2.5 → yellow; 26/1000 → red.
    await submitSummary(wh, '330481', '2023Q2', [
      { code: 'new_farmland', value: 1085 },
      { code: 'idle_land_disposal', numerator: 95, denominator: 100 },
      { code: 'survey_error_rate', numerator: 2, denominator: 100 },
    ]);
    await submitSummary(wh, '330483', '2023Q2', [
      { code: 'new_farmland', value: 868 },
      { code: 'idle_land_disposal', numerator: 94.9, denominator: 100 },
      { code: 'survey_error_rate', numerator: 25, denominator: 1000 },
    ]);
    await submitSummary(wh, '330482', '2023Q2', [
      { code: 'new_farmland', value: 805.9 },
      { code: 'idle_land_disposal', numerator: 100, denominator: 100 },
      { code: 'survey_error_rate', numerator: 26, denominator: 1000 },
    ]);
    await build(wh);
    const haining = await progressRow(wh, '2023Q2', '330481', 'new_farmland');
    expect(haining.target).toBe(2170);
    expect(haining.expected_pct).toBe(50);
    expect(haining.completion_pct).toBeCloseTo(50, 9);
    expect(haining.gap_pp).toBeCloseTo(0, 9);
    expect(haining.status).toBe('green');
    const tongxiang = await progressRow(wh, '2023Q2', '330483', 'new_farmland');
    expect(tongxiang.gap_pp).toBeCloseTo(-10, 9);
    expect(tongxiang.status).toBe('yellow');
    expect((await progressRow(wh, '2023Q2', '330482', 'new_farmland')).status).toBe('red');
    expect((await progressRow(wh, '2023Q2', '330481', 'idle_land_disposal')).status).toBe('yellow');
    expect((await progressRow(wh, '2023Q2', '330483', 'idle_land_disposal')).status).toBe('red');
    expect((await progressRow(wh, '2023Q2', '330482', 'idle_land_disposal')).status).toBe('green');
    expect((await progressRow(wh, '2023Q2', '330481', 'survey_error_rate')).status).toBe('green');
    expect((await progressRow(wh, '2023Q2', '330483', 'survey_error_rate')).status).toBe('yellow');
    expect((await progressRow(wh, '2023Q2', '330482', 'survey_error_rate')).status).toBe('red');
  });

  it('ranks ties 1, 2, 2, 4 among reporting units only, descending for min and ascending for max', async () => {
    // idle_land_disposal (min): 南湖 90, 秀洲 80, 嘉善 80, 海盐 50 → 1, 2, 2, 4.
    // survey_error_rate (max): 南湖 1 %, 秀洲 3 %, 嘉善 3 %, 海盐 5 % → 1, 2, 2, 4.
    // new_farmland (cumulative, by completion): 南湖 852.5/1705 = 50 %, 秀洲 852.5/1705 = 50 %,
    //   嘉善 2015/2015 = 100 %, 海盐 0/1550 = 0 % → 嘉善 1, 南湖 2, 秀洲 2, 海盐 4.
    const rows: [string, number, number, number][] = [
      ['330402', 90, 1, 852.5], ['330411', 80, 3, 852.5], ['330421', 80, 3, 2015], ['330424', 50, 5, 0],
    ];
    for (const [unit, idle, errors, farmland] of rows) {
      await submitSummary(wh, unit, '2023Q2', [
        { code: 'idle_land_disposal', numerator: idle, denominator: 100 },
        { code: 'survey_error_rate', numerator: errors, denominator: 100 },
        { code: 'new_farmland', value: farmland },
      ]);
    }
    await build(wh);
    const ranks = async (code: string) =>
      Promise.all(['330402', '330411', '330421', '330424'].map(async (u) => (await progressRow(wh, '2023Q2', u, code)).rank));
    expect(await ranks('idle_land_disposal')).toEqual([1, 2, 2, 4]);
    expect(await ranks('survey_error_rate')).toEqual([1, 2, 2, 4]);
    expect(await ranks('new_farmland')).toEqual([2, 2, 1, 4]);
    expect((await progressRow(wh, '2023Q2', '330400', 'idle_land_disposal')).rank).toBeNull();
    expect((await progressRow(wh, '2023Q2', '330481', 'idle_land_disposal')).rank).toBeNull(); // missing
  });

  it('an indicator without a target is no_target, shows its value and is not ranked', async () => {
    // provincial_showcase_projects has targets for 海宁 and 桐乡 only; 南湖 reports 1 → no_target.
    await submitSummary(wh, '330402', '2023Q2', [{ code: 'provincial_showcase_projects', value: 1 }]);
    await submitSummary(wh, '330481', '2023Q2', [{ code: 'provincial_showcase_projects', value: 1 }]);
    await build(wh);
    const nanhu = await progressRow(wh, '2023Q2', '330402', 'provincial_showcase_projects');
    expect(nanhu.status).toBe('no_target');
    expect(nanhu.actual).toBe(1);
    expect([nanhu.target, nanhu.completion_pct, nanhu.gap_pp, nanhu.rank]).toEqual([null, null, null, null]);
    expect(nanhu.expected_pct).toBe(50);
    // 海宁 target 1: 100 % ≥ 50 % → green, rank 1.
    const haining = await progressRow(wh, '2023Q2', '330481', 'provincial_showcase_projects');
    expect([haining.target, haining.completion_pct, haining.status, haining.rank]).toEqual([1, 100, 'green', 1]);
  });

  it('no_target comes before no_data: a unit without a target need not report the indicator', async () => {
    // provincial_showcase_projects: 秀洲 (no target) and 桐乡 (target 1) both send 指标进度 without its row.
    // 秀洲 → no_target (nothing is asked of it); 桐乡 → no_data (asked, not reported).
    // 市本级 has no target row either → no_target, although its members' sum is empty.
    await submitSummary(wh, '330411', '2023Q2', [{ code: 'new_farmland', value: 1 }]);
    await submitSummary(wh, '330483', '2023Q2', [{ code: 'new_farmland', value: 1 }]);
    await build(wh);
    expect((await progressRow(wh, '2023Q2', '330411', 'provincial_showcase_projects')).status).toBe('no_target');
    expect((await progressRow(wh, '2023Q2', '330483', 'provincial_showcase_projects')).status).toBe('no_data');
    expect((await progressRow(wh, '2023Q2', 'SBJ', 'provincial_showcase_projects')).status).toBe('no_target');
    // 全市 has target 2 (seed row): no member value → no_data.
    expect((await progressRow(wh, '2023Q2', '330400', 'provincial_showcase_projects')).status).toBe('no_data');
  });
});

describe('periods and previous values', () => {
  it('covers every quarter up to the latest submitted one and gives prev_actual', async () => {
    // Submissions for Q1 and Q3 only: the marts cover Q1, Q2, Q3 (not Q4); Q2 shows everyone missing.
    await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 200 }]);
    await submitSummary(wh, '330481', '2023Q3', [{ code: 'new_farmland', value: 900 }]);
    const summary = await build(wh);
    expect(summary.periods).toEqual(['2023Q1', '2023Q2', '2023Q3']);
    const q2 = await progressRow(wh, '2023Q2', '330481', 'new_farmland');
    expect(q2.status).toBe('missing');
    expect(q2.prev_actual).toBe(200);
    const q3 = await progressRow(wh, '2023Q3', '330481', 'new_farmland');
    expect(q3.prev_actual).toBeNull(); // Q2 was missing: not filled from Q1
    expect(q3.period_end).toBe('2023-09-30');
    expect((await progressRow(wh, '2023Q1', '330481', 'new_farmland')).prev_actual).toBeNull();
    const units = await wh.one<{ n: number }>(`select count(*) as n from mart_indicator_progress where period = '2023Q2'`);
    expect(units!.n).toBe(11 * 37);
  });
});

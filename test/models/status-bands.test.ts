/**
 * The lights of kpis.md at their band edges, one row per edge, each worked out by hand from the
 * frozen test seeds (test/fixtures/models/seeds): the independent check of the status rule that
 * replaced a data test which copied the model's CASE. Values on an edge in decimals land on the
 * better side; just past it, on the worse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipelines/warehouse';
import { build, freshWarehouse, progressRow, submitSummary, type SummaryRow } from './warehouse';

interface Edge {
  unit: string;
  row: SummaryRow;
  /** Hand-computed: completion_pct (cumulative) or actual (rate, level). */
  value: number;
  status: 'green' | 'yellow' | 'red';
  why: string;
}

// new_farmland, cumulative, Q2: expected 50 %, yellow band 10 百分点.
const CUMULATIVE: Edge[] = [
  { unit: '330421', row: { code: 'new_farmland', value: 2015 }, value: 100, status: 'green', why: '2015 / 2015 = 100 %, ahead of 50' },
  { unit: '330481', row: { code: 'new_farmland', value: 1085 }, value: 50, status: 'green', why: '1085 / 2170 = 50 %: gap 0, on the edge' },
  { unit: '330483', row: { code: 'new_farmland', value: 1084.9 }, value: 49.995391705069124, status: 'yellow', why: '1084.9 / 2170 = 49.995 %: just behind' },
  { unit: '330402', row: { code: 'new_farmland', value: 682 }, value: 40, status: 'yellow', why: '682 / 1705 = 40 %: gap −10, on the yellow edge' },
  { unit: '330411', row: { code: 'new_farmland', value: 681.9 }, value: 39.99413489736071, status: 'red', why: '681.9 / 1705 = 39.994 %: past the band' },
];

// idle_land_disposal, rate, min: threshold 100, band 5.
const RATE_MIN: Edge[] = [
  { unit: '330481', row: { code: 'idle_land_disposal', numerator: 100, denominator: 100 }, value: 100, status: 'green', why: 'at the threshold' },
  { unit: '330483', row: { code: 'idle_land_disposal', numerator: 999, denominator: 1000 }, value: 99.9, status: 'yellow', why: 'just under' },
  { unit: '330402', row: { code: 'idle_land_disposal', numerator: 19, denominator: 20 }, value: 95, status: 'yellow', why: '95 = 100 − 5, on the yellow edge' },
  { unit: 'JXETDZ', row: { code: 'idle_land_disposal', numerator: 1.14, denominator: 1.2 }, value: 95, status: 'yellow', why: '95 in decimals, 94.99999999999999 in binary' },
  { unit: '330411', row: { code: 'idle_land_disposal', numerator: 949, denominator: 1000 }, value: 94.9, status: 'red', why: 'past the band' },
];

// survey_error_rate, rate, max: threshold 2, band 0.5.
const RATE_MAX: Edge[] = [
  { unit: '330421', row: { code: 'survey_error_rate', numerator: 0, denominator: 100 }, value: 0, status: 'green', why: 'no errors' },
  { unit: '330481', row: { code: 'survey_error_rate', numerator: 2, denominator: 100 }, value: 2, status: 'green', why: 'at the ceiling' },
  { unit: '330483', row: { code: 'survey_error_rate', numerator: 201, denominator: 10000 }, value: 2.01, status: 'yellow', why: 'just over' },
  { unit: '330402', row: { code: 'survey_error_rate', numerator: 5, denominator: 200 }, value: 2.5, status: 'yellow', why: '2.5 = 2 + 0.5, on the yellow edge' },
  { unit: '330411', row: { code: 'survey_error_rate', numerator: 251, denominator: 10000 }, value: 2.51, status: 'red', why: 'past the band' },
];

// farmland_area, level, min, band 0: no yellow at all.
const LEVEL: Edge[] = [
  { unit: '330481', row: { code: 'farmland_area', value: 304000 }, value: 304000, status: 'green', why: 'at the floor 304000' },
  { unit: '330483', row: { code: 'farmland_area', value: 341999.9 }, value: 341999.9, status: 'red', why: 'under the floor 342000, band 0' },
];

const ALL = [...CUMULATIVE, ...RATE_MIN, ...RATE_MAX, ...LEVEL];

let wh: Warehouse;
beforeAll(async () => {
  wh = await freshWarehouse();
  const byUnit = new Map<string, SummaryRow[]>();
  for (const e of ALL) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e.row]);
  for (const [unit, rows] of byUnit) await submitSummary(wh, unit, '2023Q2', rows);
  await build(wh);
}, 60_000);
afterAll(() => wh.close());

describe.each([
  ['cumulative: gap_pp against −yellow_band', CUMULATIVE],
  ['rate, min: actual against threshold − band', RATE_MIN],
  ['rate, max: actual against threshold + band', RATE_MAX],
  ['level, min, band 0', LEVEL],
])('%s', (_title, edges) => {
  it.each(edges.map((e) => [`${e.unit} ${e.row.code}: ${e.why} → ${e.status}`, e] as const))('%s', async (_name, e) => {
    const row = await progressRow(wh, '2023Q2', e.unit, e.row.code);
    expect(row.kind === 'cumulative' ? row.completion_pct : row.actual).toBeCloseTo(e.value, 9);
    expect(row.status).toBe(e.status);
  });
});

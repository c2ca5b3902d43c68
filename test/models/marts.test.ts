/** The marts built on mart_indicator_progress: scorecard and main targets (rows inserted as in ./warehouse.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipelines/warehouse';
import { build, freshWarehouse, submitSummary } from './warehouse';

let wh: Warehouse;
beforeEach(async () => {
  wh = await freshWarehouse();
});
afterEach(() => wh.close());

describe('scorecard and main targets', () => {
  it('counts colours per unit and main target', async () => {
    // 海宁 Q2: new_farmland 1085 / 2170 = 50 % (expected 50) → green; rural_land_reclamation 0 → red
    // (both are main target 4); idle_land_disposal 95 % → yellow. Everything else from 指标进度 is
    // no_data or no_target, and the land-supply and patch indicators no_data (tables not sent).
    await submitSummary(wh, '330481', '2023Q2', [
      { code: 'new_farmland', value: 1085 },
      { code: 'rural_land_reclamation', value: 0 },
      { code: 'idle_land_disposal', numerator: 95, denominator: 100 },
    ]);
    await build(wh);
    const card = await wh.one<Record<string, number>>(
      `select indicators, green, yellow, red, missing, rated from mart_unit_scorecard where period = '2023Q2' and unit_code = '330481'`);
    expect(card).toEqual({ indicators: 37, green: 1, yellow: 1, red: 1, missing: 0, rated: 3 });
    const nanhu = await wh.one<Record<string, number>>(
      `select missing, rated from mart_unit_scorecard where period = '2023Q2' and unit_code = '330402'`);
    expect(nanhu).toEqual({ missing: 37, rated: 0 });
    const main4 = await wh.one<Record<string, unknown>>(
      `select indicator_codes, indicators, green, red, unrated, worst_status from mart_main_targets
        where period = '2023Q2' and unit_code = '330481' and main_target = 4`);
    expect(main4).toEqual({
      indicator_codes: 'new_farmland,rural_land_reclamation', indicators: 2, green: 1, red: 1, unrated: 0, worst_status: 'red',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipelines/period';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { readBulletinConfig, readBulletinModels, type BulletinModel } from '../../reports/model';
import { problemParagraphs } from '../../reports/text/problems';
import { Outline } from '../../reports/text/outline';
import { sampleWarehouse } from '../mart-warehouse';

/**
 * 存在问题's 部分指标排名靠后 for a unit, on the sample's 南湖区 2023Q2 with the ranks of one main
 * target's indicator set to a pattern of ties (the mart ranks 1, 2, 2, 4, and carries ranked_units).
 */
async function unitModel(): Promise<BulletinModel> {
  const [model] = await withReadWarehouse(await sampleWarehouse(), (wh) =>
    readBulletinModels(wh, readBulletinConfig(), [{ period: parsePeriod('2023Q2')!, unit: '330402' }]));
  return model;
}

/** `model` with the other units of `indicator` ranked `others` (in unit order), the scope ranked `own`, and ranked_units to match. */
function withRanks(model: BulletinModel, indicator: string, others: number[], own: number): BulletinModel {
  const units = model.rows.filter((r) => r.indicator_code === indicator && r.unit_kind !== 'aggregate' && r.unit_code !== model.scope.code);
  if (units.length < others.length) throw new Error('not enough units for the pattern');
  const ranks = new Map(units.slice(0, others.length).map((r, i) => [r.unit_code, others[i]]));
  ranks.set(model.scope.code, own);
  const rows = model.rows.map((r) => (r.indicator_code === indicator ? { ...r, rank: ranks.get(r.unit_code) ?? null, ranked_units: others.length + 1 } : r));
  return { ...model, rows };
}

describe('排名靠后 (a unit among the last three places)', () => {
  it('names an indicator whose place is among the last three, and not one a tie only reaches into, nor a tie for first', async () => {
    const model = await unitModel();
    const indicator = model.mainTargets[0].indicators[0];
    const says = (m: BulletinModel) => problemParagraphs(new Outline(m)).some((p) => p.includes(`${indicator.name}（第`) && p.includes('后三位'));
    // eight ranked: 1 … 6, 7, 7. Rank 6 has the two 7s behind it: among the last three.
    expect(says(withRanks(model, indicator.code, [1, 2, 3, 4, 5, 7, 7], 6))).toBe(true);
    // Rank 5 has 6, 7, 7 behind it: fifth of eight (the largest rank, 7, is within two of it).
    expect(says(withRanks(model, indicator.code, [1, 2, 3, 4, 6, 7, 7], 5))).toBe(false);
    // Tied with seven others for first: not last, though nobody ranks behind.
    expect(says(withRanks(model, indicator.code, [1, 1, 1, 1, 1, 1, 1], 1))).toBe(false);
    // Tied for last: 8, 8 of nine.
    expect(says(withRanks(model, indicator.code, [1, 2, 3, 4, 5, 6, 7, 8], 8))).toBe(true);
  });
});

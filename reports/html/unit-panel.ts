import { scorecardOf } from '../model/lookup';
import type { BulletinModel } from '../model/types';
import { lightCounts, silentUnitSentence } from '../text/phrases';
import { rowFigures } from './cells';

/**
 * What the unit panel shows for each unit of a quarter, formatted here (cells.ts, the tables'
 * formats) so that the page's script only lays it out: every indicator's target, figure,
 * completion, 序时进度, gap, rank and light, and the unit's light counts in the bulletin's words.
 */
export interface UnitPanelData {
  /** Indicator codes and names, in catalogue order; each unit's `rows` follow it. */
  indicators: [code: string, name: string][];
  units: Record<string, { name: string; lights: string; rows: (PanelRow | null)[] }>;
}

/** target, value, completion, 序时进度, gap, rank, status code, status word */
export type PanelRow = [string, string, string, string, string, string, string, string];

export function unitPanelData(model: BulletinModel): UnitPanelData {
  const units: UnitPanelData['units'] = {};
  const index = new Map(model.rows.map((r) => [`${r.unit_code}|${r.indicator_code}`, r]));
  for (const unit of model.units) {
    const card = scorecardOf(model, unit.code);
    units[unit.code] = {
      name: unit.name,
      lights: card ? (card.submitted || unit.kind === 'aggregate' ? lightCounts(card) : silentUnitSentence(unit.name)) : '',
      rows: model.indicators.map((ind) => {
        const row = index.get(`${unit.code}|${ind.code}`);
        if (!row) return null;
        const f = rowFigures(row);
        return [f.target, f.value, f.pct, f.expected, f.gap, f.rank, row.status, f.status];
      }),
    };
  }
  return { indicators: model.indicators.map((i) => [i.code, i.name]), units };
}

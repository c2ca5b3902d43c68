import type { ProgressRow, ScorecardRow } from '../mart';
import type { BulletinModel, UnitInfo } from './types';

/** Questions the outputs ask of a model, answered from its rows (no figure is computed here). */

export function rowFor(model: Pick<BulletinModel, 'rows'>, unit: string, indicator: string): ProgressRow | undefined {
  return model.rows.find((r) => r.unit_code === unit && r.indicator_code === indicator);
}

/** Every unit's row of one indicator, in display order. */
export function rowsOfIndicator(model: Pick<BulletinModel, 'rows'>, indicator: string): ProgressRow[] {
  return model.rows.filter((r) => r.indicator_code === indicator);
}

/** The scope's rows, in catalogue order. */
export function scopeRows(model: Pick<BulletinModel, 'rows' | 'scope'>): ProgressRow[] {
  return model.rows.filter((r) => r.unit_code === model.scope.code);
}

/** The same unit's row of the previous quarter of the year (ranks then), if any. */
export function previousRow(model: Pick<BulletinModel, 'history' | 'period'>, unit: string, indicator: string): ProgressRow | undefined {
  if (model.period.quarter === 1) return undefined;
  const previous = `${model.period.year}Q${model.period.quarter - 1}`;
  return model.history.find((r) => r.period === previous && r.unit_code === unit && r.indicator_code === indicator);
}

export function scorecardOf(model: Pick<BulletinModel, 'scorecard'>, unit: string): ScorecardRow | undefined {
  return model.scorecard.find((s) => s.unit_code === unit);
}

export function reportingUnits(model: Pick<BulletinModel, 'units'>): UnitInfo[] {
  return model.units.filter((u) => u.kind !== 'aggregate');
}

/** Reporting units that sent nothing for the period (mart_unit_scorecard.submitted), in display order. */
export function missingUnits(model: Pick<BulletinModel, 'units' | 'scorecard'>): UnitInfo[] {
  const silent = new Set(model.scorecard.filter((s) => s.unit_kind !== 'aggregate' && !s.submitted).map((s) => s.unit_code));
  return reportingUnits(model).filter((u) => silent.has(u.code));
}

/** The tables every unit is expected to send, in their order (mart_submission_status). */
export function expectedTables(model: Pick<BulletinModel, 'submissions'>): string[] {
  return [...new Map(model.submissions.map((s) => [s.table_name, s.table_order])).entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}

import type { KeyTaskProgressRow, KeyTaskSummaryRow, ProgressRow, ScorecardRow, SubmissionStatusRow } from '../mart';
import type { BulletinModel, Restatement, UnitInfo } from './types';

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

// 重点工作 (key tasks): read from the model's mart rows; every count is mart_key_task_summary's.

/** mart_key_task_summary's city row of the period; undefined where the year has no key-task catalogue. */
export function keyTaskCity(model: Pick<BulletinModel, 'keyTasks'>): KeyTaskSummaryRow | undefined {
  return model.keyTasks.summary.find((r) => r.scope_kind === 'city');
}

/** The sections' rows of mart_key_task_summary, in section order. */
export function keyTaskSections(model: Pick<BulletinModel, 'keyTasks'>): KeyTaskSummaryRow[] {
  return model.keyTasks.summary.filter((r) => r.scope_kind === 'section').sort((a, b) => a.display_order - b.display_order);
}

/** A division's row of mart_key_task_summary, by code. */
export function keyTaskDivision(model: Pick<BulletinModel, 'keyTasks'>, code: string): KeyTaskSummaryRow | undefined {
  return model.keyTasks.summary.find((r) => r.scope_kind === 'division' && r.scope_code === code);
}

/** The name the seed gives a status code (key_task_statuses). */
export function keyTaskStatusName(model: Pick<BulletinModel, 'keyTasks'>, code: KeyTaskProgressRow['status_code']): string {
  return model.keyTasks.statuses.find((s) => s.status_code === code)?.status_name ?? code;
}

/** The tasks among the model's milestones (the city: every task of the year; a unit: those naming it), in order, each with its milestones. */
export function keyTasksListed(model: Pick<BulletinModel, 'keyTasks'>): { code: string; title: string; lead: string; milestones: KeyTaskProgressRow[] }[] {
  const tasks = new Map<string, { code: string; title: string; lead: string; milestones: KeyTaskProgressRow[] }>();
  for (const m of model.keyTasks.milestones) {
    const task = tasks.get(m.task_code) ?? { code: m.task_code, title: m.task_title, lead: m.lead, milestones: [] };
    task.milestones.push(m);
    tasks.set(m.task_code, task);
  }
  return [...tasks.values()];
}

/** The model's milestones with one of `statuses`, by the seed's status order, then section, task and milestone. */
export function milestonesWithStatus(model: Pick<BulletinModel, 'keyTasks'>, statuses: readonly KeyTaskProgressRow['status_code'][]): KeyTaskProgressRow[] {
  return model.keyTasks.milestones.filter((m) => statuses.includes(m.status_code)).sort((a, b) => a.status_order - b.status_order);
}

/**
 * The divisions whose 重点工作进展 for the period did not arrive (mart_submission_status), in
 * display order: every one for the city; for a unit, those that lead one of its tasks.
 */
export function silentDivisions(model: Pick<BulletinModel, 'divisionSubmissions' | 'keyTasks' | 'scope'>): SubmissionStatusRow[] {
  const leads = new Set(model.keyTasks.milestones.map((m) => m.lead_code));
  return model.divisionSubmissions.filter((s) => !s.arrived && (model.scope.isCity || leads.has(s.unit_code)));
}

/** A division's short name for narrow columns (mart_submission_status.unit_short_name: 规划处), else `name`. */
export function divisionShortName(model: Pick<BulletinModel, 'divisionSubmissions'>, code: string, name: string): string {
  return model.divisionSubmissions.find((s) => s.unit_code === code)?.unit_short_name ?? name;
}

/** The divisions' submissions a bulletin shows figures from: all for the city; for a unit, the leads of its tasks. */
export function divisionSubmissionsInScope(model: Pick<BulletinModel, 'divisionSubmissions' | 'keyTasks' | 'scope'>): SubmissionStatusRow[] {
  const leads = new Set(model.keyTasks.milestones.map((m) => m.lead_code));
  return model.divisionSubmissions.filter((s) => model.scope.isCity || leads.has(s.unit_code));
}

/** Units by rank, then those without a rank, then those that did not submit, then the aggregates. */
export function rankingOrder(rows: readonly ProgressRow[]): ProgressRow[] {
  const group = (r: ProgressRow) => (r.unit_kind === 'aggregate' ? 3 : r.status === 'missing' ? 2 : r.rank === null ? 1 : 0);
  return [...rows].sort((a, b) => group(a) - group(b) || (a.rank ?? 0) - (b.rank ?? 0) || a.unit_order - b.unit_order);
}

/** The restatement of a row's figure (an issued bulletin published another), if it is one. */
export function restatementOf(model: Pick<BulletinModel, 'restatements'>, row: Pick<ProgressRow, 'unit_code' | 'indicator_code'>): Restatement | undefined {
  return model.restatements.find((r) => r.row.unit_code === row.unit_code && r.row.indicator_code === row.indicator_code);
}

/** The restatements among `rows`, each once, in the rows' order: the notes every edition puts under a table. */
export function restatementsAmong(model: Pick<BulletinModel, 'restatements'>, rows: readonly ProgressRow[]): Restatement[] {
  const out: Restatement[] = [];
  for (const row of rows) {
    const r = restatementOf(model, row);
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

import type { Period } from '../../pipelines/period';
import { quantity } from '../format';
import type { KeyTaskProgressRow, KeyTaskStatusInfo, KeyTaskSummaryRow, ProgressRow, PublishedValue, ScorecardRow, SubmissionStatusRow } from '../mart';
import type { IssueSettings } from './config';
import type { BulletinModel, IndicatorInfo, MainTarget, Restatement, UnitInfo } from './types';

/** What was read from the marts for one period (model/read.ts). */
export interface PeriodRows {
  rows: ProgressRow[];
  history: ProgressRow[];
  scorecard: ScorecardRow[];
  submissions: SubmissionStatusRow[];
  published: PublishedValue[];
  keyTasks: KeyTaskProgressRow[];
  keyTaskSummary: KeyTaskSummaryRow[];
  keyTaskStatuses: KeyTaskStatusInfo[];
}

/** The model of one bulletin: a pure function of the period's rows, its scope and its settings. */
export function assembleModel(period: Period, read: PeriodRows, scopeCode: string | undefined, issue: IssueSettings): BulletinModel {
  const units = unitsOf(read.rows);
  const city = units.find((u) => u.isCity);
  if (!city) throw new Error(`no city aggregate among the units of ${period.year}Q${period.quarter}`);
  const scope = scopeCode === undefined ? city : units.find((u) => u.code === scopeCode);
  if (!scope) throw new Error(`unit ${scopeCode} has no rows in ${period.year}Q${period.quarter}`);
  const indicators = indicatorsOf(read.rows);
  return {
    period: { ...period, code: `${period.year}Q${period.quarter}` },
    scope,
    city,
    units,
    indicators,
    mainTargets: mainTargetsOf(read.rows, indicators),
    rows: read.rows,
    history: read.history,
    scorecard: read.scorecard,
    submissions: read.submissions.filter((s) => s.submitter_kind === 'unit'),
    divisionSubmissions: read.submissions.filter((s) => s.submitter_kind === 'division'),
    published: read.published,
    keyTasks: keyTasksOf(read.keyTasks, read.keyTaskSummary, scope, read.keyTaskStatuses),
    restatements: findRestatements(read.rows, read.published, issue.documentNumber),
    issue,
  };
}

/**
 * The key tasks a bulletin shows: every milestone for the city; for a one-unit bulletin, the
 * milestones of the tasks whose units_involved names the unit (key-tasks.md "In the bulletin").
 * The roll-ups stay the city's, sections' and divisions' (a unit is not a scope of the plan).
 */
export function keyTasksOf(milestones: KeyTaskProgressRow[], summary: KeyTaskSummaryRow[], scope: UnitInfo, statuses: KeyTaskStatusInfo[] = []): BulletinModel['keyTasks'] {
  return {
    milestones: scope.isCity ? milestones : milestones.filter((m) => m.units_involved.includes(scope.name)),
    summary,
    statuses,
  };
}

/** Units in display order, as the rows name them. */
export function unitsOf(rows: readonly ProgressRow[]): UnitInfo[] {
  const seen = new Map<string, UnitInfo>();
  for (const r of rows) {
    if (seen.has(r.unit_code)) continue;
    seen.set(r.unit_code, { code: r.unit_code, name: r.unit_name, shortName: r.unit_short_name, kind: r.unit_kind, order: r.unit_order, isCity: r.is_city });
  }
  return [...seen.values()].sort((a, b) => a.order - b.order);
}

/** Indicators in catalogue order. */
export function indicatorsOf(rows: readonly ProgressRow[]): IndicatorInfo[] {
  const seen = new Map<string, IndicatorInfo>();
  for (const r of rows) {
    if (seen.has(r.indicator_code)) continue;
    seen.set(r.indicator_code, {
      code: r.indicator_code, name: r.indicator_name, kind: r.kind, direction: r.direction, unitOfMeasure: r.unit_of_measure,
      order: r.indicator_order, mainTarget: r.main_target, unitChart: r.unit_chart, fractionUnit: r.fraction_unit,
    });
  }
  return [...seen.values()].sort((a, b) => a.order - b.order);
}

function mainTargetsOf(rows: readonly ProgressRow[], indicators: IndicatorInfo[]): MainTarget[] {
  const byNumber = new Map<number, MainTarget>();
  for (const ind of indicators) {
    if (ind.mainTarget === null) continue;
    const title = rows.find((r) => r.indicator_code === ind.code)?.main_target_title ?? ind.name;
    const target = byNumber.get(ind.mainTarget) ?? { number: ind.mainTarget, title, indicators: [] };
    target.indicators.push(ind);
    byNumber.set(ind.mainTarget, target);
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

const key = (unit: string, indicator: string) => `${unit}|${indicator}`;

/**
 * The figures to footnote: for each unit × indicator, the latest value published by an earlier
 * bulletin of this period (another document number), where it reads differently from now.
 * Compared as displayed, so that noise below the last shown digit is not a restatement.
 */
export function findRestatements(rows: readonly ProgressRow[], published: readonly PublishedValue[], documentNumber: string): Restatement[] {
  const latest = new Map<string, PublishedValue>();
  const earlier = published
    .filter((p) => p.document_number !== documentNumber)
    .sort((a, b) => a.issued_on.localeCompare(b.issued_on) || a.document_number.localeCompare(b.document_number));
  for (const p of earlier) latest.set(key(p.unit_code, p.indicator_code), p);
  const found: Restatement[] = [];
  for (const row of rows) {
    const before = latest.get(key(row.unit_code, row.indicator_code));
    if (!before) continue;
    if (quantity(before.actual, row.unit_of_measure) === quantity(row.actual, row.unit_of_measure)) continue;
    found.push({ mark: found.length + 1, row, before });
  }
  return found;
}

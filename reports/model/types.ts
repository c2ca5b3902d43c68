import type { Period } from '../../pipelines/period';
import type { KeyTaskProgressRow, KeyTaskStatusInfo, KeyTaskSummaryRow, ProgressRow, PublishedValue, ScorecardRow, SubmissionStatusRow } from '../mart';
import type { IssueSettings } from './config';

/** A unit or aggregate as the outputs name and order it (from the mart rows). */
export interface UnitInfo {
  code: string;
  name: string;
  shortName: string;
  kind: ProgressRow['unit_kind'];
  order: number;
  isCity: boolean;
}

/** An indicator of the period's catalogue, in catalogue order. */
export interface IndicatorInfo {
  code: string;
  name: string;
  kind: ProgressRow['kind'];
  direction: ProgressRow['direction'];
  unitOfMeasure: string;
  order: number;
  mainTarget: number | null;
  unitChart: ProgressRow['unit_chart'];
  fractionUnit: string | null;
}

/** A main target of the work plan (二、主要目标 一是…十是) with its heading and indicators. */
export interface MainTarget {
  number: number;
  title: string;
  indicators: IndicatorInfo[];
}

/** A figure that reads differently from what an earlier bulletin for the same period published. */
export interface Restatement {
  /** Footnote number, 1… in the order of the rows. */
  mark: number;
  row: ProgressRow;
  before: PublishedValue;
}

/**
 * Everything one bulletin (a period × a scope: the city, or one reporting unit) shows, read from
 * the marts in one session and resolved against the configuration. Plain data: no handles, no
 * clock; the PDF, and later the HTML page and the workbook, are views over it.
 */
export interface BulletinModel {
  period: Period & { code: string };
  /** The unit the bulletin speaks of: the city, or one reporting unit. */
  scope: UnitInfo;
  /** The city aggregate (全市): the total every unit is compared with. */
  city: UnitInfo;
  /** Every unit and aggregate of the period, in display order. */
  units: UnitInfo[];
  indicators: IndicatorInfo[];
  mainTargets: MainTarget[];
  /** mart_indicator_progress of the period: by unit order, then catalogue order. */
  rows: ProgressRow[];
  /** The same for the year's earlier quarters, oldest first (the trend charts). */
  history: ProgressRow[];
  /** mart_unit_scorecard of the period, in display order. */
  scorecard: ScorecardRow[];
  /** mart_submission_status of the period: every reporting unit × expected table, arrived or not. */
  submissions: SubmissionStatusRow[];
  /**
   * mart_submission_status of the period for the divisions: every division that leads a key task
   * of the year × 重点工作进展, arrived or not, in the divisions' display order.
   */
  divisionSubmissions: SubmissionStatusRow[];
  /** Figures earlier issues of this period's bulletin published (empty before the first `--issue`). */
  published: PublishedValue[];
  /**
   * 重点工作: `milestones` from mart_key_task_progress (every milestone for the city; for a unit,
   * those of the tasks that name it), in section, task, milestone order; `summary` from
   * mart_key_task_summary (the city, then each section, then each division); `statuses` the
   * seed key_task_statuses (name, light and order of each status code), in status order.
   */
  keyTasks: { milestones: KeyTaskProgressRow[]; summary: KeyTaskSummaryRow[]; statuses: KeyTaskStatusInfo[] };
  /** The figures that changed since an earlier issue, to footnote. */
  restatements: Restatement[];
  issue: IssueSettings;
}

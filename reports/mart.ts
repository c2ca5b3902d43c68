/**
 * The rows of the marts the outputs read, as TypeScript sees them. The columns are documented
 * where they are made (`sql/marts/*.sql`, `nrp describe NAME`); nothing here computes them.
 */

/** One row of `mart_indicator_progress`: the contract of docs/spec/kpis.md, in its order. */
export interface IndicatorProgressRow {
  period: string;
  period_end: string;
  unit_code: string;
  unit_name: string;
  indicator_code: string;
  indicator_name: string;
  kind: 'cumulative' | 'rate' | 'level';
  direction: 'min' | 'max';
  unit_of_measure: string;
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  completion_pct: number | null;
  expected_pct: number | null;
  gap_pp: number | null;
  status: 'green' | 'yellow' | 'red' | 'missing' | 'no_data' | 'no_target';
  rank: number | null;
  prev_actual: number | null;
  incomplete: boolean | null;
  missing_units: string | null;
}

/** A whole row of `mart_indicator_progress`: the contract, then the columns outputs lay rows out by. */
export interface ProgressRow extends IndicatorProgressRow {
  unit_kind: 'county' | 'zone' | 'aggregate';
  unit_short_name: string;
  unit_order: number;
  is_city: boolean;
  main_target: number | null;
  main_target_title: string | null;
  indicator_order: number;
  unit_chart: 'rank' | 'rate' | null;
  fraction_unit: string | null;
  /** Rate and level indicators: actual − target (个百分点 for a rate in %), to 9 decimals; null for cumulative ones. */
  target_margin: number | null;
  /** How many units have a rank on the indicator in the period; null where none has. */
  ranked_units: number | null;
}

/** One row of `mart_unit_scorecard`: a unit's lights in a period. */
export interface ScorecardRow {
  period: string;
  unit_code: string;
  unit_name: string;
  unit_kind: ProgressRow['unit_kind'];
  unit_short_name: string;
  is_city: boolean;
  display_order: number;
  indicators: number;
  green: number;
  yellow: number;
  red: number;
  missing: number;
  no_data: number;
  no_target: number;
  rated: number;
  green_share_pct: number | null;
  submitted: boolean;
}

/**
 * One row of `mart_submission_status`: a submitter × expected table, arrived or not. Submitters
 * are the reporting units (指标进度, 供地台账, 卫片图斑) and the divisions that lead a key task
 * (重点工作进展); for a division, `unit_code`, `unit_name` and `unit_short_name` are its code,
 * name and first alias, and `display_order` its order among the divisions.
 */
export interface SubmissionStatusRow {
  period: string;
  submitter_kind: 'unit' | 'division';
  unit_code: string;
  unit_name: string;
  unit_short_name: string;
  display_order: number;
  table_name: string;
  table_order: number;
  arrived: boolean;
  version: number | null;
  version_count: number;
  /** `2023-07-15 09:30:00`, to the second; null where it has not arrived. */
  loaded_at: string | null;
  file_name: string | null;
  row_count: number | null;
  warning_count: number | null;
  sha256: string | null;
  warnings: string[];
}

/** A figure an earlier issue of the period's bulletin published (registry `bulletin_published_values`). */
export interface PublishedValue {
  document_number: string;
  issued_on: string;
  unit_code: string;
  indicator_code: string;
  actual: number | null;
}

/** One row of `mart_key_task_progress` (docs/spec/key-tasks.md): a milestone's status at a period. */
export interface KeyTaskProgressRow {
  period: string;
  task_code: string;
  section: string;
  section_title: string;
  task_title: string;
  milestone_no: number;
  milestone: string;
  lead: string;
  /** `2023-06-30` */
  due_date: string;
  due_basis: 'text' | 'sample';
  schedule_pct: number;
  status_code: 'done_on_time' | 'done_late' | 'overdue' | 'lagging' | 'on_track' | 'not_reported';
  status_name: string;
  light: 'green' | 'yellow' | 'red' | 'grey';
  progress_pct: number;
  /** `2023-06-28`, or null where not 已完成. */
  completed_on: string | null;
  report_text: string | null;
  problems: string | null;
  next_steps: string | null;
  submission_version: number | null;
  reported_in_period: boolean;
  section_order: number;
  task_no: number;
  lead_code: string;
  lead_order: number;
  units_involved: string[];
  status_order: number;
  report_period: string | null;
  lead_reported: boolean;
  task_light: KeyTaskProgressRow['light'];
  task_progress_pct: number;
}

/** A milestone status as the seed `key_task_statuses` names, lights and orders it. */
export interface KeyTaskStatusInfo {
  status_code: KeyTaskProgressRow['status_code'];
  status_name: string;
  light: KeyTaskProgressRow['light'];
  status_order: number;
}

/** One row of `mart_key_task_summary`: the milestones of a scope (the city, a section, a division) counted by status. */
export interface KeyTaskSummaryRow {
  period: string;
  scope_kind: 'city' | 'section' | 'division';
  scope_code: string;
  scope_name: string;
  milestones: number;
  due_count: number;
  done_count: number;
  done_on_time: number;
  done_late: number;
  overdue: number;
  lagging: number;
  on_track: number;
  not_reported: number;
  on_time_rate: number | null;
  completion_pct: number | null;
  light: KeyTaskProgressRow['light'] | null;
  display_order: number;
  /** Key tasks the scope's milestones belong to (全市30项重点工作). */
  tasks: number;
  /** How bad `light` is (the seed's light_severity), to order scopes by it. */
  light_severity: number | null;
}

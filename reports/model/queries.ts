import type { Warehouse } from '../../pipelines/warehouse';
import type { KeyTaskProgressRow, KeyTaskStatusInfo, KeyTaskSummaryRow, ProgressRow, PublishedValue, ScorecardRow, SubmissionStatusRow } from '../mart';

/**
 * The reads of the marts, each with its explicit order. Only columns the marts carry: nothing
 * is joined or computed here (that is the models' job, sql/marts).
 */

/** mart_indicator_progress for the given periods, by period, unit order, catalogue order. */
export async function progressRows(wh: Warehouse, periods: string[]): Promise<ProgressRow[]> {
  if (periods.length === 0) return [];
  return wh.all<ProgressRow>(
    `select * exclude (period_end), cast(period_end as varchar) as period_end
       from mart_indicator_progress
      where period in (${periods.map(() => '?').join(', ')})
      order by period, unit_order, indicator_order`,
    periods,
  );
}

export async function scorecardRows(wh: Warehouse, period: string): Promise<ScorecardRow[]> {
  return wh.all<ScorecardRow>('select * from mart_unit_scorecard where period = ? order by display_order', [period]);
}

/** mart_submission_status of the period: the units (display order, table order), then the divisions. */
export async function submissionRows(wh: Warehouse, period: string): Promise<SubmissionStatusRow[]> {
  const rows = await wh.all<SubmissionStatusRow & { warnings: string[] | null }>(
    `select period, submitter_kind, unit_code, unit_name, unit_short_name, display_order, table_name, table_order, arrived,
            version, version_count, strftime(loaded_at, '%Y-%m-%d %H:%M:%S') as loaded_at, file_name, row_count,
            warning_count, sha256, warnings
       from mart_submission_status
      where period = ?
      order by submitter_kind = 'division', display_order, table_order`,
    [period],
  );
  return rows.map((r) => ({ ...r, warnings: [...(r.warnings ?? [])] }));
}

/** Values earlier bulletins for the period published (empty before the first `--issue`). */
export async function publishedValues(wh: Warehouse, period: string): Promise<PublishedValue[]> {
  return wh.all<PublishedValue>(
    `select v.document_number, cast(i.issued_on as varchar) as issued_on, v.unit_code, v.indicator_code, v.actual
       from bulletin_published_values v
       join bulletin_issues i using (document_number)
      where v.period = ?
      order by i.issued_on, v.document_number, v.unit_code, v.indicator_code`,
    [period],
  );
}

/** mart_key_task_progress of the period: by section, task and milestone (the mart's own order columns). */
export async function keyTaskRows(wh: Warehouse, period: string): Promise<KeyTaskProgressRow[]> {
  const rows = await wh.all<KeyTaskProgressRow>(
    `select * exclude (due_date, completed_on), cast(due_date as varchar) as due_date, cast(completed_on as varchar) as completed_on
       from mart_key_task_progress
      where period = ?
      order by section_order, task_no, milestone_no`,
    [period],
  );
  return rows.map((r) => ({ ...r, units_involved: [...(r.units_involved ?? [])] }));
}

/** mart_key_task_summary of the period: the city, then the sections, then the divisions, each in display order. */
export async function keyTaskSummaryRows(wh: Warehouse, period: string): Promise<KeyTaskSummaryRow[]> {
  return wh.all<KeyTaskSummaryRow>(
    `select * from mart_key_task_summary
      where period = ?
      order by case scope_kind when 'city' then 0 when 'section' then 1 else 2 end, display_order, scope_code`,
    [period],
  );
}

/**
 * The milestone statuses as the seed `key_task_statuses` names, lights and orders them (a
 * presentation seed, like the headings the marts carry): the counts sentence and the charts'
 * legends name every status, also one no milestone has.
 */
export async function keyTaskStatuses(wh: Warehouse): Promise<KeyTaskStatusInfo[]> {
  return wh.all<KeyTaskStatusInfo>('select status_code, status_name, light, cast(status_order as integer) as status_order from key_task_statuses order by status_order');
}

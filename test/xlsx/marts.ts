import type { KeyTaskProgressRow, ProgressRow, SubmissionStatusRow } from '../../reports/mart';
import { withReadWarehouse } from '../../pipelines/warehouse';

/** What the workbooks are checked against: the marts of one period, read straight from the warehouse. */
export interface PeriodMarts {
  rows: ProgressRow[];
  submissions: SubmissionStatusRow[];
  milestones: KeyTaskProgressRow[];
}

export function readMarts(db: string, period: string): Promise<PeriodMarts> {
  return withReadWarehouse(db, async (wh) => ({
    rows: await wh.all<ProgressRow>('select * exclude (period_end) from mart_indicator_progress where period = ? order by unit_order, indicator_order', [period]),
    submissions: (await wh.all<SubmissionStatusRow>(
      `select * exclude (loaded_at), strftime(loaded_at, '%Y-%m-%d %H:%M:%S') as loaded_at
         from mart_submission_status where period = ?
        order by case submitter_kind when 'unit' then 0 else 1 end, display_order, table_order`, [period])).map((s) => ({ ...s, warnings: [...(s.warnings ?? [])] })),
    milestones: (await wh.all<KeyTaskProgressRow>(
      `select * exclude (due_date, completed_on), cast(due_date as varchar) as due_date, cast(completed_on as varchar) as completed_on
         from mart_key_task_progress where period = ? order by section_order, task_no, milestone_no`, [period])).map((k) => ({ ...k, units_involved: [...(k.units_involved ?? [])] })),
  }));
}

/** `2023-06-30` → the Date exceljs reads a date cell of that day as. */
export function utcDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** `2023-07-15 09:30:00` → the Date exceljs reads a date-time cell as. */
export function utcMoment(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

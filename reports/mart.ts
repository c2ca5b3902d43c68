import type { Warehouse } from '../pipelines/warehouse';

/** One row of `mart_indicator_progress`, the contract of docs/spec/kpis.md. */
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

/** The mart row plus what layout needs from the seeds: order of units, main-target number, plan section. */
export interface ReportRow extends IndicatorProgressRow {
  unit_kind: 'county' | 'zone' | 'aggregate';
  display_order: number;
  main_target: number | null;
  plan_section: string | null;
}

/** Rows of one period, units in display order and indicators in catalogue order. */
export async function loadReportRows(wh: Warehouse, period: string): Promise<ReportRow[]> {
  return wh.all<ReportRow>(
    `select m.*, cast(m.period_end as varchar) as period_end, u.kind as unit_kind, u.display_order,
            i.main_target, i.plan_section
       from mart_indicator_progress m
       join units u on u.code = m.unit_code
       join indicators i on i.code = m.indicator_code and i.year = cast(left(m.period, 4) as integer)
      where m.period = ?
      order by u.display_order, i.rowid`,
    [period],
  );
}

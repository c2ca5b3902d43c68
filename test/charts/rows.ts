import { join } from 'node:path';
import { beforeAll } from 'vitest';
import type { ProgressRow } from '../../reports/mart';
import { sampleRows } from '../mart-warehouse';

/** The chart tests' rows: mart_indicator_progress of the sample year, from the real build (test/mart-warehouse.ts). */
export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'charts');

/** The period the golden specs are kept for: it has a unit that did not submit (嘉兴港区). */
export const GOLDEN_PERIOD = '2023Q3';

export interface SampleYear {
  all: ProgressRow[];
  rowsOf(period: string): ProgressRow[];
  /** The year's rows before `period`, as the bulletin and `nrp charts` pass them. */
  historyBefore(period: string): ProgressRow[];
}

/** Loads the sample year's rows before the file's tests run; read them inside the tests. */
export function useSampleYear(): SampleYear {
  const year: SampleYear = {
    all: [],
    rowsOf: (period) => year.all.filter((r) => r.period === period),
    historyBefore: (period) => year.all.filter((r) => r.period.slice(0, 4) === period.slice(0, 4) && r.period < period),
  };
  beforeAll(async () => {
    year.all = await sampleRows();
  });
  return year;
}

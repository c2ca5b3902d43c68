/**
 * The status of a key-task milestone at each boundary of docs/spec/key-tasks.md ("Status of a
 * milestone at period P"), through the real build. One year of hand-built division reports
 * (./key-task-warehouse.ts); every expected value is worked out by hand in the comments.
 *
 * Seeds: the frozen test seeds with three due dates moved (count still 138):
 *   T1-1 #2 and T1-2 #1 → 2023-06-29, so that Q1's 序时进度 is exactly 100 × 90 / 180 = 50;
 *   T1-2 #4 → 2024-06-30, a deadline in the next year.
 * Days from S = 2023-01-01, inclusive: to 03-31 90, 06-29 180, 06-30 181, 09-30 273, 12-31 365,
 * 2024-06-30 547.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { keyTaskRows, seedsWithDueDates, submitKeyTaskProgress } from './key-task-warehouse';
import { build, freshWarehouse } from './warehouse';

const scratch = tempDir('nrp-key-tasks-');
let wh: Warehouse;
type Row = Record<string, unknown>;
const mart = new Map<string, Map<string, Row>>();
let periods: string[];

beforeAll(async () => {
  const seeds = seedsWithDueDates(join(scratch, 'seeds'), [
    { task: 'T1-1', no: 2, due: '2023-06-29' },
    { task: 'T1-2', no: 1, due: '2023-06-29' },
    { task: 'T1-2', no: 4, due: '2024-06-30' },
  ]);
  wh = await freshWarehouse();
  // 国土空间规划处 (D05) leads T1-1 (#1 06-30, #2 06-29, #3 12-31, #4 09-30, #5 12-31) and
  // T1-2 (#1 06-29, #2 12-31, #3 06-30, #4 2024-06-30). 海洋资源管理处 (D11) leads T3-4
  // (#1 12-31, #2 03-31, …). 详细规划处 (D06) leads T1-3 and sends nothing all year.
  await submitKeyTaskProgress(wh, 'D05', '2023Q1', [
    { task: 'T1-1', no: 1, status: '已完成', completedOn: '2023-03-20' },
    { task: 'T1-1', no: 2, status: '推进中', progress: 40 },
    { task: 'T1-2', no: 1, status: '推进中', progress: 39.9 },
    { task: 'T1-1', no: 3, status: '未启动' },
    { task: 'T1-1', no: 4, status: '已完成', completedOn: '2023-03-31', problems: '无' },
  ]);
  await submitKeyTaskProgress(wh, 'D11', '2023Q1', [
    { task: 'T3-4', no: 2, status: '推进中', progress: 80, problems: '审批未完成' },
    { task: 'T3-4', no: 1, status: '推进中', progress: 20 },
  ]);
  await submitKeyTaskProgress(wh, 'D05', '2023Q2', [
    { task: 'T1-1', no: 4, status: '推进中', progress: 50, text: '发现问题，重新推进' },
    { task: 'T1-2', no: 3, status: '已完成', completedOn: '2023-06-30' },
    { task: 'T1-1', no: 2, status: '已完成', completedOn: '2023-06-30' },
    { task: 'T1-2', no: 1, status: '推进中', progress: 90 },
  ]);
  await submitKeyTaskProgress(wh, 'D11', '2023Q2', [{ task: 'T3-4', no: 2, status: '已完成', completedOn: '2023-04-01' }]);
  // Q3: a first file and its correction (version 2 wins).
  await submitKeyTaskProgress(wh, 'D05', '2023Q3', [{ task: 'T1-1', no: 3, status: '推进中', progress: 10 }]);
  await submitKeyTaskProgress(wh, 'D05', '2023Q3', [
    { task: 'T1-1', no: 3, status: '推进中', progress: 70, text: '更正后' },
    { task: 'T1-1', no: 5, status: '推进中', progress: 65 },
  ]);
  await submitKeyTaskProgress(wh, 'D05', '2023Q4', [
    { task: 'T1-2', no: 4, status: '推进中', progress: 60 },
    { task: 'T1-1', no: 5, status: '推进中', progress: 95 },
  ]);
  periods = (await build(wh, { seedsDir: seeds })).periods;
  for (const p of periods) mart.set(p, await keyTaskRows(wh, p));
}, 120_000);
afterAll(() => wh.close());

const at = (period: string, key: string): Row => {
  const row = mart.get(period)?.get(key);
  if (!row) throw new Error(`no mart row ${period} ${key}`);
  return row;
};

describe('periods', () => {
  it('covers every quarter up to the latest division report, with no unit submission at all', () => {
    expect(periods).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    for (const p of periods) expect(mart.get(p)!.size, p).toBe(138);
  });
});

describe('序时进度 and the 10-point band', () => {
  it('形象进度 exactly at schedule − 10 is on_track, just below is lagging', () => {
    // Q1, due 06-29: 100 × 90 / 180 = 50 → band edge 40.
    expect(at('2023Q1', 'T1-1#2')).toMatchObject({ schedule_pct: 50, progress_pct: 40, status_code: 'on_track', status_name: '序时推进', light: 'green' });
    expect(at('2023Q1', 'T1-2#1')).toMatchObject({ schedule_pct: 50, progress_pct: 39.9, status_code: 'lagging', status_name: '滞后序时', light: 'yellow' });
  });

  it('computes the schedule over inclusive days and stores it unrounded', () => {
    expect(at('2023Q1', 'T1-1#3').schedule_pct).toBeCloseTo((100 * 90) / 365, 12); // 24.6575…
    expect(at('2023Q2', 'T1-1#4').schedule_pct).toBeCloseTo((100 * 181) / 273, 12); // 66.3003…
    expect(at('2023Q1', 'T1-1#1').schedule_pct).toBeCloseTo((100 * 90) / 181, 12); // 49.7237…
    expect(at('2023Q2', 'T1-1#1').schedule_pct).toBe(100); // due 06-30 ≤ E
  });

  it('未启动 counts as 形象进度 0', () => {
    // Q1, due 12-31: schedule 24.66, edge 14.66; 0 < 14.66.
    expect(at('2023Q1', 'T1-1#3')).toMatchObject({ progress_pct: 0, status_code: 'lagging', reported_in_period: true });
  });

  it('a deadline in the next year is never overdue this year; its schedule runs to that date', () => {
    // T1-2 #4 due 2024-06-30. Q3: no row → not_reported, schedule 100 × 273 / 547.
    expect(at('2023Q3', 'T1-2#4').schedule_pct).toBeCloseTo((100 * 273) / 547, 12);
    expect(at('2023Q3', 'T1-2#4').status_code).toBe('not_reported');
    // Q4: schedule 100 × 365 / 547 = 66.73, edge 56.73; 60 → on_track, not overdue at 12-31.
    expect(at('2023Q4', 'T1-2#4').schedule_pct).toBeCloseTo((100 * 365) / 547, 12);
    expect(at('2023Q4', 'T1-2#4')).toMatchObject({ status_code: 'on_track', progress_pct: 60 });
  });
});

describe('deadlines', () => {
  it('completion on the due date is done_on_time, a day later done_late', () => {
    // Q2: T1-2 #3 due 06-30 completed 06-30; T1-1 #2 due 06-29 completed 06-30.
    expect(at('2023Q2', 'T1-2#3')).toMatchObject({ status_code: 'done_on_time', light: 'green', completed_on: '2023-06-30', progress_pct: 100 });
    expect(at('2023Q2', 'T1-1#2')).toMatchObject({ status_code: 'done_late', status_name: '逾期完成', light: 'yellow', completed_on: '2023-06-30' });
    // 海洋处: T3-4 #2 due 03-31 completed 04-01.
    expect(at('2023Q2', 'T3-4#2')).toMatchObject({ status_code: 'done_late', completed_on: '2023-04-01', lead: '海洋资源管理处', lead_code: 'D11' });
  });

  it('due exactly at the period end with no completion is overdue, whatever the progress', () => {
    // Q1 ends 03-31: T3-4 #2 due 03-31, 推进中 80.
    expect(at('2023Q1', 'T3-4#2')).toMatchObject({ schedule_pct: 100, status_code: 'overdue', status_name: '逾期未完成', light: 'red', problems: '审批未完成' });
    // Q4 ends 12-31: T1-1 #5 due 12-31, 推进中 95.
    expect(at('2023Q4', 'T1-1#5')).toMatchObject({ status_code: 'overdue', progress_pct: 95 });
    // Q2: T1-2 #1 due 06-29, 推进中 90.
    expect(at('2023Q2', 'T1-2#1').status_code).toBe('overdue');
  });

  it('a completion ahead of a later deadline is done_on_time', () => {
    // Q1: T1-1 #1 due 06-30, completed 03-20.
    expect(at('2023Q1', 'T1-1#1')).toMatchObject({ status_code: 'done_on_time', completed_on: '2023-03-20', progress_pct: 100 });
  });
});

describe('carry-forward and the latest report', () => {
  it('keeps an earlier completion of the year when the period has no row, with its date and status', () => {
    // T1-1 #1 completed 03-20 (Q1); no row in Q2, Q3 or Q4.
    for (const p of ['2023Q2', '2023Q3', '2023Q4']) {
      expect(at(p, 'T1-1#1'), p).toMatchObject({
        status_code: 'done_on_time', completed_on: '2023-03-20', progress_pct: 100,
        reported_in_period: false, report_period: '2023Q1', submission_version: 1, lead_reported: true,
      });
    }
    // T1-2 #3 completed 06-30 (Q2) and T1-1 #2 late (Q2) carry into Q3.
    expect(at('2023Q3', 'T1-2#3')).toMatchObject({ status_code: 'done_on_time', report_period: '2023Q2', reported_in_period: false });
    expect(at('2023Q3', 'T1-1#2')).toMatchObject({ status_code: 'done_late', report_period: '2023Q2' });
    // …also when the division sent nothing for the period (海洋处 in Q3).
    expect(at('2023Q3', 'T3-4#2')).toMatchObject({ status_code: 'done_late', lead_reported: false, reported_in_period: false, report_period: '2023Q2' });
  });

  it('a completion later reported otherwise: the latest report wins, and is not carried again', () => {
    // T1-1 #4 (due 09-30): 已完成 03-31 in Q1, 推进中 50 in Q2, no row in Q3.
    expect(at('2023Q1', 'T1-1#4').status_code).toBe('done_on_time');
    // Q2: schedule 66.30, edge 56.30; 50 → lagging.
    expect(at('2023Q2', 'T1-1#4')).toMatchObject({ status_code: 'lagging', progress_pct: 50, completed_on: null, report_text: '发现问题，重新推进' });
    // Q3: the latest earlier report is Q2's 推进中 → not_reported, not Q1's completion.
    expect(at('2023Q3', 'T1-1#4')).toMatchObject({ status_code: 'not_reported', completed_on: null, report_period: null });
  });

  it('reads the latest version of a period\'s snapshot', () => {
    // Q3 v1: T1-1 #3 at 10 %; v2: 70 %. Schedule 100 × 273 / 365 = 74.79, edge 64.79 → on_track.
    expect(at('2023Q3', 'T1-1#3')).toMatchObject({ status_code: 'on_track', progress_pct: 70, submission_version: 2, report_text: '更正后' });
  });
});

describe('not reported', () => {
  it('with no snapshot for the period: grey, progress 0, no report', () => {
    // 详细规划处 sent nothing: T1-3 #1.
    expect(at('2023Q2', 'T1-3#1')).toMatchObject({
      status_code: 'not_reported', status_name: '未报送', light: 'grey', progress_pct: 0, lead_reported: false,
      reported_in_period: false, submission_version: null, report_text: null, completed_on: null,
    });
  });

  it('with a snapshot that lacks the row, and an earlier row that was not a completion', () => {
    // D05 Q1 has no row for T1-1 #5.
    expect(at('2023Q1', 'T1-1#5')).toMatchObject({ status_code: 'not_reported', lead_reported: true, submission_version: null });
    // 海洋处 T3-4 #1: 推进中 in Q1, no row in Q2 → not_reported (only completions carry).
    expect(at('2023Q1', 'T3-4#1').status_code).toBe('on_track'); // 20 ≥ 24.66 − 10
    expect(at('2023Q2', 'T3-4#1')).toMatchObject({ status_code: 'not_reported', lead_reported: true });
  });
});

describe('task roll-ups on the milestone rows', () => {
  it('a task\'s light is the worst of its milestones\' and its progress their mean', () => {
    // T1-1 at Q1: done_on_time (green, 100), on_track (green, 40), lagging (yellow, 0),
    // done_on_time (green, 100), not_reported (grey, 0) → yellow; (100 + 40 + 0 + 100 + 0) / 5 = 48.
    for (const n of [1, 2, 3, 4, 5]) expect(at('2023Q1', `T1-1#${n}`)).toMatchObject({ task_light: 'yellow', task_progress_pct: 48 });
    // T1-2 at Q2: overdue (red, 90), not_reported (grey, 0), done_on_time (green, 100),
    // not_reported (grey, 0) → red; 190 / 4 = 47.5.
    expect(at('2023Q2', 'T1-2#2')).toMatchObject({ task_light: 'red', task_progress_pct: 47.5 });
    // T1-3 (nothing reported) → grey, 0.
    expect(at('2023Q2', 'T1-3#1')).toMatchObject({ task_light: 'grey', task_progress_pct: 0 });
  });
});

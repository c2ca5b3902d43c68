/**
 * mart_key_task_summary against counts worked out by hand (key-tasks.md, roll-ups), for the city,
 * a section and a division, through the real build over hand-built reports (./key-task-warehouse.ts)
 * and the frozen test seeds. One period, 2023Q2: E = 06-30, 181 days from 01-01.
 * 序时进度 at Q2: due 09-30 → 100 × 181 / 273 = 66.30 (edge 56.30); due 12-31 → 100 × 181 / 365 =
 * 49.59 (edge 39.59).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { submitKeyTaskProgress } from './key-task-warehouse';
import { build, freshWarehouse, TEST_SEEDS } from './warehouse';

let wh: Warehouse;
beforeAll(async () => {
  wh = await freshWarehouse();
  // 国土空间规划处 (D05): T1-1 #1 06-30, #2 12-31, #3 12-31, #4 09-30, #5 12-31;
  //                      T1-2 #1 12-31, #2 12-31, #3 06-30, #4 12-31.
  await submitKeyTaskProgress(wh, 'D05', '2023Q2', [
    { task: 'T1-1', no: 1, status: '已完成', completedOn: '2023-06-15' }, // done_on_time, due ≤ E
    { task: 'T1-1', no: 2, status: '已完成', completedOn: '2023-05-01' }, // done_on_time ahead of 12-31
    { task: 'T1-1', no: 3, status: '推进中', progress: 45 }, //            on_track (≥ 39.59)
    { task: 'T1-1', no: 4, status: '推进中', progress: 20 }, //            lagging (< 56.30)
    { task: 'T1-1', no: 5, status: '未启动' }, //                          lagging (0)
    { task: 'T1-2', no: 1, status: '推进中', progress: 50 }, //            on_track
    //  T1-2 #2: no row                                                     not_reported
    { task: 'T1-2', no: 3, status: '推进中', progress: 90 }, //            overdue (due 06-30)
    { task: 'T1-2', no: 4, status: '推进中', progress: 39.6 }, //          on_track (≥ 39.59)
  ]);
  // 详细规划处 (D06): T1-3 #1 09-30, #2 06-30, #3 #4 #5 12-31.
  await submitKeyTaskProgress(wh, 'D06', '2023Q2', [
    { task: 'T1-3', no: 1, status: '推进中', progress: 60 }, //            on_track (≥ 56.30)
    { task: 'T1-3', no: 2, status: '推进中', progress: 99 }, //            overdue
    { task: 'T1-3', no: 3, status: '未启动' }, //                          lagging
    { task: 'T1-3', no: 4, status: '未启动' }, //                          lagging
    { task: 'T1-3', no: 5, status: '未启动' }, //                          lagging
  ]);
  // 海洋资源管理处 (D11): T3-4 #2 due 03-31 finished 04-15 → done_late; #1 #3 #4 #5 not reported.
  await submitKeyTaskProgress(wh, 'D11', '2023Q2', [{ task: 'T3-4', no: 2, status: '已完成', completedOn: '2023-04-15' }]);
  await build(wh);
}, 60_000);
afterAll(() => wh.close());

async function scope(kind: string, code: string): Promise<Record<string, unknown>> {
  const row = await wh.one<Record<string, unknown>>(
    `select * exclude (period) from mart_key_task_summary where period = '2023Q2' and scope_kind = ? and scope_code = ?`, [kind, code]);
  if (!row) throw new Error(`no summary row ${kind} ${code}`);
  return row;
}

describe('mart_key_task_summary, 2023Q2', () => {
  it('division 国土空间规划处: its 9 milestones', async () => {
    // Due by 06-30: T1-1 #1 (done_on_time) and T1-2 #3 (overdue) → on time 1 / 2 = 50 %.
    // Done: T1-1 #1, #2 → 2 / 9. Worst light: red (overdue).
    expect(await scope('division', 'D05')).toEqual({
      scope_kind: 'division', scope_code: 'D05', scope_name: '国土空间规划处',
      milestones: 9, due_count: 2, done_count: 2,
      done_on_time: 2, done_late: 0, overdue: 1, lagging: 2, on_track: 3, not_reported: 1,
      on_time_rate: 50, completion_pct: (100 * 2) / 9, light: 'red', light_severity: 4, display_order: 5,
      tasks: 2, // T1-1 and T1-2
    });
  });

  it('section 一: D05\'s 9 and D06\'s 5 milestones', async () => {
    // Due: T1-1 #1, T1-2 #3, T1-3 #2 → 3, of which 1 done_on_time → 33.3 %. Done 2 of 14.
    expect(await scope('section', '一')).toEqual({
      scope_kind: 'section', scope_code: '一', scope_name: '提升规划刚性，健全完善国土空间规划管控体系',
      milestones: 14, due_count: 3, done_count: 2,
      done_on_time: 2, done_late: 0, overdue: 2, lagging: 5, on_track: 4, not_reported: 1,
      on_time_rate: 100 / 3, completion_pct: (100 * 2) / 14, light: 'red', light_severity: 4, display_order: 1,
      tasks: 3, // T1-1, T1-2, T1-3
    });
  });

  it('division 海洋资源管理处: late is not on time, and yellow is worse than grey', async () => {
    // T3-4 #2 is due (03-31) and done late: on time 0 / 1; done 1 of 5.
    expect(await scope('division', 'D11')).toMatchObject({
      milestones: 5, due_count: 1, done_count: 1, done_late: 1, not_reported: 4,
      on_time_rate: 0, completion_pct: 20, light: 'yellow', light_severity: 3,
    });
  });

  it('the city: all 138 milestones', async () => {
    // Due by 06-30 in the whole catalogue: 17 (1 on 03-31, 16 on 06-30); on time: T1-1 #1 only.
    // Reported: 9 + 5 + 1 = 15 milestones; the other 123 and T1-2 #2 are not_reported (124).
    expect(await scope('city', 'city')).toEqual({
      scope_kind: 'city', scope_code: 'city', scope_name: '全市',
      milestones: 138, due_count: 17, done_count: 3,
      done_on_time: 2, done_late: 1, overdue: 2, lagging: 5, on_track: 4, not_reported: 124,
      on_time_rate: 100 / 17, completion_pct: (100 * 3) / 138, light: 'red', light_severity: 4, display_order: 0,
      tasks: 30, // the plan's 30 key tasks
    });
  });

  it('a division that sent nothing and a section with nothing due', async () => {
    // 办公室 (D01): T5-3 (5) and T5-4 (4), one due 06-30 (T5-3 #1).
    expect(await scope('division', 'D01')).toMatchObject({
      milestones: 9, due_count: 1, not_reported: 9, done_count: 0, on_time_rate: 0, completion_pct: 0, light: 'grey', light_severity: 2, tasks: 2,
    });
    // Section 七: 15 milestones, none due by 06-30 → no on-time rate.
    expect(await scope('section', '七')).toMatchObject({ milestones: 15, due_count: 0, on_time_rate: null, light: 'grey' });
  });

  it('orders the rows: city, sections by number, divisions by display order', async () => {
    const rows = await wh.all<{ scope_kind: string; scope_code: string }>(
      `select scope_kind, scope_code from mart_key_task_summary where period = '2023Q2'`);
    expect(rows.map((r) => r.scope_code)).toEqual([
      'city', '一', '二', '三', '四', '五', '六', '七', '八',
      ...Array.from({ length: 16 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`),
    ]);
  });
});

describe('the status wording is the seed key_task_statuses', () => {
  it('a renamed status and a recoloured light reach both marts through a build, nothing else', async () => {
    const seeds = join(tempDir('nrp-statuses-'), 'seeds');
    cpSync(TEST_SEEDS, seeds, { recursive: true });
    const file = join(seeds, 'key_task_statuses.csv');
    // not_reported: 未报送 → 未报告, grey → red (severity 4, above every other light).
    writeFileSync(file, readFileSync(file, 'utf8').replace('not_reported,未报送,grey,2,6', 'not_reported,未报告,red,4,6'));
    const before = await wh.one<{ n: number }>(`select count(*) as n from mart_key_task_progress where status_code = 'not_reported'`);
    try {
      await build(wh, { seedsDir: seeds });
      const renamed = await wh.all<{ status_name: string; light: string }>(
        `select distinct status_name, light from mart_key_task_progress where status_code = 'not_reported'`);
      expect(renamed).toEqual([{ status_name: '未报告', light: 'red' }]);
      expect((await wh.one<{ n: number }>(`select count(*) as n from mart_key_task_progress where status_code = 'not_reported'`))?.n).toBe(before?.n);
      // 办公室 sent nothing: its light was grey, now the recoloured red.
      expect(await scope('division', 'D01')).toMatchObject({ not_reported: 9, light: 'red' });
    } finally {
      await build(wh);
    }
    expect(await scope('division', 'D01')).toMatchObject({ light: 'grey' });
  });
});

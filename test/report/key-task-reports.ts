/**
 * The sample warehouse with the divisions' 重点工作进展 written into it the way ingest leaves
 * them (REPORTS-API.md): a registry row per division snapshot (unit_code = the division's code,
 * table_name 重点工作进展, warnings as varchar[]) and its rows in raw_key_task_progress
 * (canonical 进展状态, typed dates and numbers), then the real build. The sample itself has no
 * division files yet, so every milestone is 未报送 there: this is the warehouse the key-task
 * parts of the bulletin and the charts are tested on.
 *
 * The scenario (2023Q1 and 2023Q2) gives every status, decided here by rules on the catalogue's
 * rows, never by hand-written expected figures: the tests read the statuses back from the marts.
 *  - 2023Q1: 国土空间规划处 reports its first milestone done on 2023-03-28 (carried into Q2, where its
 *    file leaves the row out); 海洋资源管理处 reports its March milestone 推进中 (overdue at Q1).
 *  - 2023Q2: every division but LATE_DIVISION reports. Milestones due by 30 June are done on time,
 *    except the March one (done late, 20 April) and OVERDUE (推进中, with a reported problem);
 *    later milestones are at or near their schedule, LAGGING behind it, one 未启动, one finished
 *    early; the 耕地保护监督处 file leaves one milestone out (未报送, with its warning W-K1).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildWarehouse } from '../../pipelines/models';
import { withWriteWarehouse, type Warehouse } from '../../pipelines/warehouse';
import { sampleWithoutDivisionReports } from '../mart-warehouse';
import type { KeyTaskRow } from '../models/key-task-warehouse';

/** The division that sends nothing for 2023Q2 (its milestones are 未报送). */
export const LATE_DIVISION = '矿产资源管理处';
/** Milestones reported 推进中 past their 30 June deadline: overdue at 2023Q2. */
export const OVERDUE = ['T6-3#3', 'T2-2#3'];
/** Milestones reported well behind their schedule at 2023Q2. */
export const LAGGING = ['T2-3#2', 'T3-2#3', 'T5-5#3', 'T7-1#2'];
/** Reported 未启动 at 2023Q2 (progress 0: lagging). */
export const NOT_STARTED = 'T8-3#4';
/** Finished in May, ahead of a later deadline: done on time, not yet due. */
export const EARLY = 'T4-1#1';
/** Left out of its division's 2023Q2 file (未报送, warning W-K1). */
export const LEFT_OUT = 'T3-1#3';
/** Done in Q1 and left out of the Q2 file: carried forward. */
export const CARRIED = 'T1-1#1';
/** A long report, to see the annex's cells wrap. */
export const LONG_TEXT = 'T5-1#1';
/** The problem OVERDUE[0] reports. */
export const OVERDUE_PROBLEM = '项目可行性研究报告尚在省级部门审查，立项批复未取得，需协调省厅加快审查进度';

interface Milestone {
  task_code: string;
  milestone_no: number;
  milestone: string;
  due_date: string;
  lead_code: string;
  lead: string;
}

let loaded = 0;

/** Registers a division snapshot as ingest would (next version, the file's name and sha256, a fixed load time). */
async function register(wh: Warehouse, division: { code: string; name: string }, period: string, rows: KeyTaskRow[], warnings: string[] = []): Promise<number> {
  const next = await wh.one<{ v: number }>(
    "select coalesce(max(version), 0) + 1 as v from submissions where unit_code = ? and period = ? and table_name = '重点工作进展'",
    [division.code, period],
  );
  const file = `${division.name}_${period}_重点工作进展.csv`;
  const sha = createHash('sha256').update(file).update(JSON.stringify(rows)).digest('hex');
  loaded += 1;
  const row = await wh.one<{ id: number }>(
    `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, sha256, row_count, loaded_at, warnings)
     values (nextval('submission_id_seq'), ?, ?, '重点工作进展', ?, ?, ?, ?, cast(? as timestamp) + to_minutes(cast(? as bigint)), []::varchar[])
     returning submission_id as id`,
    [division.code, period, next!.v, file, sha, rows.length, period.endsWith('Q1') ? '2023-04-10 09:00:00' : '2023-07-10 09:00:00', loaded],
  );
  if (warnings.length > 0) {
    await wh.run(`update submissions set warnings = list_value(${warnings.map(() => '?').join(', ')}) where submission_id = ?`, [...warnings, row!.id]);
  }
  for (const [i, r] of rows.entries()) {
    await wh.run('insert into raw_key_task_progress values (?, ?, ?, ?, ?, ?, cast(? as date), ?, ?, ?, ?)', [
      row!.id, i + 2, r.task, r.no, `${r.task} 节点${r.no}`, r.status, r.completedOn ?? null, r.progress ?? null, r.text ?? null, r.problems ?? null, r.nextSteps ?? null,
    ]);
  }
  return row!.id;
}

const key = (m: Milestone) => `${m.task_code}#${m.milestone_no}`;

/** The 2023Q2 row of a milestone, by the scenario's rules (see the file's comment). */
function q2Row(m: Milestone): KeyTaskRow {
  const base = { task: m.task_code, no: m.milestone_no };
  const k = key(m);
  if (m.due_date <= '2023-03-31') return { ...base, status: '已完成', completedOn: '2023-04-20', text: '方案已获自然资源部备案同意，较计划时间推迟。', problems: '部级审查意见反馈较晚。' };
  if (OVERDUE.includes(k)) {
    return { ...base, status: '推进中', progress: k === OVERDUE[0] ? 85 : 90, text: '已完成项目建议书编制并报审。', problems: k === OVERDUE[0] ? OVERDUE_PROBLEM : '部分项目用地资料未及时报送，晾晒平台数据更新滞后', nextSteps: '加强对接，力争8月底前完成。' };
  }
  if (m.due_date <= '2023-06-30') return { ...base, status: '已完成', completedOn: '2023-06-20', text: '已按计划完成。' };
  if (k === EARLY) return { ...base, status: '已完成', completedOn: '2023-05-20', text: '提前完成年度任务。' };
  if (k === NOT_STARTED) return { ...base, status: '未启动', text: '待上级部署后启动。', problems: '上级方案尚未下发' };
  if (LAGGING.includes(k)) return { ...base, status: '推进中', progress: 20, text: '正在开展前期调研。', problems: '涉及部门多，协调难度大，进度滞后于序时', nextSteps: '建立专班，倒排工期。' };
  const progress = m.due_date <= '2023-09-30' ? 70 : m.due_date <= '2023-10-31' ? 65 : 50;
  const text = k === LONG_TEXT ? '持续开展自然资源领域执法检查，'.repeat(20) + '按序时推进。' : '按计划有序推进。';
  return { ...base, status: '推进中', progress, text };
}

/**
 * A private copy of the sample warehouse in `dir` with the scenario's division reports, built.
 * Returns its path.
 */
export async function keyTaskWarehouse(dir: string): Promise<string> {
  const db = await sampleWithoutDivisionReports(dir, 'key-tasks.duckdb');
  await withWriteWarehouse(db, async (wh) => {
    const milestones = await wh.all<Milestone>(
      `select task_code, cast(milestone_no as integer) as milestone_no, milestone, cast(due_date as varchar) as due_date, lead_code, lead
         from int_key_task_milestones where year = 2023 order by lead_order, task_code, milestone_no`,
    );
    const divisions = [...new Map(milestones.map((m) => [m.lead_code, { code: m.lead_code, name: m.lead }])).values()];
    const of = (name: string) => divisions.find((d) => d.name === name)!;
    const own = (code: string) => milestones.filter((m) => m.lead_code === code);

    // 2023Q1
    const planning = of('国土空间规划处');
    await register(wh, planning, '2023Q1', own(planning.code).map((m) =>
      key(m) === CARRIED ? { task: m.task_code, no: m.milestone_no, status: '已完成', completedOn: '2023-03-28', text: '已上报省政府审批。' } : { task: m.task_code, no: m.milestone_no, status: '推进中', progress: 25 }));
    const ocean = of('海洋资源管理处');
    await register(wh, ocean, '2023Q1', own(ocean.code).filter((m) => m.due_date <= '2023-03-31').map((m) =>
      ({ task: m.task_code, no: m.milestone_no, status: '推进中', progress: 80, problems: '部级审查尚未完成' })));

    // 2023Q2
    for (const division of divisions) {
      if (division.name === LATE_DIVISION) continue;
      const rows = own(division.code).filter((m) => key(m) !== LEFT_OUT && key(m) !== CARRIED).map(q2Row);
      const left = own(division.code).filter((m) => key(m) === LEFT_OUT);
      const warnings = left.map((m) => `W-K1 ${m.task_code} 节点${m.milestone_no}：本次报送未包含该节点，将显示为未报送\nW-K1 ${m.task_code} milestone ${m.milestone_no} has no row in the file: it shows as not reported`);
      await register(wh, division, '2023Q2', rows, warnings);
    }
    await buildWarehouse(wh);
  });
  return db;
}

/** Where the scenario's warehouse is kept inside a test's temp folder. */
export const keyTaskWarehousePath = (dir: string) => join(dir, 'key-tasks.duckdb');

/**
 * Hand-built key-task progress reports for the model tests, as ingest will leave them (see
 * ./warehouse.ts for why rows are inserted directly): a registry row per division snapshot
 * (unit_code = the division's code, table_name 重点工作进展, next version) and its rows in
 * raw_key_task_progress with canonical 进展状态, typed dates and numbers.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warehouse } from '../../pipelines/warehouse';
import { register, TEST_SEEDS } from './warehouse';

export interface KeyTaskRow {
  task: string;
  no: number;
  status: '已完成' | '推进中' | '未启动';
  /** 完成日期, ISO (已完成 only). */
  completedOn?: string;
  /** 形象进度（%）; empty for 未启动 and (usually) 已完成. */
  progress?: number | null;
  text?: string;
  problems?: string;
  nextSteps?: string;
}

/** Registers the division's snapshot for the period and inserts its rows; returns the submission id. */
export async function submitKeyTaskProgress(wh: Warehouse, division: string, period: string, rows: KeyTaskRow[]): Promise<number> {
  const id = await register(wh, division, period, '重点工作进展', rows.length);
  for (const [i, r] of rows.entries()) {
    await wh.run(
      'insert into raw_key_task_progress values (?, ?, ?, ?, ?, ?, cast(? as date), ?, ?, ?, ?)',
      [
        id, i + 2, r.task, r.no, `${r.task} 节点${r.no}`, r.status, r.completedOn ?? null, r.progress ?? null,
        r.text ?? `${r.task}-${r.no} 进展`, r.problems ?? null, r.nextSteps ?? null,
      ],
    );
  }
  return id;
}

/**
 * A copy of the test seeds with some milestones' due dates changed (count unchanged), for
 * boundaries the real catalogue's dates do not give: e.g. a due date of 2023-06-29 makes Q1's
 * 序时进度 exactly 100 × 90 / 180 = 50.
 */
export function seedsWithDueDates(dir: string, dates: { task: string; no: number; due: string }[]): string {
  cpSync(TEST_SEEDS, dir, { recursive: true });
  const file = join(dir, 'key_task_milestones.csv');
  let lines = readFileSync(file, 'utf8').split('\n');
  for (const d of dates) {
    const prefix = `2023,${d.task},${d.no},`;
    const i = lines.findIndex((l) => l.startsWith(prefix));
    if (i < 0) throw new Error(`no milestone ${d.task} #${d.no} in the test seeds`);
    // year,task_code,milestone_no,milestone,due_date,… : the milestone text holds no comma in these rows
    const cells = lines[i].split(',');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(cells[4])) throw new Error(`unexpected milestone row: ${lines[i]}`);
    cells[4] = d.due;
    lines = [...lines.slice(0, i), cells.join(','), ...lines.slice(i + 1)];
  }
  writeFileSync(file, lines.join('\n'));
  return dir;
}

/** Rows of mart_key_task_progress for one period, keyed `T1-1#2`, dates as ISO text. */
export async function keyTaskRows(wh: Warehouse, period: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await wh.all<Record<string, unknown>>(
    `select * replace (cast(due_date as varchar) as due_date, cast(completed_on as varchar) as completed_on)
       from mart_key_task_progress where period = ?`, [period]);
  return new Map(rows.map((r) => [`${r.task_code}#${r.milestone_no}`, r]));
}

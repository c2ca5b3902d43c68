import type { TableCell } from 'pdfmake/interfaces';
import { monthDay, percent } from '../format';
import type { KeyTaskProgressRow } from '../mart';
import { KEY_TASK_FILL } from '../format';

/**
 * The cells a milestone fills in the bulletin's key-task tables (the section's list and the
 * annex), alike in both: the status word on its light's fill (red in bold), the dates without
 * the year of the bulletin, progress in one-decimal percentages, 未报送 shown as no figure.
 */

const INK: Record<string, string | undefined> = { red: '#C00000', yellow: '#9C6500' };

/** `按期完成` / `逾期完成` with the day it was done (`7月5日完成`) under it. */
export function statusCell(m: KeyTaskProgressRow, year: number): TableCell {
  const done = m.completed_on && (m.status_code === 'done_on_time' || m.status_code === 'done_late') ? `\n${monthDay(m.completed_on, year)}完成` : '';
  return { text: `${m.status_name}${done}`, fillColor: KEY_TASK_FILL[m.light], color: INK[m.light], bold: m.light === 'red' };
}

export function dueCell(m: KeyTaskProgressRow, year: number): string {
  return monthDay(m.due_date, year);
}

/** 形象进度 as reported (100 for 已完成); `—` where nothing was reported. */
export function progressCell(m: KeyTaskProgressRow): string {
  return m.status_code === 'not_reported' ? '—' : percent(m.progress_pct);
}

export function scheduleCell(m: KeyTaskProgressRow): string {
  return percent(m.schedule_pct);
}

/** `T6-3 推进测绘地理信息重大项目建设` over `3．加快“三维嘉兴”全域一体化建设项目立项`. */
export function taskAndMilestone(m: KeyTaskProgressRow): TableCell {
  return { stack: [{ text: `${m.task_code} ${m.task_title}`, bold: true }, `${m.milestone_no}．${m.milestone}`], alignment: 'left' };
}

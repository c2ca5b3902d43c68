import ExcelJS from 'exceljs';
import { periodLabel, type Period } from '../period';
import type { CatalogueMilestone } from './catalogue';
import { TABLES } from './tables';
import { addCoverSheet, list, text, titled } from './template';

/** 进展状态 as the drop-down offers it: the three values of key-tasks.md (their aliases are read too). */
export const PROGRESS_STATUSES = ['已完成', '推进中', '未启动'];

const DEADLINE = '截止日期';

/**
 * The workbook a division fills in each quarter (key-tasks.md, "Progress submissions"): 填报信息
 * prefilled, and 重点工作进展 listing every milestone of the tasks it leads in the period's year
 * (任务编号, 节点序号, 节点名称, and the deadline in an extra 截止日期 column, which ingest ignores),
 * with a drop-down for 进展状态 and date and number formats for 完成日期 and 形象进度. A row left
 * unfilled reports nothing (the milestone shows as not reported), never an error.
 */
export function buildDivisionTemplate(divisionName: string, period: Period, milestones: CatalogueMilestone[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nrp';
  addCoverSheet(wb, divisionName, period);

  const spec = TABLES.find((t) => t.key === 'key_task_progress')!;
  const headers = spec.columns.map((c) => c.header);
  headers.splice(3, 0, DEADLINE); // after 节点名称: what the row is and by when, then the report
  const ws = wb.addWorksheet(spec.name);
  titled(ws, `${divisionName} ${periodLabel(period)} 重点工作进展（截至报告期末）`, headers);
  const col = (h: string) => headers.indexOf(h) + 1;
  for (const m of milestones) {
    const row = ws.addRow(headers.map(() => null));
    row.getCell(col('任务编号')).value = text(m.task_code);
    row.getCell(col('节点序号')).value = m.milestone_no;
    row.getCell(col('节点名称')).value = text(m.milestone);
    const [y, mo, d] = m.due_date.split('-').map(Number);
    row.getCell(col(DEADLINE)).value = new Date(Date.UTC(y, mo - 1, d));
  }
  list(ws, col('进展状态'), PROGRESS_STATUSES, Math.max(3, milestones.length + 2));
  for (const h of [DEADLINE, '完成日期']) ws.getColumn(col(h)).numFmt = 'yyyy-mm-dd';
  const widths: Record<string, number> = { 任务编号: 10, 节点序号: 8, 节点名称: 48, [DEADLINE]: 12, 进展状态: 10, 完成日期: 12, '形象进度（%）': 10, 进展情况: 40, 存在问题: 30, 下步举措: 30 };
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = widths[h] ?? 12));
  ws.getColumn(col('节点名称')).alignment = { wrapText: true, vertical: 'top' };
  return wb;
}

import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../pipelines/models';
import { withReadWarehouse, withWriteWarehouse } from '../../pipelines/warehouse';
import type { KeyTaskSummaryRow } from '../../reports/mart';
import { bulletinHtml } from '../../reports/html';
import { tempDir } from '../helpers';
import { sampleWithoutDivisionReports } from '../mart-warehouse';
import { submitKeyTaskProgress } from '../models/key-task-warehouse';
import { pageOf, yearModels } from './models';

/**
 * 重点工作 on the page, from a sample warehouse where 国土空间规划处 (D05) reported its 2023Q2
 * milestones as ingest leaves a division's report: one done on time, one lagging and one overdue
 * (each with its problem), one on track; the rest of the year's milestones are 未报送.
 */
const dir = tempDir('nrp-html-key-');
let db: string;
let city: string;
let unit: string;
let summary: KeyTaskSummaryRow;

const text = (markup: string) => markup.replace(/<[^>]*>/g, '');

beforeAll(async () => {
  db = await sampleWithoutDivisionReports(dir);
  await withWriteWarehouse(db, async (wh) => {
    await submitKeyTaskProgress(wh, 'D05', '2023Q2', [
      { task: 'T1-1', no: 1, status: '已完成', completedOn: '2023-06-20' },
      { task: 'T1-1', no: 2, status: '推进中', progress: 10, problems: '镇级规划编制经费尚未落实', nextSteps: '七月底前落实经费' },
      { task: 'T1-1', no: 3, status: '推进中', progress: 60 },
      { task: 'T1-2', no: 3, status: '推进中', progress: 50, problems: '空间适配系统对接延迟' },
    ]);
    await buildWarehouse(wh);
  });
  summary = await withReadWarehouse(db, async (wh) => (await wh.all<KeyTaskSummaryRow>("select * from mart_key_task_summary where period = '2023Q2' and scope_kind = 'city'"))[0]);
  city = (await bulletinHtml(pageOf(await yearModels('2023Q2', undefined, db)))).toString('utf8');
  unit = (await bulletinHtml(pageOf(await yearModels('2023Q2', '330481', db)))).toString('utf8');
}, 300_000);

describe('key tasks on the page', () => {
  it('has a section after the indicators with the city\'s counts as mart_key_task_summary holds them', () => {
    expect(summary.done_on_time).toBe(1);
    expect(summary.lagging).toBe(1);
    expect(summary.overdue).toBe(1);
    const page = text(city);
    expect(page).toContain('四、重点工作推进情况');
    expect(page).toContain('五、存在问题');
    expect(page).toContain('六、下步工作');
    expect(page.indexOf('三、分项进展')).toBeLessThan(page.indexOf('四、重点工作推进情况'));
    // The PDF's sentence (reports/text): all six counts in the spec's order, zeros included.
    expect(page).toContain(`全市30项重点工作共${summary.milestones}个节点：按期完成1个、逾期完成0个、序时推进1个、滞后序时1个、逾期未完成1个、未报送${summary.not_reported}个`);
    // It cites the table by section and the status chart by the numbers the page gives them.
    const section = /<section id="q2023Q2-key-tasks">[\s\S]*?<\/section>/.exec(city)![0];
    const cited = /（见表(\d+)和图(\d+)）/.exec(text(section))!;
    expect(text(section)).toContain(`表${cited[1]}　2023年重点工作推进情况（分板块）`);
    expect(section).toMatch(new RegExp(`<figure class="chart keytask" id="q2023Q2-keytask-status_by_section">[\\s\\S]*?图${cited[2]}　`));
  });

  it('lists the overdue, lagging and unreported milestones with their lead and reported problem', () => {
    const section = /<section id="q2023Q2-key-tasks">[\s\S]*?<\/section>/.exec(city)![0];
    const rows = [...section.matchAll(/<tr data-status="(\w+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [m[1], text(m[2])]);
    expect(rows.filter(([s]) => s === 'overdue')).toEqual([['overdue', expect.stringContaining('空间适配系统对接延迟')]]);
    expect(rows.filter(([s]) => s === 'lagging')).toEqual([['lagging', expect.stringContaining('镇级规划编制经费尚未落实')]]);
    expect(rows.filter(([s]) => s === 'done_on_time' || s === 'on_track')).toEqual([]);
    expect(rows.length).toBe(summary.overdue + summary.lagging + summary.not_reported);
    expect(rows.find(([s]) => s === 'overdue')![1]).toContain('国土空间规划处');
  });

  it('lists every milestone in 附件2 with its status, filterable by status, section and division', () => {
    const annex = city.slice(city.indexOf('id="q2023Q2-annex-2"'));
    const rows = [...annex.matchAll(/<tr data-status="(\w+)" data-section="([^"]+)" data-lead="(\w+)">/g)];
    expect(rows.length).toBe(summary.milestones);
    const options = (key: string) => [.../<select data-filter="(\w+)"[^>]*>([\s\S]*?)<\/select>/g.exec(annex.slice(annex.indexOf(`data-filter="${key}"`) - 8))![2].matchAll(/<option value="([^"]*)">/g)].map((m) => m[1]);
    expect(options('status')).toEqual(['', 'done_on_time', 'overdue', 'lagging', 'on_track', 'not_reported']);
    expect(options('section')).toEqual(['', '一', '二', '三', '四', '五', '六', '七', '八']);
    expect(options('lead').length).toBeGreaterThan(10);
    expect(text(annex)).toContain('七月底前落实经费');
  });

  it('gives a unit the milestones of the tasks that name it', async () => {
    const named = await withReadWarehouse(db, (wh) =>
      wh.all<{ task_code: string }>("select task_code from mart_key_task_progress where period = '2023Q2' and list_contains(units_involved, '海宁市')"));
    const tasks = new Set(named.map((r) => r.task_code));
    expect(named.length).toBeGreaterThan(0);
    expect(text(unit)).toMatch(new RegExp(`涉及海宁市的重点工作有${tasks.size}项：[^。]*，共${named.length}个节点`));
    const annex = unit.slice(unit.indexOf('id="q2023Q2-annex-2"'));
    const rows = [...annex.matchAll(/<tr data-status="\w+" data-section="[^"]+" data-lead="\w+">([\s\S]*?)<\/tr>/g)];
    expect(rows.length).toBe(named.length);
    for (const r of rows) expect(tasks.has(text(r[1]).split(' ')[0])).toBe(true);
  });

  it('lists the divisions\' reports among the data sources, and names those that sent nothing, as the PDF does', async () => {
    const annex = text(city.slice(city.indexOf('id="q2023Q2-annex-3"')));
    const files = await withReadWarehouse(db, (wh) => wh.all<{ file_name: string }>("select file_name from submission_versions where table_name = '重点工作进展' and is_latest and period = '2023Q2'"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(annex).toContain(f.file_name);
    expect(annex).toContain('牵头重点工作的各处室应报送重点工作进展');
    expect(annex).toMatch(/未按时报送重点工作进展的处室：[^。]+。/);
  });

  it('a unit no task names gets the part as the PDF has it: one sentence, no key-task annex', async () => {
    const none = text((await bulletinHtml(pageOf(await yearModels('2023Q2', '330402', db)))).toString('utf8'));
    expect(none).toContain('四、重点工作推进情况');
    expect(none).toContain('2023年重点工作任务清单中暂无明确由南湖区承担的任务');
    expect(none).not.toContain('重点工作任务进展清单');
  });
});

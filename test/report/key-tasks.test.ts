import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipelines/period';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { monthDay, percent } from '../../reports/format';
import type { KeyTaskProgressRow, KeyTaskSummaryRow, SubmissionStatusRow } from '../../reports/mart';
import { readBulletinConfig, readBulletinModels, renderBulletin } from '../../reports';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouse, sampleWithoutDivisionReports } from '../mart-warehouse';
import { keyTaskWarehouse, LATE_DIVISION, LEFT_OUT, OVERDUE, OVERDUE_PROBLEM } from './key-task-reports';
import { pdfPages, squeeze } from './pdf-text';
import { orphanHeading } from '../../reports/pdf/document';
import { PAGE } from '../../reports/pdf/styles';
import { headingWith } from '../../reports/pdf/tables';
import { sourcesAnnex } from '../../reports/text/sources';
import { sourcesSheet } from '../../reports/xlsx/submissions';

/**
 * 四、重点工作推进情况 and the annex 重点工作任务进展清单 (issue 15 step 5), read back from the PDF
 * and checked against the marts the real build made: the sample warehouse with the divisions'
 * reports written in as ingest leaves them (key-task-reports.ts: every status occurs in 2023Q2,
 * one division sends nothing, one file leaves a milestone out), a one-unit bulletin with tasks
 * and one without, the sample itself (no division reported) and a year without key tasks.
 */
const dir = tempDir('nrp-kt-report-');
const q2 = parsePeriod('2023Q2')!;

interface Marts {
  city: KeyTaskSummaryRow;
  sections: KeyTaskSummaryRow[];
  divisions: KeyTaskSummaryRow[];
  milestones: KeyTaskProgressRow[];
  statusName: Record<string, string>;
  tasks: number;
  divisionSubmissions: SubmissionStatusRow[];
}

async function readMarts(db: string): Promise<Marts> {
  return withReadWarehouse(db, async (wh) => {
    const summary = await wh.all<KeyTaskSummaryRow>("select * from mart_key_task_summary where period = '2023Q2' order by scope_kind, display_order");
    const milestones = await wh.all<KeyTaskProgressRow>(
      `select * replace (cast(due_date as varchar) as due_date, cast(completed_on as varchar) as completed_on)
         from mart_key_task_progress where period = '2023Q2' order by section_order, task_no, milestone_no`);
    const names = await wh.all<{ status_code: string; status_name: string }>('select status_code, status_name from key_task_statuses');
    const tasks = await wh.one<{ n: number }>("select count(distinct task_code) as n from mart_key_task_progress where period = '2023Q2'");
    const divisionSubmissions = await wh.all<SubmissionStatusRow>(
      "select * exclude (loaded_at) from mart_submission_status where period = '2023Q2' and submitter_kind = 'division' order by display_order");
    return {
      city: summary.find((r) => r.scope_kind === 'city')!,
      sections: summary.filter((r) => r.scope_kind === 'section'),
      divisions: summary.filter((r) => r.scope_kind === 'division'),
      milestones: milestones.map((m) => ({ ...m, units_involved: [...m.units_involved] })),
      statusName: Object.fromEntries(names.map((n) => [n.status_code, n.status_name])),
      tasks: Number(tasks!.n),
      divisionSubmissions,
    };
  });
}

/**
 * The bulletin's text, squeezed, without page numbers (— 23 — falls between the runs of a
 * paragraph that crosses a page). Checks on the way that no page ends with a heading.
 */
async function bulletinText(db: string, out: string, unit?: string): Promise<string> {
  const result = await nrp(['report', '--period', '2023Q2', '--db', db, '--out', out, ...(unit ? ['--unit', unit] : [])]);
  expect(result.code, result.stderr).toBe(0);
  const file = join(out, unit ? `bulletin-2023Q2-${unit}.pdf` : 'bulletin-2023Q2.pdf');
  const pages = (await pdfPages(file)).map((p) => squeeze(p).replace(/—\d+—/g, ''));
  pages.forEach((p, i) => expect(p, `page ${i + 1} ends with a heading`).not.toMatch(/(^|。|：)[一二三四五六七八九十]、[^。，；：]{2,12}$/));
  return pages.join('');
}

/** The text between two markers (the first after `from`). */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThan(0);
  const end = text.indexOf(to, start + from.length);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

const quotedInProse = (s: string) => `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;
const LISTED = ['overdue', 'lagging', 'not_reported'];

describe('the city bulletin of 2023Q2 with the divisions’ reports', () => {
  let db = '';
  let m: Marts;
  let text = '';
  const short = (code: string) => m.divisionSubmissions.find((d) => d.unit_code === code)!.unit_short_name;

  beforeAll(async () => {
    db = await keyTaskWarehouse(dir);
    m = await readMarts(db);
    text = await bulletinText(db, join(dir, 'city'));
  });

  it('the scenario has every status, so every part of the section is exercised', () => {
    for (const code of ['done_on_time', 'done_late', 'overdue', 'lagging', 'on_track', 'not_reported'] as const) expect(m.city[code], code).toBeGreaterThan(0);
    expect(m.city.on_time_rate).not.toBeNull();
  });

  it('puts 四、重点工作推进情况 after the indicators; 存在问题 and 下步工作 follow as 五 and 六', () => {
    const order = ['一、总体情况', '二、主要目标完成情况', '三、分项进展', '四、重点工作推进情况', '五、存在问题', '六、下步工作'].map((h) => text.indexOf(h));
    expect(order.every((p) => p > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).not.toContain('四、存在问题');
    expect(text).not.toContain('五、下步工作');
  });

  it('says the counts sentence and the on-time rate exactly as mart_key_task_summary has them', () => {
    const c = m.city;
    const n = m.statusName;
    expect(text).toContain(
      `全市${m.tasks}项重点工作共${c.milestones}个节点：${n.done_on_time}${c.done_on_time}个、${n.done_late}${c.done_late}个、${n.on_track}${c.on_track}个、` +
        `${n.lagging}${c.lagging}个、${n.overdue}${c.overdue}个、${n.not_reported}${c.not_reported}个。`,
    );
    expect(text).toContain(`截至6月底，到期节点${c.due_count}个，节点按期完成率${percent(c.on_time_rate)}；全年节点已完成${c.done_count}个，节点完成率${percent(c.completion_pct)}`);
    // 一、总体情况 gives the key tasks one sentence.
    expect(between(text, '一、总体情况', '二、主要目标完成情况')).toContain(
      `重点工作方面，全市${m.tasks}项重点工作共${c.milestones}个节点，已完成${c.done_count}个，节点按期完成率${percent(c.on_time_rate)}，${n.overdue}${c.overdue}个、${n.lagging}${c.lagging}个。`,
    );
  });

  it('names the division that sent nothing and the file that left a milestone out, with the mart’s counts', () => {
    const section = between(text, '四、重点工作推进情况', '五、存在问题');
    const late = m.divisions.find((d) => d.scope_name === LATE_DIVISION)!;
    expect(section).toContain(`${LATE_DIVISION}未按时报送本期重点工作进展，其牵头的${late.not_reported}个节点计为未报送。`);
    const leftOut = m.milestones.find((x) => `${x.task_code}#${x.milestone_no}` === LEFT_OUT)!;
    expect(section).toContain(`${leftOut.lead}报送的进展中有1个节点未填报`);
  });

  it('has the table by section (each section’s counts and rate from the mart) and the chart, referred to by their numbers', () => {
    const section = between(text, '四、重点工作推进情况', '五、存在问题');
    const refs = /（见表(\d+)和图(\d+)）/.exec(section)!;
    expect(refs).not.toBeNull();
    expect(section).toContain(`表${refs[1]}2023年重点工作推进情况（分板块）`);
    expect(section).toContain(`图${refs[2]}重点工作节点进展情况（分板块）`);
    const cells = (r: KeyTaskSummaryRow) => [r.milestones, r.done_on_time, r.done_late, r.on_track, r.lagging, r.overdue, r.not_reported].join('') + (r.on_time_rate === null ? '—' : percent(r.on_time_rate));
    for (const s of m.sections) expect(section, s.scope_name).toContain(`${s.scope_code}、${s.scope_name}${cells(s)}`);
    expect(section).toContain(`全市合计${cells(m.city)}`);
  });

  it('lists every overdue, lagging and not-reported milestone, worst first, with its lead, due date and reported problem; no other', () => {
    const section = between(text, '四、重点工作推进情况', '五、存在问题');
    const listed = m.milestones.filter((x) => LISTED.includes(x.status_code)).sort((a, b) => a.status_order - b.status_order);
    expect(listed).toHaveLength(m.city.overdue + m.city.lagging + m.city.not_reported);
    let at = 0;
    listed.forEach((x, i) => {
      const row = `${i + 1}${x.task_code}${x.task_title}${x.milestone_no}．${x.milestone}${short(x.lead_code)}${monthDay(x.due_date, 2023)}${percent(x.schedule_pct)}` +
        `${x.status_code === 'not_reported' ? '—' : percent(x.progress_pct)}${x.status_name}${x.problems ?? '—'}`;
      const found = section.indexOf(row, at);
      expect(found, row).toBeGreaterThan(at);
      at = found;
    });
    expect(section).toContain(OVERDUE_PROBLEM);
    for (const x of m.milestones.filter((y) => !LISTED.includes(y.status_code))) expect(section).not.toContain(`${x.milestone_no}．${x.milestone}`);
  });

  it('存在问题 names the overdue and lagging milestones and the silent division in the bureau’s words', () => {
    const problems = between(text, '五、存在问题', '六、下步工作');
    expect(problems).toContain(`部分重点工作推进滞后。截至6月底，全市有${m.city.overdue}个节点逾期未完成：`);
    for (const x of m.milestones.filter((y) => y.status_code === 'overdue')) {
      expect(problems).toContain(`${quotedInProse(x.milestone)}（${x.lead}，时间节点${monthDay(x.due_date, 2023)}）`);
      expect(OVERDUE).toContain(`${x.task_code}#${x.milestone_no}`);
    }
    expect(problems).toContain(`有${m.city.lagging}个节点滞后序时进度：`);
    for (const x of m.milestones.filter((y) => y.status_code === 'lagging')) {
      expect(problems).toContain(`${quotedInProse(x.milestone)}（${x.lead}，形象进度${percent(x.progress_pct)}，序时进度${percent(x.schedule_pct)}）`);
    }
    expect(problems).toContain(`${LATE_DIVISION}未按时报送本期重点工作进展。`);
    // The W-K1 warning of the file that left a milestone out, pointing to the data-sources annex (附件3 now).
    expect(problems).toContain('报送的数据载入时产生校验提示1条，请核实（详见附件3）');
  });

  it('the annex 重点工作任务进展清单 lists every milestone with its status, and the annexes renumber', () => {
    expect(text).toContain('附件：1．2023年全市自然资源和规划主要目标任务进展情况表2．2023年重点工作任务进展清单3．数据来源及载入校验提示');
    const annex = between(text, '附件22023年重点工作任务进展清单', '附件3数据来源及载入校验提示');
    expect(m.milestones).toHaveLength(m.city.milestones);
    let at = 0;
    m.milestones.forEach((x, i) => {
      const row = `${i + 1}${x.task_code}`;
      const cells = `${x.milestone_no}．${x.milestone}${short(x.lead_code)}${monthDay(x.due_date, 2023)}${percent(x.schedule_pct)}${x.status_code === 'not_reported' ? '—' : percent(x.progress_pct)}${x.status_name}`;
      const found = annex.indexOf(cells, at);
      expect(found, cells).toBeGreaterThan(at);
      expect(annex.slice(at, found), row).toContain(row);
      at = found;
    });
    // A completion carried from the first quarter says so.
    expect(annex).toContain('（一季度报送完成）');
  });

  it('the data-sources annex lists the divisions’ submissions and the one that did not arrive', () => {
    const sources = text.slice(text.indexOf('附件3数据来源及载入校验提示'));
    for (const s of m.divisionSubmissions.filter((d) => d.arrived)) {
      expect(sources).toContain(squeeze(s.file_name!));
      expect(sources).toContain(s.sha256!.slice(0, 32));
    }
    expect(sources).toContain(`未按时报送重点工作进展的处室：${LATE_DIVISION}。`);
    expect(sources).toContain('W-K1');
  });
});

describe('one-unit bulletins', () => {
  let db = '';
  let m: Marts;

  beforeAll(async () => {
    db = join(dir, 'key-tasks.duckdb');
    m = await readMarts(db);
  });

  it('海宁市: names the tasks that name it, lists their milestones that are behind, and only those in its annex', async () => {
    const text = await bulletinText(db, join(dir, 'unit'), '330481');
    const own = m.milestones.filter((x) => x.units_involved.includes('海宁市'));
    const tasks = [...new Map(own.map((x) => [x.task_code, x])).values()];
    expect(tasks.length).toBeGreaterThan(0);
    const section = between(text, '四、重点工作推进情况', '五、存在问题');
    expect(section).toContain(`全市重点工作共${m.city.milestones}个节点：`); // the city for context
    expect(section).toContain(`涉及海宁市的重点工作有${tasks.length}项：${tasks.map((t) => `${t.task_title}（${t.lead}牵头）`).join('、')}，共${own.length}个节点`);
    for (const x of own.filter((y) => LISTED.includes(y.status_code))) expect(section).toContain(`${x.milestone_no}．${x.milestone}`);
    const annex = between(text, '附件22023年涉及海宁市的重点工作任务进展清单', '附件3数据来源及载入校验提示');
    for (const x of own) expect(annex).toContain(`${x.milestone_no}．${x.milestone}`);
    // Milestones of tasks that do not name 海宁市 are nowhere.
    for (const x of m.milestones.filter((y) => !y.units_involved.includes('海宁市') && y.status_code !== 'done_on_time')) expect(text).not.toContain(`．${x.milestone}`);
    // The silent division leads one of its tasks: said in 存在问题, and only its leads' submissions in the sources.
    if (own.some((x) => x.lead === LATE_DIVISION)) expect(between(text, '五、存在问题', '六、下步工作')).toContain(`${LATE_DIVISION}未按时报送本期重点工作进展`);
    const leads = new Set(own.map((x) => x.lead_code));
    for (const s of m.divisionSubmissions.filter((d) => d.arrived)) {
      if (leads.has(s.unit_code)) expect(text).toContain(squeeze(s.file_name!));
      else expect(text).not.toContain(squeeze(s.file_name!));
    }
  });

  it('南湖区, named by no task: the section says so, and there is no key-task annex', async () => {
    expect(m.milestones.some((x) => x.units_involved.includes('南湖区'))).toBe(false);
    const text = await bulletinText(db, join(dir, 'unit'), '330402');
    const section = between(text, '四、重点工作推进情况', '五、存在问题');
    expect(section).toContain('2023年重点工作任务清单中暂无明确由南湖区承担的任务');
    expect(section).not.toMatch(/表\d+/);
    expect(text).not.toContain('重点工作任务进展清单');
    expect(text).toContain('附件：1．2023年南湖区自然资源和规划主要目标任务进展情况表2．数据来源及载入校验提示');
  });
});

describe('no division reported', () => {
  it('the section is one paragraph: every milestone 未报送, no table or chart; the annex still lists every milestone', async () => {
    const db = await sampleWithoutDivisionReports(dir, 'silent.duckdb');
    const m = await readMarts(db);
    expect(m.city.not_reported).toBe(m.city.milestones);
    const text = await bulletinText(db, join(dir, 'sample'));
    const section = between(text, '四、重点工作推进情况', '五、存在问题');
    expect(section).toBe(
      `四、重点工作推进情况全市${m.tasks}项重点工作共${m.city.milestones}个节点。截至6月底，各牵头处室均未报送本期重点工作进展，` +
        `${m.city.milestones}个节点均为未报送，推进情况暂无法评估；全部节点进展见附件2。`,
    );
    expect(text).toContain('重点工作方面，各牵头处室均未报送本期重点工作进展。');
    expect(between(text, '五、存在问题', '六、下步工作')).toContain('重点工作进展未按时报送。截至6月底，各牵头处室均未报送本期重点工作进展');
    const annex = between(text, '附件22023年重点工作任务进展清单', '附件3');
    for (const x of m.milestones) expect(annex).toContain(`${x.milestone_no}．${x.milestone}`);
    expect(annex.match(/未报送/g)!.length).toBeGreaterThanOrEqual(m.city.milestones);
    expect(text).toContain('各牵头处室均未报送本期重点工作进展。'); // the sources annex
  });
});

describe('headings at the foot of a page', () => {
  const bottom = PAGE.top + PAGE.typeHeight;
  it('a marked heading in the last three lines of a portrait page goes to the next one; nothing else does', () => {
    expect(orphanHeading({ headlineLevel: 1, startPosition: { top: bottom - 30 } })).toBe(true);
    expect(orphanHeading({ headlineLevel: 1, startPosition: { top: bottom - 120 } })).toBe(false);
    expect(orphanHeading({ startPosition: { top: bottom - 30 } })).toBe(false);
    expect(orphanHeading({ headlineLevel: 1, startPosition: { top: bottom - 30, pageOrientation: 'landscape' } })).toBe(false);
  });

  it('a long first paragraph is not glued to its heading (a page would be left blank); a short one is', () => {
    const heading = { text: '五、存在问题', style: 'h1' };
    expect(headingWith(heading, { text: '短。', style: 'body' })).toEqual([{ stack: [heading, { text: '短。', style: 'body' }], unbreakable: true }]);
    const long = { text: '长'.repeat(200), style: 'body' };
    expect(headingWith(heading, long)).toEqual([{ ...heading, headlineLevel: 1 }, long]);
  });
});

describe('a year without key tasks', () => {
  it('has no 重点工作 part or annex: 存在问题 is 四, 下步工作 五, the data sources 附件2', async () => {
    const [model] = await withReadWarehouse(await sampleWarehouse(), (wh) => readBulletinModels(wh, readBulletinConfig(), [{ period: q2 }]));
    const bare = { ...model, keyTasks: { milestones: [], summary: [], statuses: model.keyTasks.statuses }, divisionSubmissions: [] };
    const file = join(dir, 'bare.pdf');
    writeFileSync(file, await renderBulletin(bare));
    const text = squeeze((await pdfPages(file)).join('\n'));
    expect(text).not.toContain('重点工作');
    for (const h of ['三、分项进展', '四、存在问题', '五、下步工作']) expect(text).toContain(h);
    expect(text).toContain('附件：1．2023年全市自然资源和规划主要目标任务进展情况表2．数据来源及载入校验提示');
    expect(text).toContain('数据均来自各单位报送的指标进度表、供地台账和卫片图斑。');
  });

  it('the workbook sheet 数据来源 lists what the annex lists: the files of the units, no report of a division even where one arrived', async () => {
    const [model] = await withReadWarehouse(await sampleWarehouse(), (wh) => readBulletinModels(wh, readBulletinConfig(), [{ period: q2 }]));
    const bare = { ...model, keyTasks: { milestones: [], summary: [], statuses: model.keyTasks.statuses } };
    expect(bare.divisionSubmissions.some((s) => s.arrived)).toBe(true);
    const listed = sourcesSheet(bare).rows.map((r) => ('cells' in r ? r.cells[0] : undefined));
    expect(listed).toEqual(sourcesAnnex(bare, false).used.map((s) => s.unit_name));
    expect(listed.filter((name) => bare.divisionSubmissions.some((s) => s.unit_name === name))).toEqual([]);
    // with its key tasks, the divisions' reports are among the sources
    expect(sourcesSheet(model).rows.length).toBe(sourcesAnnex(model, true).used.length);
    expect(sourcesSheet(model).rows.length).toBeGreaterThan(listed.length);
  });
});

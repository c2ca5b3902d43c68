import { STATUS_STYLE } from '../charts/theme';
import { chineseDate, LIGHT_LABEL, percent } from '../format';
import type { KeyTaskProgressRow, KeyTaskSummaryRow } from '../mart';
import type { QuarterContext } from './context';
import { annexHead } from './annexes';
import { KEY_TASK_SECTIONS_CHART } from '../charts/choose';
import { divisionTableTitle, keyTaskSection as sectionText, sectionTableTitle } from '../text/key-task-section';
import { COUNTS_SENTENCE_ORDER } from '../text/key-tasks';
import { keyTaskStatusName } from '../model/lookup';
import { figure } from './figures';
import { el, text } from './markup';
import { cell, table, type Cell, type Column, type Row } from './tables';
import { htmlMessages } from '../../pipelines/messages';

/**
 * 重点工作 (docs/spec/key-tasks.md, "In the bulletin"), from the model's `keyTasks`: the counts of
 * the city's milestones by status (mart_key_task_summary), a table by section and by division,
 * the milestones that are overdue, lagging or not reported with their lead and reported problem;
 * and an annex that lists every milestone with its status, filterable by status, section and
 * division. Status names, lights, their order and how bad each light is are the marts' (the
 * seed's), never code; a light's word is format.ts's, its shape the charts' theme. A one-unit
 * edition lists the milestones of the tasks that name the unit.
 */

type Light = KeyTaskProgressRow['light'];
type StatusCode = KeyTaskProgressRow['status_code'];

/** The lights' shapes are the indicators' (grey, like 未报送, a cross). */
const LIGHT_GLYPH: Record<Light, string> = { green: STATUS_STYLE.green.glyph, yellow: STATUS_STYLE.yellow.glyph, red: STATUS_STYLE.red.glyph, grey: STATUS_STYLE.missing.glyph };

/** A light with its shape and word; `v` sorts the column (the mart's severity, or the status's order). */
function lightCell(light: Light | null, v: number | null, word?: string): Cell {
  if (light === null) return cell('—');
  return { html: `<span class="light k-${light}"><span class="glyph" aria-hidden="true">${text(LIGHT_GLYPH[light])}</span>${text(word ?? LIGHT_LABEL[light])}</span>`, v };
}

/** The statuses the period's milestones have, in the seed's order, with their names. */
function statuses(milestones: readonly KeyTaskProgressRow[]): { code: StatusCode; name: string; order: number }[] {
  const seen = new Map<StatusCode, { code: StatusCode; name: string; order: number }>();
  for (const m of milestones) seen.set(m.status_code, { code: m.status_code, name: m.status_name, order: m.status_order });
  return [...seen.values()].sort((a, b) => a.order - b.order);
}

/** 重点工作推进情况: the section's words and lists (reports/text/key-task-section.ts), its tables and the status chart. */
export function keyTaskSection(ctx: QuarterContext, heading: string): string {
  const { model } = ctx;
  const { summary } = model.keyTasks;
  // What the section says and lists is decided once for both editions (reports/text/key-task-section.ts).
  const section = sectionText(model, () => ctx.annexNo('keyTasks'));
  if (!section) return '';
  // The counts in the sentence's order, all six (as the PDF's table has them).
  const present = COUNTS_SENTENCE_ORDER.map((code) => ({ code, name: keyTaskStatusName(model, code) }));
  const parts: string[] = [];
  if (section.bySection) {
    const n = ctx.nextTable();
    const chart = ctx.chart(KEY_TASK_SECTIONS_CHART);
    const drawn = chart ? figure(ctx, chart) : '';
    parts.push(el('p', {}, text(section.opening({ table: n, figure: chart ? ctx.placed.length : undefined }))));
    parts.push(summaryTable(ctx, present, summary.filter((s) => s.scope_kind === 'section'), '任务板块', `表${n}　${sectionTableTitle(model.period.year)}`));
    parts.push(drawn);
    parts.push(summaryTable(ctx, present, summary.filter((s) => s.scope_kind === 'division'), '牵头处室', `表${ctx.nextTable()}　${divisionTableTitle(model.period.year)}`));
  } else {
    parts.push(el('p', {}, text(section.opening())));
  }
  const list = section.list;
  if (list && list.milestones.length > 0) {
    const n = ctx.nextTable();
    parts.push(el('p', {}, text(list.sentence(n))));
    parts.push(milestoneTable(ctx, list.milestones, `表${n}　${list.title}`, false));
  } else if (list) {
    parts.push(el('p', {}, text(list.sentence())));
  }
  return el('section', { id: ctx.id('key-tasks') }, el('h2', {}, text(heading)), ...parts);
}

function summaryTable(ctx: QuarterContext, present: readonly { code: StatusCode; name: string }[], rows: KeyTaskSummaryRow[], scopeLabel: string, caption: string): string {
  const columns: Column[] = [
    { label: scopeLabel, sort: 'text', left: true },
    { label: '节点数', sort: 'num' },
    { label: '已到期', sort: 'num' },
    ...present.map((s) => ({ label: s.name, sort: 'num' as const })),
    { label: '节点按期完成率', sort: 'num' },
    { label: '节点完成率', sort: 'num' },
    { label: '亮灯', sort: 'num' },
  ];
  const city = ctx.model.keyTasks.summary.find((s) => s.scope_kind === 'city');
  const line = (s: KeyTaskSummaryRow, foot: boolean): Row => ({
    foot,
    cells: [
      cell(s.scope_kind === 'section' ? `${s.scope_code}、${s.scope_name}` : s.scope_name, s.display_order),
      cell(String(s.milestones), s.milestones),
      cell(String(s.due_count), s.due_count),
      ...present.map((p) => cell(String(s[p.code]), s[p.code])),
      cell(percent(s.on_time_rate), s.on_time_rate),
      cell(percent(s.completion_pct), s.completion_pct),
      lightCell(s.light, s.light_severity),
    ],
  });
  return table(columns, [...rows.map((s) => line(s, false)), ...(city ? [line(city, true)] : [])], { caption, className: 'key-task-summary' });
}

/** Milestones as a table; `full` adds 形象进度, 完成日期, 进展情况 and 下步举措 (the annex). */
function milestoneTable(ctx: QuarterContext, rows: readonly KeyTaskProgressRow[], caption: string | undefined, full: boolean, id?: string): string {
  const columns: Column[] = [
    { label: '任务', sort: 'text', left: true },
    { label: '节点', left: true },
    { label: '牵头处室', sort: 'text', nowrap: true },
    { label: '时间节点', sort: 'text', nowrap: true },
    ...(full ? [{ label: '序时进度', sort: 'num' as const }, { label: '形象进度', sort: 'num' as const }] : []),
    { label: '状态', sort: 'num', nowrap: true },
    ...(full ? [{ label: '完成日期', sort: 'text' as const, nowrap: true }, { label: '进展情况', left: true }] : []),
    { label: '存在问题', left: true },
    ...(full ? [{ label: '下步举措', left: true }] : []),
  ];
  const body: Row[] = rows.map((m) => ({
    data: { status: m.status_code, section: m.section, lead: m.lead_code },
    cells: [
      cell(`${m.task_code} ${m.task_title}`, `${String(m.section_order).padStart(3, '0')}${String(m.task_no).padStart(3, '0')}`),
      cell(`${m.milestone_no}. ${m.milestone}`),
      cell(m.lead, m.lead_order),
      cell(chineseDate(m.due_date), m.due_date),
      ...(full ? [cell(percent(m.schedule_pct), m.schedule_pct), cell(percent(m.progress_pct), m.progress_pct)] : []),
      lightCell(m.light, m.status_order, m.status_name),
      ...(full ? [cell(m.completed_on ? chineseDate(m.completed_on) : '—', m.completed_on ?? ''), m.report_text ?? '—'] : []),
      m.problems ?? '—',
      ...(full ? [m.next_steps ?? '—'] : []),
    ],
  }));
  return table(columns, body, { caption, id, className: 'milestones' });
}

/** 附件 重点工作任务进展清单: every milestone, with the filters (status, section, lead division) the page's script applies. */
export function keyTaskAnnex(ctx: QuarterContext, n: number, title: string): string {
  const { milestones } = ctx.model.keyTasks;
  const tableId = ctx.id('milestones');
  const count = htmlMessages.milestoneCount;
  const options = (pairs: [string, string][]) => [el('option', { value: '' }, htmlMessages.all), ...pairs.map(([v, label]) => el('option', { value: v }, text(label)))].join('');
  const unique = <T>(list: T[], key: (t: T) => string) => [...new Map(list.map((t) => [key(t), t])).values()];
  const sections = unique(milestones, (m) => m.section).sort((a, b) => a.section_order - b.section_order);
  const leads = unique(milestones, (m) => m.lead_code).sort((a, b) => a.lead_order - b.lead_order);
  const select = (key: string, label: string, body: string) =>
    el('label', {}, text(label), el('select', { 'data-filter': key, 'aria-controls': tableId }, body));
  return el(
    'section',
    { class: 'annex' },
    annexHead(ctx, n, title),
    el(
      'div',
      { class: 'filters', role: 'group', 'aria-label': htmlMessages.filterMilestones, 'data-table': tableId },
      select('status', '状态', options(statuses(milestones).map((s) => [s.code, s.name]))),
      select('section', '任务板块', options(sections.map((m) => [m.section, `${m.section}、${m.section_title}`]))),
      select('lead', '牵头处室', options(leads.map((m) => [m.lead_code, m.lead]))),
      el('output', { 'aria-live': 'polite', class: 'count', 'data-count-before': count.before, 'data-count-after': count.after }, text(`${count.before}${milestones.length}${count.after}`)),
    ),
    milestoneTable(ctx, milestones, undefined, true, tableId),
  );
}

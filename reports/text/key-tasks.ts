import { joinNames, monthDay, percent } from '../format';
import type { KeyTaskProgressRow, KeyTaskSummaryRow } from '../mart';

/**
 * The bulletin's sentences about the key tasks (重点工作), in one place for every output. Every
 * count is mart_key_task_summary's; the milestones named are mart_key_task_progress rows; the
 * status names are the seed's (passed in as `name`). Sentences end without punctuation: the
 * caller joins them.
 */

type StatusCode = KeyTaskProgressRow['status_code'];
type NameOf = (code: StatusCode) => string;

/** The order of the counts sentence, as key-tasks.md writes it (按期完成、逾期完成、序时推进、滞后序时、逾期未完成、未报送). */
export const COUNTS_SENTENCE_ORDER: readonly StatusCode[] = ['done_on_time', 'done_late', 'on_track', 'lagging', 'overdue', 'not_reported'];

/** The statuses the section lists milestone by milestone, and 存在问题 names. */
export const LISTED_STATUSES: readonly StatusCode[] = ['overdue', 'lagging', 'not_reported'];

/** `截至6月底`: the period's end as prose says it. */
export function asOf(quarter: number): string {
  return `截至${quarter * 3}月底`;
}

/**
 * `全市30项重点工作共138个节点：按期完成15个、逾期完成1个、序时推进110个、滞后序时5个、逾期未完成2个、未报送5个`.
 * `tasks` is left out where it is not known (a one-unit bulletin holds only its own tasks).
 */
export function countsSentence(city: KeyTaskSummaryRow, tasks: number | undefined, name: NameOf): string {
  const counts = COUNTS_SENTENCE_ORDER.map((code) => `${name(code)}${city[code]}个`).join('、');
  return `${city.scope_name}${tasks === undefined ? '' : `${tasks}项`}重点工作共${city.milestones}个节点：${counts}`;
}

/**
 * `截至6月底，到期节点17个，节点按期完成率82.4%；全年节点已完成16个，节点完成率11.6%`. The rate is
 * said only where something is due (the mart's null otherwise).
 */
export function ratesSentence(city: KeyTaskSummaryRow, quarter: number): string {
  const due = city.on_time_rate === null ? `${asOf(quarter)}暂无到期节点` : `${asOf(quarter)}，到期节点${city.due_count}个，节点按期完成率${percent(city.on_time_rate)}`;
  return `${due}；全年节点已完成${city.done_count}个，节点完成率${percent(city.completion_pct)}`;
}

/** No division reported anything and nothing was carried forward: every milestone is 未报送. */
export function nothingReportedSentence(city: KeyTaskSummaryRow, tasks: number | undefined, quarter: number): string {
  return `${city.scope_name}${tasks === undefined ? '' : `${tasks}项`}重点工作共${city.milestones}个节点。${asOf(quarter)}，各牵头处室均未报送本期重点工作进展，${city.milestones}个节点均为未报送，推进情况暂无法评估`;
}

/** `矿产资源管理处未按时报送本期重点工作进展，其牵头的4个节点计为未报送` (one division), or the divisions named together. */
export function silentDivisionsSentence(divisions: readonly { name: string; milestones: number }[]): string {
  const whose = divisions.length === 1 ? `其牵头的${divisions[0].milestones}个节点` : '其牵头的节点';
  return `${joinNames(divisions.map((d) => d.name))}未按时报送本期重点工作进展，${whose}计为未报送`;
}

/** `耕地保护监督处报送的进展中有1个节点未填报` for divisions that reported but left milestones out. */
export function missingRowsSentence(divisions: readonly { name: string; count: number }[]): string {
  return `${joinNames(divisions.map((d) => `${d.name}报送的进展中有${d.count}个节点未填报`))}，按未报送统计`;
}

/** What the section's list holds: `逾期未完成、滞后序时和未报送的节点见表5` (only the statuses present). */
export function listLead(names: readonly string[], table: number): string {
  const kinds = names.length > 1 ? `${names.slice(0, -1).join('、')}和${names.at(-1)}` : names[0];
  return `${kinds}的节点见表${table}`;
}

/** `全部节点进展见附件2` */
export function annexPointer(annex: number): string {
  return `全部节点进展见附件${annex}`;
}

export const SHORT_NAMES_NOTE = '注：牵头处室以简称列示。';

/** Nothing to list: `全市各节点均按期完成或按序时推进，无逾期、滞后或未报送节点`. */
export function allOnTrackSentence(scope: string): string {
  return `${scope}各节点均按期完成或按序时推进，无逾期、滞后或未报送节点`;
}

/** 一、总体情况's sentence on the key tasks (the city bulletin). */
export function overviewSentence(city: KeyTaskSummaryRow, tasks: number, name: NameOf): string {
  if (city.not_reported === city.milestones) return `重点工作方面，各牵头处室均未报送本期重点工作进展`;
  const behind = (['overdue', 'lagging'] as const).filter((c) => city[c] > 0).map((c) => `${name(c)}${city[c]}个`);
  const rate = city.on_time_rate === null ? '' : `，节点按期完成率${percent(city.on_time_rate)}`;
  return `重点工作方面，${city.scope_name}${tasks}项重点工作共${city.milestones}个节点，已完成${city.done_count}个${rate}${behind.length ? `，${behind.join('、')}` : ''}`;
}

// A one-unit bulletin ---------------------------------------------------------------------------

/** `涉及海宁市的重点工作有2项：严格国土空间规划实施管理（国土空间规划处牵头）、…，共8个节点` (the lengths of the lists it names). */
export function unitTasksSentence(unit: string, tasks: readonly { title: string; lead: string; milestones: unknown[] }[]): string {
  const count = tasks.reduce((n, t) => n + t.milestones.length, 0);
  const named = tasks.map((t) => `${t.title}（${t.lead}牵头）`).join('、');
  return `涉及${unit}的重点工作有${tasks.length}项：${named}，共${count}个节点`;
}

/** A unit no task of the plan names (key-tasks.md: a one-unit bulletin lists the tasks naming the unit). */
export function noUnitTasksSentence(unit: string, year: number): string {
  return `${year}年重点工作任务清单中暂无明确由${unit}承担的任务，${unit}应按市局部署配合各牵头处室推进相关工作`;
}

// 存在问题 ----------------------------------------------------------------------------------------

/** How many milestones 存在问题 names one by one before it says 等N个. */
export const NAMED_AT_MOST = 5;

function named(rows: readonly KeyTaskProgressRow[], total: number, describe: (m: KeyTaskProgressRow) => string): string {
  const shown = rows.slice(0, NAMED_AT_MOST).map(describe).join('、');
  return rows.length > NAMED_AT_MOST ? `${shown}等${total}个` : shown;
}

/** A milestone quoted in prose: its own quotation marks become single ones inside ours (“加快‘三维嘉兴’…”). */
export function quoted(text: string): string {
  return `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

/** `“重大项目保障进度实时晾晒”（国土空间用途管制处，时间节点6月30日）` */
function overdueItem(m: KeyTaskProgressRow, year: number): string {
  return `${quoted(m.milestone)}（${m.lead}，时间节点${monthDay(m.due_date, year)}）`;
}

/** `“实施建设用地复垦10000亩”（国土空间生态修复处，形象进度20.0%，序时进度49.6%）` */
function laggingItem(m: KeyTaskProgressRow): string {
  return `${quoted(m.milestone)}（${m.lead}，形象进度${percent(m.progress_pct)}，序时进度${percent(m.schedule_pct)}）`;
}

/**
 * The key tasks' paragraph of 存在问题, in the bureau's words: the milestones overdue and those
 * behind schedule named (the first five of each, then 等N个), and the divisions that did not
 * report. `counts` are the mart's (the city row; for a unit, the lengths of its lists). Undefined
 * where there is nothing to say.
 */
export function keyTaskProblem(input: {
  scope: string;
  year: number;
  quarter: number;
  overdue: readonly KeyTaskProgressRow[];
  lagging: readonly KeyTaskProgressRow[];
  counts: { overdue: number; lagging: number };
  silent: readonly string[];
  nothingReported: boolean;
}): string | undefined {
  const { overdue, lagging, counts, silent } = input;
  if (input.nothingReported) return `重点工作进展未按时报送。${asOf(input.quarter)}，各牵头处室均未报送本期重点工作进展，重点工作推进情况无法掌握。`;
  const parts: string[] = [];
  if (overdue.length) parts.push(`${input.scope}有${counts.overdue}个节点逾期未完成：${named(overdue, counts.overdue, (m) => overdueItem(m, input.year))}`);
  if (lagging.length) parts.push(`有${counts.lagging}个节点滞后序时进度：${named(lagging, counts.lagging, laggingItem)}`);
  if (silent.length) parts.push(`${joinNames(silent)}未按时报送本期重点工作进展`);
  if (parts.length === 0) return undefined;
  const title = overdue.length || lagging.length ? '部分重点工作推进滞后' : '重点工作进展报送不及时';
  return `${title}。${asOf(input.quarter)}，${parts.join('；')}。`;
}

// 附件: 重点工作任务进展清单 -------------------------------------------------------------------------

export const KEY_TASK_ANNEX_NOTE =
  '说明：牵头处室以简称列示。序时进度为按时间节点计算的本期末应达到的进度，时间节点已到的为100%；形象进度为牵头处室报送数，已完成的节点为100%；' +
  '未报送为牵头处室本期未报送该节点进展（此前已报完成的节点沿用所报完成情况）。';

/** The cell 进展情况／存在问题: `已完成项目建议书编制并报审。存在问题：…`; `—` where nothing was reported. */
export function progressText(input: { text: string | null; problems: string | null; carriedFrom?: string; reported: boolean }): string {
  if (!input.reported) return '—';
  const parts: string[] = [];
  if (input.carriedFrom) parts.push(`（${input.carriedFrom}报送完成）`);
  if (input.text) parts.push(/[。！？；…]$/.test(input.text) ? input.text : `${input.text}。`);
  if (input.problems) parts.push(`存在问题：${input.problems}`);
  return parts.length ? parts.join('') : '—';
}

import { csvBytes } from './csv';
import { day, parts, quarterEnd, utcDate, type Day } from './dates';
import type { ManifestFile } from './index';
import { reportAt, type KeyTaskYear, type MilestoneReport, type SampleDivision } from './keytasks';
import { SCENARIO } from './scenario';
import type { Cell, Grid } from './tables';
import { workbookBytes } from './xlsx';

/** How a division fills in its report: every form key-tasks.md allows, spread across the divisions. */
interface DivisionStyle {
  form: 'csv-utf8' | 'csv-gbk' | 'xlsx' | 'xlsx-bare';
  /** In file names: the name, an alias or the code. */
  fileName?: string;
  /** 填报单位 in a workbook's 填报信息, when not the name. */
  coverName?: string;
  period: (q: number) => string;
  titleRows: number;
  dates: 'cell' | 'iso' | 'slash' | 'chinese' | 'compact';
  words: { done: string; doing: string; todo: string };
  pct: 'plain' | 'percent' | 'fullwidth';
  /** 形象进度 of an 已完成 row: empty, or 100. */
  donePct: null | 100;
  /** Lists milestones finished in an earlier quarter again (else they are carried forward). */
  repeatsDone: boolean;
  halfwidth: boolean;
}

const Q_CN = ['一', '二', '三', '四'];
const code = (q: number) => `${SCENARIO.year}Q${q}`;
const chinese = (q: number) => `${SCENARIO.year}年第${Q_CN[q - 1]}季度`;
const dashed = (q: number) => `${SCENARIO.year}-Q${q}`;
const PLAIN = { done: '已完成', doing: '推进中', todo: '未启动' };
const base: DivisionStyle = { form: 'xlsx', period: code, titleRows: 1, dates: 'cell', words: PLAIN, pct: 'plain', donePct: null, repeatsDone: true, halfwidth: false };

const STYLES: Record<string, DivisionStyle> = {
  D01: { ...base, form: 'csv-utf8', dates: 'iso' },
  D02: { ...base, form: 'csv-gbk', fileName: '人事处', period: chinese, dates: 'chinese', words: { ...PLAIN, doing: '进行中' }, pct: 'fullwidth', donePct: 100 },
  D03: { ...base, form: 'xlsx-bare', period: dashed, pct: 'percent', titleRows: 0, words: { ...PLAIN, todo: '未开始' } },
  D04: { ...base, form: 'csv-utf8', fileName: '法规处', dates: 'slash', words: { ...PLAIN, done: '已办结' }, titleRows: 2 },
  D05: { ...base, fileName: '规划处', dates: 'chinese', words: { ...PLAIN, done: '完成' } },
  D06: { ...base, form: 'xlsx-bare', words: { ...PLAIN, doing: '进行中', todo: '未开始' }, repeatsDone: false },
  D07: { ...base, fileName: '用地处', coverName: '用途管制处', pct: 'percent', titleRows: 2 },
  D08: { ...base, form: 'xlsx-bare', fileName: '耕保处', dates: 'compact', words: { ...PLAIN, todo: '未开始' } },
  D09: { ...base, fileName: 'D09', period: chinese, donePct: 100 },
  D10: { ...base, pct: 'percent', repeatsDone: false, halfwidth: true },
  D11: { ...base, form: 'csv-gbk', dates: 'chinese', words: { ...PLAIN, done: '完成' }, titleRows: 0 },
  D12: { ...base, form: 'xlsx-bare', period: chinese },
  D13: { ...base, form: 'csv-utf8', words: { ...PLAIN, doing: '正在推进' }, repeatsDone: false, halfwidth: true },
  D14: { ...base, coverName: '测绘处', dates: 'iso', period: dashed },
  D15: { ...base, form: 'csv-gbk', fileName: '执法支队', words: { ...PLAIN, done: '已办结' }, pct: 'percent' },
  D16: { ...base, form: 'xlsx-bare', fileName: '登记中心', dates: 'compact', donePct: 100 },
};

const styleOf = (d: SampleDivision) => STYLES[d.code] ?? base;

export interface PlannedFile {
  entry: ManifestFile;
  bytes: () => Promise<Buffer>;
}

function dateCell(style: DivisionStyle, d: Day | null): Cell {
  if (d === null) return null;
  const { y, m, d: dd } = parts(d);
  const p2 = (n: number) => String(n).padStart(2, '0');
  if (style.dates === 'cell') return style.form.startsWith('csv') ? `${y}-${p2(m)}-${p2(dd)}` : utcDate(d);
  if (style.dates === 'iso') return `${y}-${p2(m)}-${p2(dd)}`;
  if (style.dates === 'slash') return `${y}/${m}/${dd}`;
  if (style.dates === 'chinese') return `${y}年${m}月${dd}日`;
  return `${y}${p2(m)}${p2(dd)}`;
}

function pctCell(style: DivisionStyle, pct: number | null): Cell {
  if (pct === null) return null;
  if (style.pct === 'percent') return `${pct}%`;
  if (style.pct === 'fullwidth') return String(pct).replace(/[0-9]/g, (c) => '０１２３４５６７８９'[Number(c)]);
  return pct;
}

/** A division's report as the grid it types (title rows, the header, one row per milestone). */
export function reportGrid(division: SampleDivision, q: number, reports: MilestoneReport[]): Grid {
  const style = styleOf(division);
  const header = ['任务编号', '节点序号', '节点名称', '进展状态', '完成日期', style.halfwidth ? '形象进度(%)' : '形象进度（%）', '进展情况', '存在问题', '下步举措'];
  const titles = [`${division.name}${chinese(q)}重点工作进展情况表`, '（形象进度填写百分比；已完成的节点填写完成日期）'].slice(0, style.titleRows);
  const word = (r: MilestoneReport) => (r.status === '已完成' ? style.words.done : r.status === '推进中' ? style.words.doing : style.words.todo);
  const rows = reports.map((r): Cell[] => [
    r.plan.task, r.plan.no, r.plan.name, word(r), dateCell(style, r.completed),
    pctCell(style, r.status === '已完成' ? style.donePct : r.pct), r.text, r.problems, r.next,
  ]);
  return { table: '重点工作进展', titles, header, rows, dateColumns: style.dates === 'cell' ? [4] : [] };
}

/** The division's milestones as it reports them at quarter q (those finished earlier left out by some). */
export function reportsOf(year: KeyTaskYear, division: SampleDivision, q: number, seed: number): MilestoneReport[] {
  const style = styleOf(division);
  const before = q > 1 ? quarterEnd(SCENARIO.year, q - 1) : -Infinity;
  return year.milestones
    .filter((m) => m.lead === division.code)
    .filter((m) => style.repeatsDone || m.completed === null || m.completed > before)
    .map((m) => reportAt(m, SCENARIO.year, q, seed));
}

const FILLERS = ['刘洋', '孙丽华', '吴建平', '胡晓燕', '郑凯', '冯敏'];

/** One division's file for one quarter, as its style writes it. */
export function divisionFile(division: SampleDivision, q: number, folder: string, grid: Grid, filledOn: Day, extra: Partial<ManifestFile>): PlannedFile {
  const style = styleOf(division);
  const name = style.fileName ?? division.name;
  const period = style.period(q);
  const base = { unit_code: division.code, unit_name: division.name, period: code(q), submitter: 'division' as const, expect: 'accepted' as const, tables: { 重点工作进展: grid.rows.length }, ...extra };
  if (style.form === 'csv-utf8' || style.form === 'csv-gbk') {
    const gbk = style.form === 'csv-gbk';
    return {
      entry: { path: `${folder}/${name}_${period}_重点工作进展.csv`, ...base, format: 'csv', encoding: gbk ? 'gbk' : 'utf-8' },
      bytes: async () => csvBytes(grid, gbk ? 'gbk' : 'utf8-bom'),
    };
  }
  const bare = style.form === 'xlsx-bare';
  const i = Number(division.code.slice(1));
  const info = { unitLabel: style.coverName ?? division.name, periodLabel: period, filler: FILLERS[i % FILLERS.length], phone: `0573-8${String(3100000 + i * 1913).slice(-7)}`, filledOn };
  return {
    entry: { path: `${folder}/${name}_${period}${bare ? '_重点工作进展' : ''}.xlsx`, ...base, format: 'xlsx' },
    bytes: () => workbookBytes(info, [grid], bare ? 'none' : true),
  };
}

/**
 * Every division's report for every quarter, with the scenario's exceptions: one division silent
 * for a quarter, one report corrected by a later one (its first had two slips), and one broken
 * draft (into the folder of files meant to be rejected).
 */
export function divisionFiles(year: KeyTaskYear, seed: number, rounds: readonly string[]): PlannedFile[] {
  const k = SCENARIO.keyTasks;
  const out: PlannedFile[] = [];
  for (let q = 1; q <= 4; q++) {
    for (const [order, d] of year.divisions.entries()) {
      if (d.code === k.silent.division && q === k.silent.quarter) continue;
      const reports = reportsOf(year, d, q, seed);
      const filledOn = day(rounds[q - 1]) - (order % 3);
      if (d.code === k.correction.division && q === k.correction.quarter) {
        const original = divisionFile(d, q, rounds[q - 1], reportGrid(d, q, withSlips(reports)), filledOn, {
          note: '原报送文件：一个已完成节点报为推进中、一个形象进度少写一位，已被更正文件取代 / first report: a finished milestone reported 推进中 and a 形象进度 missing a digit; superseded by the correction',
        });
        const corrected = divisionFile(d, q, SCENARIO.correctionRound, reportGrid(d, q, reports), day(SCENARIO.correctionRound) - 2, { note: '更正文件 / corrected resubmission' });
        original.entry.superseded_by = corrected.entry.path;
        corrected.entry.supersedes = original.entry.path;
        out.push(original, corrected);
        continue;
      }
      out.push(divisionFile(d, q, rounds[q - 1], reportGrid(d, q, reports), filledOn, {}));
    }
  }
  out.push(brokenDraft(year, seed, rounds));
  return out;
}

/** The correction's slips: the milestone finished in the quarter reported 推进中 95, and a 形象进度 of 60 typed 6. */
function withSlips(reports: MilestoneReport[]): MilestoneReport[] {
  const done = SCENARIO.keyTasks.correction.done;
  let typo = false;
  return reports.map((r) => {
    if (r.plan.task === done.task && r.plan.no === done.no) return { ...r, status: '推进中', completed: null, pct: 95, text: '正在推进，形象进度95%' };
    if (!typo && r.status === '推进中' && r.pct !== null && r.pct >= 20) {
      typo = true;
      return { ...r, pct: Math.round(r.pct / 10) };
    }
    return r;
  });
}

/** A draft sent by mistake: a completion date after the period end, and a status not in the list. */
function brokenDraft(year: KeyTaskYear, seed: number, rounds: readonly string[]): PlannedFile {
  const { division: code_, quarter: q } = SCENARIO.keyTasks.broken;
  const d = year.divisions.find((x) => x.code === code_)!;
  const reports = reportsOf(year, d, q, seed);
  const end = quarterEnd(SCENARIO.year, q);
  const broken = reports.map((r, i): MilestoneReport => {
    if (i === 0) return { ...r, status: '已完成', completed: end + 12, pct: null, text: '已完成' };
    if (i === 1) return { ...r, status: '推进中' };
    return r;
  });
  const grid = reportGrid(d, q, broken);
  grid.rows[1][3] = '基本完成';
  const row = (i: number) => grid.titles.length + 2 + i;
  const file = divisionFile({ ...d }, q, SCENARIO.brokenFolder, grid, day(rounds[q - 1]) + 3, {
    expect: 'rejected',
    note: `重点工作进展!E${row(0)} 完成日期晚于报告期末；重点工作进展!D${row(1)} 进展状态“基本完成”不在可选值中 / a completion date after the period end, and a status not in the list`,
  });
  // a workbook with 填报信息 whatever the division's own form (a draft saved from the template)
  const info = { unitLabel: d.name, periodLabel: code(q), filler: FILLERS[0], phone: '0573-83100000', filledOn: day(rounds[q - 1]) + 3 };
  return {
    entry: { ...file.entry, path: `${SCENARIO.brokenFolder}/${d.name}_${code(q)}.xlsx`, format: 'xlsx', encoding: undefined },
    bytes: () => workbookBytes(info, [grid], true),
  };
}

import { createCatalogue } from '../ingest/catalogue';
import { loadSeeds, Warehouse } from '../warehouse';
import { day, iso, quarterEnd, type Day } from './dates';
import { rngFor } from './prng';
import { SCENARIO } from './scenario';

/**
 * The divisions' year of key tasks as a story: each milestone is given its whole year once (when
 * it is finished, how fast it moves), and each quarterly report is a view of it at the period
 * end, so the reports agree with each other by construction. The catalogue and each task's lead
 * come from the warehouse's own seeds and model (kt_catalogue), not from rules written here.
 */
export interface SampleDivision {
  code: string;
  name: string;
  aliases: string[];
}

export interface MilestonePlan {
  task: string;
  no: number;
  name: string;
  due: Day;
  lead: string;
  kind: 'on_time' | 'late' | 'overdue' | 'lagging';
  /** When it is finished (null: not in the year). */
  completed: Day | null;
  /** 形象进度 against 序时进度 while it is under way. */
  pace: number;
}

export interface KeyTaskYear {
  divisions: SampleDivision[];
  milestones: MilestonePlan[];
}

/** What a division reports of one milestone at a period end. */
export interface MilestoneReport {
  plan: MilestonePlan;
  status: '已完成' | '推进中' | '未启动';
  completed: Day | null;
  /** 形象进度, null where left empty (已完成, 未启动). */
  pct: number | null;
  text: string;
  problems: string | null;
  next: string | null;
}

export async function readKeyTaskYear(seedsDir: string, year: number): Promise<{ divisions: SampleDivision[]; catalogue: Omit<MilestonePlan, 'kind' | 'completed' | 'pace'>[] }> {
  const wh = await Warehouse.open(':memory:');
  try {
    await loadSeeds(wh, seedsDir);
    await createCatalogue(wh);
    const divisions = await wh.all<SampleDivision>(`select code, name, aliases from divisions where year = ${year} order by display_order`);
    const rows = await wh.all<{ task: string; no: number; name: string; due: string; lead: string }>(
      `select task_code as task, milestone_no as no, milestone as name, strftime(due_date, '%Y-%m-%d') as due, lead_code as lead
       from kt_catalogue where year = ${year} order by section_order, task_no, milestone_no`,
    );
    return { divisions, catalogue: rows.map((r) => ({ ...r, due: day(r.due) })) };
  } finally {
    wh.close();
  }
}

const is = (m: { task: string; no: number }, x: { task: string; no: number }) => m.task === x.task && m.no === x.no;

/** Every milestone's year, from the seed: the scenario's exceptions, the others finished on time. */
export function planKeyTasks(seed: number, year: number, read: Awaited<ReturnType<typeof readKeyTaskYear>>): KeyTaskYear {
  const k = SCENARIO.keyTasks;
  const start = day(`${year}-01-01`);
  const milestones = read.catalogue.map((m): MilestonePlan => {
    const rng = rngFor(seed, `kt:${m.task}#${m.no}`);
    if (is(m, k.late)) return { ...m, kind: 'late', completed: m.due + k.late.daysLate, pace: rng.between(0.98, 1.1) };
    if (is(m, k.overdue)) return { ...m, kind: 'overdue', completed: null, pace: rng.between(0.95, 1.05) };
    if (k.lagging.some((x) => is(m, x))) return { ...m, kind: 'lagging', completed: m.due - rng.int(3, 12), pace: rng.between(0.3, 0.45) };
    // finished before the deadline: mostly in its last weeks, now and then months ahead
    const ahead = rng.chance(0.15) && !is(m, k.correction.done) ? rng.int(60, 150) : rng.int(2, 40);
    return { ...m, kind: 'on_time', completed: Math.max(start + 20, m.due - ahead), pace: rng.between(0.98, 1.2) };
  });
  for (const x of [k.late, k.overdue, ...k.lagging, k.correction.done]) {
    if (!milestones.some((m) => is(m, x))) throw new Error(`sample: milestone ${x.task} #${x.no} is not in the ${year} catalogue`);
  }
  return { divisions: read.divisions, milestones };
}

const PROBLEMS = ['涉及部门多，协调推进难度较大', '前期审批环节较多，进度慢于计划', '资金和人员保障不足', '基础数据整合工作量大'];
const STEPS = ['加强协调调度，倒排时间节点', '每月专题会商，压实工作责任', '争取上级支持，加快审批进度', '细化分解任务，确保按期完成'];

/** 5 % steps, as people report 形象进度. */
const step5 = (x: number) => Math.round(x / 5) * 5;

/** What the lead reports of a milestone at the end of quarter `q`. */
export function reportAt(plan: MilestonePlan, year: number, q: number, seed: number): MilestoneReport {
  const end = quarterEnd(year, q);
  const rng = rngFor(seed, `kt-text:${plan.task}#${plan.no}:${q}`);
  if (plan.completed !== null && plan.completed <= end) {
    return { plan, status: '已完成', completed: plan.completed, pct: null, text: `已完成。${plan.name.slice(0, 24)}`, problems: null, next: null };
  }
  const start = day(`${year}-01-01`);
  const schedule = plan.due <= end ? 100 : (100 * (end - start + 1)) / (plan.due - start + 1);
  if (plan.kind === 'lagging' && q === 1) {
    return { plan, status: '未启动', completed: null, pct: null, text: '前期准备中', problems: rng.pick(PROBLEMS), next: rng.pick(STEPS) };
  }
  const behind = plan.due <= end || plan.kind === 'lagging';
  const pct = plan.due <= end ? Math.min(95, 80 + 5 * (q - Math.ceil((plan.due - start + 1) / 92))) : Math.min(95, Math.max(5, step5(schedule * plan.pace)));
  return {
    plan, status: '推进中', completed: null, pct,
    text: `正在推进，形象进度${pct}%`,
    problems: behind ? rng.pick(PROBLEMS) : null,
    next: behind ? rng.pick(STEPS) : null,
  };
}

export { iso };

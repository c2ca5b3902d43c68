import { someoneReported } from '../charts/choose';
import { chineseNumber, gapPhrase, joinNames, percent } from '../format';
import type { ProgressRow } from '../mart';
import { keyTaskCity, milestonesWithStatus, missingUnits, reportingUnits, scopeRows, silentDivisions } from '../model/lookup';
import { keyTaskProblem } from './key-tasks';
import type { Outline } from './outline';
import { leftOutSentence, silentUnitSentence, thresholdPhrase } from './phrases';

/**
 * 存在问题, for every edition: lights that are red or yellow, units that lag, key-task milestones
 * overdue or behind, data that did not arrive; each a paragraph numbered （一）…, or one sentence
 * where there is nothing to say.
 */
export function problemParagraphs(o: Outline): string[] {
  const items = [lagging(o), uneven(o), keyTasks(o), reporting(o)].filter((t): t is string => Boolean(t));
  if (items.length === 0) {
    const tasks = o.has('keyTasks') ? '重点工作均按期完成或按序时推进，' : '';
    return [`本期${o.scopeName}各项指标均达到序时进度或目标要求，${tasks}数据按时报送，未发现突出问题。`];
  }
  return items.map((text, i) => `（${chineseNumber(i + 1)}）${text}`);
}

/** 部分指标进度滞后: the scope's red and yellow lights, each with how far it is off. */
function lagging(o: Outline): string | undefined {
  const rows = scopeRows(o.model);
  const red = rows.filter((r) => r.status === 'red');
  const yellow = rows.filter((r) => r.status === 'yellow');
  if (red.length === 0 && yellow.length === 0) return undefined;
  const parts: string[] = [];
  if (red.length) parts.push(`亮红灯的指标有${red.length}项：${red.map(why).join('；')}`);
  if (yellow.length) parts.push(`亮黄灯的指标有${yellow.length}项：${yellow.map(why).join('；')}`);
  return `部分指标进度滞后。${o.scopeName}${parts.join('。')}。`;
}

function why(row: ProgressRow): string {
  if (row.kind === 'cumulative') return `${row.indicator_name}（完成年度目标的${percent(row.completion_pct)}，${gapPhrase(row.gap_pp)}）`;
  return `${row.indicator_name}（${thresholdPhrase(row)}）`;
}

/**
 * 部分重点工作推进滞后: the overdue and lagging milestones named, the divisions that did not
 * report (the city's counts from mart_key_task_summary; a unit's are the lengths of its lists).
 */
function keyTasks(o: Outline): string | undefined {
  const { model } = o;
  const city = keyTaskCity(model);
  if (!city || !o.has('keyTasks') || model.keyTasks.milestones.length === 0) return undefined;
  const overdue = milestonesWithStatus(model, ['overdue']);
  const lagging = milestonesWithStatus(model, ['lagging']);
  return keyTaskProblem({
    scope: o.isCity ? city.scope_name : `涉及${o.scopeName}的重点工作中`,
    year: model.period.year,
    quarter: model.period.quarter,
    overdue,
    lagging,
    counts: o.isCity ? { overdue: city.overdue, lagging: city.lagging } : { overdue: overdue.length, lagging: lagging.length },
    silent: silentDivisions(model).map((s) => s.unit_name),
    nothingReported: !someoneReported(model),
  });
}

/** 地区之间推进不平衡: who has the most red lights (city, from the scorecard), or where the unit ranks last three. */
function uneven(o: Outline): string | undefined {
  const { model } = o;
  if (o.isCity) {
    const worst = model.scorecard
      .filter((s) => s.unit_kind !== 'aggregate' && s.red > 0)
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.display_order - b.display_order)
      .slice(0, 3);
    if (worst.length === 0) return undefined;
    return `地区之间推进不平衡。亮红灯指标较多的是${joinNames(worst.map((s) => `${s.unit_name}（红灯${s.red}项、黄灯${s.yellow}项）`))}，需加快推进。`;
  }
  // 后三位: of four or more ranked units, a place among the last three. A rank r (1, 2, 2, 4) has
  // r − 1 units ahead, so its place is among the last three of N where r ≥ N − 2: a tie reaching
  // into them from above (4th to 7th of 9) is not, nor a tie for first.
  const bottom = scopeRows(model).filter((r) => r.main_target !== null && r.rank !== null && r.ranked_units !== null && r.ranked_units >= 4 && r.rank >= r.ranked_units - 2);
  if (bottom.length === 0) return undefined;
  return `部分指标排名靠后。${o.scopeName}${joinNames(bottom.map((r) => `${r.indicator_name}（第${r.rank}位）`))}排名${o.cityName}后三位。`;
}

/** 数据报送不够及时规范: units that sent nothing, tables not sent, warnings at load, restatements. */
function reporting(o: Outline): string | undefined {
  const { model } = o;
  const inScope = (code: string) => o.isCity || code === model.scope.code;
  const missing = missingUnits(model).filter((u) => inScope(u.code)).map((u) => u.name);
  const parts: string[] = [];
  if (missing.length) parts.push(o.isCity ? leftOutSentence(missing, o.cityName) : silentUnitSentence(o.scopeName));

  const partial: string[] = [];
  for (const unit of reportingUnits(model).filter((u) => inScope(u.code))) {
    const tables = model.submissions.filter((s) => s.unit_code === unit.code);
    const absent = tables.filter((s) => !s.arrived).map((s) => s.table_name);
    if (absent.length > 0 && absent.length < tables.length) partial.push(`${unit.name}未报送${absent.join('、')}`);
  }
  if (partial.length) parts.push(`${partial.join('，')}，相关指标暂无数据`);

  const warned = [...model.submissions.filter((s) => inScope(s.unit_code)), ...(o.isCity ? model.divisionSubmissions : [])].filter((s) => s.warnings.length > 0);
  if (warned.length) {
    const names = [...new Set(warned.map((s) => s.unit_name))];
    const total = warned.reduce((n, s) => n + s.warnings.length, 0);
    parts.push(`${joinNames(names)}报送的数据载入时产生校验提示${total}条，请核实（详见附件${o.annexNo('sources')}）`);
  }
  const restatedUnits = [...new Set(model.restatements.filter((r) => r.row.unit_kind !== 'aggregate').map((r) => r.row.unit_name))];
  if (restatedUnits.length) parts.push(`${joinNames(restatedUnits)}在上次通报后重新报送数据，更正的数据已在表中加注说明`);
  if (parts.length === 0) return undefined;
  return `数据报送不够及时规范。${parts.join('；')}。`;
}

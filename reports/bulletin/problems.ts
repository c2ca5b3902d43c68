import type { Content } from 'pdfmake/interfaces';
import type { ReportRow } from '../mart';
import { chineseNumber, gapPhrase, joinNames, percent } from '../format';
import type { BuildContext } from './context';
import { missingUnits, reportingUnits } from './model';
import { unitNoun } from './overview';
import { thresholdPhrase } from './phrases';
import { keepTogether } from './tables';

/** The tables a unit sends each quarter (submissions.md). */
export const EXPECTED_TABLES = ['指标进度', '供地台账', '卫片图斑'] as const;

/** 四、存在问题: lights that are red or yellow, units that lag, data that did not arrive. */
export function problems(ctx: BuildContext): Content[] {
  const items = [lagging(ctx), uneven(ctx), reporting(ctx)].filter((t): t is string => Boolean(t));
  const heading: Content = { text: '四、存在问题', style: 'h1' };
  if (items.length === 0) {
    return [keepTogether(heading, { text: `本期${ctx.focusName}各项指标均达到序时进度或目标要求，数据按时报送，未发现突出问题。`, style: 'body' })];
  }
  const paragraphs: Content[] = items.map((text, i) => ({ text: `（${chineseNumber(i + 1)}）${text}`, style: 'body' }));
  return [keepTogether(heading, paragraphs[0]), ...paragraphs.slice(1)];
}

/** 部分指标进度滞后: the focus unit's red and yellow lights, each with how far it is off. */
function lagging(ctx: BuildContext): string | undefined {
  const rows = ctx.input.rows.filter((r) => r.unit_code === ctx.input.focus);
  const red = rows.filter((r) => r.status === 'red');
  const yellow = rows.filter((r) => r.status === 'yellow');
  if (red.length === 0 && yellow.length === 0) return undefined;
  const parts: string[] = [];
  if (red.length) parts.push(`亮红灯的指标有${red.length}项：${red.map(why).join('；')}`);
  if (yellow.length) parts.push(`亮黄灯的指标有${yellow.length}项：${yellow.map(why).join('；')}`);
  return `部分指标进度滞后。${ctx.focusName}${parts.join('。')}。`;
}

function why(row: ReportRow): string {
  if (row.kind === 'cumulative') return `${row.indicator_name}（完成年度目标的${percent(row.completion_pct)}，${gapPhrase(row.gap_pp)}）`;
  return `${row.indicator_name}（${thresholdPhrase(row)}）`;
}

/** 地区之间推进不平衡: who has the most red lights (city), or where the unit ranks last three (unit). */
function uneven(ctx: BuildContext): string | undefined {
  const { rows } = ctx.input;
  if (ctx.isCity) {
    const counts = reportingUnits(rows)
      .map((u) => ({ u, red: rows.filter((r) => r.unit_code === u.code && r.status === 'red').length, yellow: rows.filter((r) => r.unit_code === u.code && r.status === 'yellow').length }))
      .filter((c) => c.red > 0)
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.u.order - b.u.order)
      .slice(0, 3);
    if (counts.length === 0) return undefined;
    return `地区之间推进不平衡。亮红灯指标较多的是${joinNames(counts.map((c) => `${c.u.name}（红灯${c.red}项、黄灯${c.yellow}项）`))}，需加快推进。`;
  }
  const ranked = new Map<string, number>();
  for (const r of rows) if (r.unit_kind !== 'aggregate' && r.rank !== null) ranked.set(r.indicator_code, Math.max(ranked.get(r.indicator_code) ?? 0, r.rank));
  const bottom = rows.filter((r) => r.unit_code === ctx.input.focus && r.rank !== null && r.main_target !== null && (ranked.get(r.indicator_code) ?? 0) - (r.rank ?? 0) < 3 && (ranked.get(r.indicator_code) ?? 0) >= 4);
  if (bottom.length === 0) return undefined;
  return `部分指标排名靠后。${ctx.focusName}${joinNames(bottom.map((r) => `${r.indicator_name}（第${r.rank}位）`))}排名全市后三位。`;
}

/** 数据报送不够及时规范: units that sent nothing, tables not sent, warnings at load, restatements. */
function reporting(ctx: BuildContext): string | undefined {
  const { rows, submissions } = ctx.input;
  const scope = ctx.isCity ? reportingUnits(rows) : reportingUnits(rows).filter((u) => u.code === ctx.input.focus);
  const missing = missingUnits(rows).filter((u) => scope.some((s) => s.code === u.code)).map((u) => u.name);
  const parts: string[] = [];
  if (missing.length) {
    parts.push(ctx.isCity ? `${joinNames(missing)}未按时报送，全市数据不含${missing.length === 1 ? '该' : '上述'}${unitNoun(missing)}` : `${ctx.focusName}未按时报送本期数据`);
  }
  const partial: string[] = [];
  for (const u of scope) {
    const sent = new Set(submissions.filter((s) => s.unit_code === u.code).map((s) => s.table_name));
    if (sent.size === 0) continue;
    const absent = EXPECTED_TABLES.filter((t) => !sent.has(t));
    if (absent.length) partial.push(`${u.name}未报送${absent.join('、')}`);
  }
  if (partial.length) parts.push(`${partial.join('，')}，相关指标暂无数据`);
  const warned = scope.filter((u) => submissions.some((s) => s.unit_code === u.code && s.warnings.length > 0));
  if (warned.length) {
    const total = submissions.filter((s) => scope.some((u) => u.code === s.unit_code)).reduce((n, s) => n + s.warnings.length, 0);
    parts.push(`${joinNames(warned.map((u) => u.name))}报送的数据载入时产生校验提示${total}条，请核实（详见附件2）`);
  }
  const restatedUnits = [...new Set([...ctx.restated.values()].filter((r) => r.row.unit_kind !== 'aggregate').map((r) => r.row.unit_name))];
  if (restatedUnits.length) parts.push(`${joinNames(restatedUnits)}在上次通报后重新报送数据，更正的数据已在表中加注说明`);
  if (parts.length === 0) return undefined;
  return `数据报送不够及时规范。${parts.join('；')}。`;
}

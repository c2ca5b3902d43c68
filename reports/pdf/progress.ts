import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ProgressRow } from '../mart';
import { chineseNumber, joinNames, percent, quantity } from '../format';
import { previousRow, rankingOrder, rowFor, rowsOfIndicator } from '../model/lookup';
import type { IndicatorInfo, MainTarget } from '../model/types';
import { indicatorSentence, leftOutSentence, rankPhrase, rankedFigure } from '../text/phrases';
import type { BuildContext } from './context';
import { chartBlock } from './figures';
import { gapCell, statusCell, targetText } from './main-targets';
import { captionText, keepTogether, table } from './tables';

/** 三、分项进展: each main target's indicators with a paragraph, a ranking table by unit, and its chart. */
export function progress(ctx: BuildContext): Content[] {
  const placed = new Set<string>();
  const out: Content[] = [];
  ctx.model.mainTargets.forEach((family, i) => {
    const heading: Content[] = [{ text: `（${chineseNumber(i + 1)}）${family.title}`, style: 'h2' }];
    if (i === 0) heading.unshift({ text: ctx.heading('progress'), style: 'h1' });
    family.indicators.forEach((indicator, j) => {
      const [paragraph, ...rest] = indicatorBlock(ctx, indicator);
      out.push(j === 0 ? keepTogether(...heading, paragraph) : paragraph, ...rest);
    });
    out.push(...familyCharts(ctx, family, placed));
  });
  return out;
}

function indicatorBlock(ctx: BuildContext, indicator: IndicatorInfo): Content[] {
  const rows = rowsOfIndicator(ctx.model, indicator.code);
  const n = ctx.nextTable();
  return [
    { text: `${paragraph(ctx, indicator.code, rows)}（见表${n}）`, style: 'body' },
    rankingTable(ctx, rows, captionText(n, `${indicator.name}完成情况排名`)),
    ...ctx.notesFor(rows),
  ];
}

/** The prose: the focus unit's figure (and rank), then who leads and who lags. */
function paragraph(ctx: BuildContext, indicator: string, rows: ProgressRow[]): string {
  const { model } = ctx;
  const city = rowFor(model, model.city.code, indicator);
  const parts: string[] = [];
  if (ctx.isCity) {
    if (city) parts.push(indicatorSentence(city, ctx.cityName) + excluded(city));
  } else {
    const own = rowFor(model, model.scope.code, indicator);
    const previous = previousRow(model, model.scope.code, indicator);
    if (own) parts.push(indicatorSentence(own, ctx.scopeName) + (own.status === 'missing' ? '' : rankPhrase(own, previous, ctx.cityName)));
    if (city && city.actual !== null) parts.push(indicatorSentence(city, ctx.cityName) + excluded(city));
  }
  const standings = standing(rows);
  if (standings) parts.push(standings);
  return parts.join('。') + '。';
}

function excluded(city: ProgressRow): string {
  if (!city.incomplete || !city.missing_units) return '';
  return `（${leftOutSentence(city.missing_units.split('、'), city.unit_name)}）`;
}

/** 完成率居前三位的是……；滞后序时进度的有…… / 低于目标的有…… */
function standing(rows: ProgressRow[]): string {
  const ranked = rows.filter((r) => r.unit_kind !== 'aggregate' && r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.unit_order - b.unit_order);
  if (ranked.length < 2) return '';
  const kind = ranked[0].kind;
  // Nothing to praise where the best figure is zero.
  if ((kind === 'cumulative' ? ranked[0].completion_pct : ranked[0].actual) === 0) return '';
  // Ties share a rank, so 前三位 may be more than three units: name three and count the rest.
  const top = ranked.filter((r) => (r.rank ?? 99) <= 3);
  const named = top.length > 3 ? `${joinNames(top.slice(0, 3).map(rankedFigure))}等${top.length}个单位` : joinNames(top.map(rankedFigure));
  const lead = `从各地看，${kind === 'cumulative' ? '完成率' : `${ranked[0].indicator_name}`}排名前三位的是${named}`;
  const behind = ranked.filter((r) => r.status === 'red' || r.status === 'yellow');
  if (behind.length === 0) return `${lead}；各地均${kind === 'cumulative' ? '达到序时进度' : '达到目标要求'}`;
  const word = kind === 'cumulative' ? '滞后序时进度' : ranked[0].direction === 'max' ? '超出控制目标' : '未达到目标';
  return `${lead}；${word}的有${joinNames(behind.map((r) => r.unit_name))}`;
}

function rankingTable(ctx: BuildContext, rows: ProgressRow[], caption: string): Content {
  const cumulative = rows[0]?.kind === 'cumulative';
  const body: TableCell[][] = rankingOrder(rows).map((row) => {
    const emphasis = row.unit_code === ctx.model.scope.code || row.unit_kind === 'aggregate';
    const cells: TableCell[] = [
      row.rank === null ? '—' : String(row.rank),
      { text: row.unit_name, alignment: 'left' },
      targetText(row),
      row.status === 'missing' ? '未报送' : ctx.valueText(row, quantity(row.actual, row.unit_of_measure)),
      ...(cumulative ? [percent(row.completion_pct)] : []),
      gapCell(row),
      statusCell(row),
    ];
    return emphasis ? cells.map((c) => (typeof c === 'string' ? { text: c, bold: true } : { bold: true, ...(c as object) }) as TableCell) : cells;
  });
  return cumulative
    ? table([28, '*', 70, 70, 50, 58, 40], [['排名', '单位', '年度目标', '累计完成', '完成率', '差值（个百分点）', '亮灯']], body, { caption, fontSize: 10 })
    : table([28, '*', 70, 70, 70, 40], [['排名', '单位', '目标', '实际值', '差值（个百分点）', '亮灯']], body, { caption, fontSize: 10 });
}

/** The figures of a main target (their indicators all belong to it), each placed once. */
function familyCharts(ctx: BuildContext, family: MainTarget, placed: Set<string>): Content[] {
  const codes = new Set(family.indicators.map((i) => i.code));
  const out: Content[] = [];
  for (const figure of ctx.figures) {
    const { chart } = figure;
    if (placed.has(chart.id) || chart.kind === 'overview' || chart.kind === 'matrix' || chart.kind === 'keytask' || !chart.indicators.every((c) => codes.has(c))) continue;
    placed.add(chart.id);
    out.push(...chartBlock(figure, ctx.nextFigure()));
  }
  return out;
}

import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ProgressRow } from '../mart';
import { chineseNumber, gapText, percent, quantity, targetText } from '../format';
import { rankingOrder, rowsOfIndicator } from '../model/lookup';
import type { IndicatorInfo, MainTarget } from '../model/types';
import { rankingCaption, rankingHeads } from '../text/captions';
import { indicatorParagraph } from '../text/progress';
import type { BuildContext } from './context';
import { chartBlock } from './figures';
import { statusCell } from './main-targets';
import { captionText, keepTogether, table } from './tables';

/** 三、分项进展: each main target's indicators with a paragraph (reports/text/progress.ts), a ranking table by unit, and its chart. */
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
    { text: indicatorParagraph(ctx, indicator.code, rows, n), style: 'body' },
    rankingTable(ctx, rows, captionText(n, rankingCaption(indicator.name))),
    ...ctx.notesFor(rows),
  ];
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
      gapText(row),
      statusCell(row),
    ];
    return emphasis ? cells.map((c) => (typeof c === 'string' ? { text: c, bold: true } : { bold: true, ...(c as object) }) as TableCell) : cells;
  });
  return cumulative
    ? table([28, '*', 70, 70, 50, 58, 40], [rankingHeads(true)], body, { caption, fontSize: 10 })
    : table([28, '*', 70, 70, 70, 40], [rankingHeads(false)], body, { caption, fontSize: 10 });
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

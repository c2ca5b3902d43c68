import { chineseDate, chineseNumber } from '../format';
import type { ProgressRow } from '../mart';
import { trendChartOf, unitChartOf } from '../charts/choose';
import { rankingOrder, rowsOfIndicator } from '../model/lookup';
import { MAIN_TARGETS_HEADS, mainTargetsCaption, rankingCaption, rankingHeads } from '../text/captions';
import { addresseeLine, bulletinTitle, mainTargetsParagraph, openingParagraph, overviewParagraphs } from '../text/opening';
import { problemParagraphs } from '../text/problems';
import { indicatorParagraph } from '../text/progress';
import { rowFigures } from './cells';
import type { QuarterContext } from './context';
import { figure } from './figures';
import { el, text } from './markup';
import { cell, statusCell, table, type Column } from './tables';

/**
 * The body of one quarter's bulletin, section by section as the PDF has it: 版头, title,
 * addressees and opening; 一、总体情况; 二、主要目标完成情况 (table 1 and the overview chart);
 * 三、分项进展 (each main target's indicators: paragraph, ranking table, chart); then the sections
 * that follow (key tasks, problems, next steps) and the closing. The words are written once for
 * both editions (reports/text); the tables are the PDF's columns, sortable; the charts are drawn by the page.
 */

const paragraphs = (texts: readonly string[]) => texts.map((t) => el('p', {}, text(t))).join('');

export function mastheadSection(ctx: QuarterContext): string {
  const { issue } = ctx.model;
  return el(
    'header',
    { class: 'doc-head' },
    el('p', { class: 'issuer' }, text(issue.masthead)),
    el('p', { class: 'docno' }, text(issue.documentNumber)),
    '<hr class="red-rule">',
    el('h1', { class: 'doc-title' }, bulletinTitle(ctx.model).split('\n').map(text).join('<br>')),
    el('p', { class: 'addressee' }, text(addresseeLine(ctx))),
    el('p', {}, text(openingParagraph(ctx))),
  );
}

export function section(heading: string, body: string, id?: string): string {
  return el('section', { id }, el('h2', {}, text(heading)), body);
}

export function overviewSection(ctx: QuarterContext, heading: string): string {
  return section(heading, paragraphs(overviewParagraphs(ctx)), ctx.id('overview'));
}

/** Table 1 (the main targets as the PDF prints them), the overview chart (图1) and the lights matrix of the main targets. */
export function mainTargetsSection(ctx: QuarterContext, heading: string): string {
  const { model } = ctx;
  const rows = model.indicators
    .filter((i) => i.mainTarget !== null)
    .map((ind) => ctx.row(model.scope.code, ind.code))
    .filter((r): r is ProgressRow => r !== undefined);
  const n = ctx.nextTable();
  // The PDF's heads; the page sorts by number, indicator, completion, gap and light.
  const sorts: Column['sort'][] = ['num', 'text', undefined, undefined, 'num', undefined, 'num', 'num'];
  const columns: Column[] = MAIN_TARGETS_HEADS.map((label, i) => ({ label, sort: sorts[i], left: i === 1 }));
  const body = table(
    columns,
    rows.map((r) => {
      const f = rowFigures(r);
      return {
        cells: [
          cell(chineseNumber(r.main_target ?? 0), r.main_target),
          cell(r.indicator_name, r.indicator_name),
          f.target,
          { html: ctx.value(r, f.value) },
          cell(f.pct, r.completion_pct),
          f.expected,
          cell(f.gap, f.gap === '—' ? null : Number(f.gap)),
          statusCell(r.status),
        ],
      };
    }),
    { caption: `表${n}　${mainTargetsCaption(model)}` },
  );
  const overview = ctx.isCity ? ctx.chartsOfKind('overview')[0] : undefined;
  const overviewFigure = overview ? figure(ctx, overview) : '';
  const sentence = mainTargetsParagraph(ctx, { table: n, figure: overview ? ctx.placed.length : undefined });
  const matrix = ctx.chart('matrix-main_targets');
  return section(
    heading,
    paragraphs([sentence]) + body + ctx.notes(rows) + overviewFigure + (matrix ? figure(ctx, matrix) : ''),
    ctx.id('main-targets'),
  );
}

/** 三、分项进展: per main target （一）…, per indicator its paragraph, its ranking table and its chart (else the target's quarterly trend). */
export function progressSection(ctx: QuarterContext, heading: string): string {
  const { model } = ctx;
  const families = model.mainTargets.map((family, i) => {
    const blocks = family.indicators.map((ind) => {
      const rows = rowsOfIndicator(model, ind.code);
      const n = ctx.nextTable();
      const chart = unitChartOf(ctx.charts, ind.code);
      return (
        el('p', {}, text(indicatorParagraph(ctx, ind.code, rows, n))) +
        rankingTable(ctx, rows, `表${n}　${rankingCaption(ind.name)}`) +
        ctx.notes(rows) +
        (chart ? figure(ctx, chart) : '')
      );
    });
    // The quarterly trend where no indicator of the target compares the units, as the PDF chooses (charts/choose.ts).
    const trend = ctx.isCity ? trendChartOf(ctx.charts, family) : undefined;
    return el('section', { class: 'family' }, el('h3', {}, text(`（${chineseNumber(i + 1)}）${family.title}`)), ...blocks, trend ? figure(ctx, trend) : '');
  });
  return section(heading, families.join(''), ctx.id('progress'));
}

/** The PDF's ranking table: by rank, then unranked, then units that sent nothing, then the aggregates (kept at the foot when sorted). */
function rankingTable(ctx: QuarterContext, rows: ProgressRow[], caption: string): string {
  const cumulative = rows[0]?.kind === 'cumulative';
  // The PDF's heads; every column sorts but the target.
  const columns: Column[] = rankingHeads(cumulative).map((label, i) => ({ label, sort: i === 1 ? 'text' : i === 2 ? undefined : 'num', left: i === 1 }));
  const body = rankingOrder(rows).map((r) => {
    const f = rowFigures(r);
    return {
      unit: r.unit_code,
      foot: r.unit_kind === 'aggregate',
      className: r.unit_code === ctx.model.scope.code && !ctx.isCity ? 'scope' : undefined,
      cells: [
        cell(r.rank === null ? '—' : String(r.rank), r.rank),
        cell(r.unit_name, r.unit_name),
        f.target,
        { html: r.status === 'missing' ? text(f.value) : ctx.value(r, f.value), v: r.actual },
        ...(cumulative ? [cell(f.pct, r.completion_pct)] : []),
        cell(f.gap, f.gap === '—' ? null : Number(f.gap)),
        statusCell(r.status),
      ],
    };
  });
  return table(columns, body, { caption });
}

export function problemsSection(ctx: QuarterContext, heading: string): string {
  return section(heading, paragraphs(problemParagraphs(ctx)), ctx.id('problems'));
}

export function nextStepsSection(ctx: QuarterContext, heading: string): string {
  return section(heading, paragraphs(ctx.model.issue.nextSteps), ctx.id('next-steps'));
}

/** 附件说明, the issuing body and date, and the 版记 (抄送, 印发). */
export function closingSection(ctx: QuarterContext, annexes: string[]): string {
  const { issue } = ctx.model;
  const date = chineseDate(issue.issuedOn);
  return el(
    'footer',
    { class: 'doc-end' },
    el('div', { class: 'annex-list' }, el('span', {}, '附件：'), el('ol', {}, annexes.map((a, i) => el('li', {}, el('a', { href: `#${ctx.id(`annex-${i + 1}`)}` }, text(`${i + 1}．${a}`)))).join(''))),
    el('p', { class: 'signature' }, text(issue.issuer), '<br>', text(date)),
    el(
      'div',
      { class: 'record' },
      issue.copyTo ? el('p', {}, text(`抄送：${issue.copyTo}`)) : '',
      el('p', { class: 'printed' }, el('span', {}, text(issue.printedBy)), el('span', {}, text(`${date}印发`))),
    ),
  );
}

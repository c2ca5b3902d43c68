import type { Chart } from '../charts';
import type { ReportRow } from '../mart';
import { CITY, families, type ChartFigure } from './model';
import { svgForPdf } from './svg-for-pdf';

/**
 * The charts the bulletin prints, chosen from what reports/charts offers for the period: the
 * main-target overview under 二, and one chart per main target under 三 (the ranking or rate
 * chart of its first indicator that has one, else its quarterly trend). Only these are drawn:
 * a chart costs tens of milliseconds, and a bulletin of 27 charts would read as a chart book.
 */
export function chooseCharts(rows: ReportRow[], offered: Chart[], focus = CITY): Chart[] {
  const chosen: Chart[] = [];
  // The overview and the trends show the city's figures: a one-unit bulletin keeps only the
  // charts that rank every unit (its own bar among them).
  if (focus !== CITY) offered = offered.filter((c) => c.kind === 'rank' || c.kind === 'rate');
  const overview = offered.find((c) => c.kind === 'overview');
  if (overview) chosen.push(overview);
  for (const family of families(rows)) {
    const codes = family.indicators.map((i) => i.indicator_code);
    const ranked = codes
      .map((code) => offered.find((c) => (c.kind === 'rank' || c.kind === 'rate') && c.indicators.includes(code)))
      .find((c): c is Chart => c !== undefined);
    const trend = offered.find((c) => c.kind === 'trend' && c.id === `trend-main_target_${family.number}`);
    const pick = ranked ?? trend;
    if (pick && !chosen.includes(pick)) chosen.push(pick);
  }
  return chosen;
}

/**
 * The chosen charts as SVG strings for the PDF (vectors; pdfmake's svg node keeps the text as
 * text). The chart's own title is left out: the bulletin captions its figures below them
 * (图N　…), as printed documents do, and the title would otherwise appear twice.
 */
export async function chartFigures(rows: ReportRow[], history: ReportRow[], focus = CITY): Promise<ChartFigure[]> {
  return (await chartFigureShare(rows, history, focus, 0, 1)) as ChartFigure[];
}

/**
 * Share `index` of `count` of the figures (the i-th chosen chart when i % count === index), in
 * their places in the full list, the others left empty: workers drawing in parallel each take a
 * share, and the shares are merged by place (chart-job.ts).
 */
export async function chartFigureShare(rows: ReportRow[], history: ReportRow[], focus: string, index: number, count: number): Promise<(ChartFigure | null)[]> {
  const charts = await import('../charts');
  const chosen = chooseCharts(rows, charts.bulletinCharts(rows, history), focus);
  const mine = (i: number) => i % count === index;
  const svgs = await Promise.all(chosen.map((c, i) => (mine(i) ? charts.renderSvg(untitled(c.spec)) : null)));
  return chosen.map((c, i) =>
    svgs[i] === null
      ? null
      : {
          id: c.id,
          title: c.title,
          svg: svgForPdf(svgs[i] as string),
          indicators: c.kind === 'overview' || c.kind === 'matrix' ? [] : c.indicators,
        },
  );
}

function untitled(spec: Chart['spec']): Chart['spec'] {
  const { title: _title, ...rest } = spec;
  void _title;
  return rest;
}

import type { Chart } from '../charts';
import type { ReportRow } from '../mart';
import { CITY, families, type ChartFigure } from './model';
import { chartBox } from './chart-box';
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

/** A chart of the bulletin: where and how big the document places it, and the spec that draws it. */
export interface PlannedChart {
  figure: ChartFigure;
  spec: Chart['spec'];
}

/**
 * The bulletin's charts, in document order, each with its box (chart-box.ts): everything the
 * layout needs, without drawing anything. The chart's own title is left out: the bulletin
 * captions its figures below them (图N　…), as printed documents do, and the title would
 * otherwise appear twice.
 */
export async function planCharts(rows: ReportRow[], history: ReportRow[], focus = CITY): Promise<PlannedChart[]> {
  const charts = await import('../charts');
  return chooseCharts(rows, charts.bulletinCharts(rows, history), focus).map((c) => {
    const spec = untitled(c.spec);
    return {
      figure: {
        id: c.id,
        title: c.title,
        box: chartBox(c.kind, spec),
        indicators: c.kind === 'overview' || c.kind === 'matrix' ? [] : c.indicators,
      },
      spec,
    };
  });
}

/** One planned chart as an SVG string for the PDF (vectors; pdfmake's svg node keeps the text as text). */
export async function drawChart(chart: PlannedChart): Promise<string> {
  const charts = await import('../charts');
  return svgForPdf(await charts.renderSvg(chart.spec));
}

/** The plan and every drawing, in this thread (the tests, the bench, and the bulletin without a worker). */
export async function chartFigures(rows: ReportRow[], history: ReportRow[], focus = CITY): Promise<{ figures: ChartFigure[]; drawings: Map<string, string> }> {
  const planned = await planCharts(rows, history, focus);
  const drawings = new Map<string, string>();
  for (const p of planned) drawings.set(p.figure.id, await drawChart(p));
  return { figures: planned.map((p) => p.figure), drawings };
}

function untitled(spec: Chart['spec']): Chart['spec'] {
  const { title: _title, ...rest } = spec;
  void _title;
  return rest;
}

import type { ReportRow } from '../mart';
import type { ChartFigure } from './model';

/**
 * The charts engineer's figures (reports/charts) as SVG strings for the PDF. A chart's id names
 * what it shows (`rank-land_supply`, `rate-commencement_rate`): one that names an indicator goes
 * under that indicator in 三、分项进展, any other one (an overview) under 二、主要目标完成情况.
 */
export async function chartFigures(rows: ReportRow[], history: ReportRow[]): Promise<ChartFigure[]> {
  const charts = await import('../charts');
  const codes = new Set(rows.map((r) => r.indicator_code));
  const specs = charts.bulletinCharts(rows, history);
  const svgs = await Promise.all(specs.map((c) => charts.renderSvg(c.spec)));
  return specs.map((c, i) => {
    const named = c.id.includes('-') ? c.id.slice(c.id.indexOf('-') + 1) : '';
    return { id: c.id, title: c.title, svg: svgs[i], indicators: codes.has(named) ? [named] : [] };
  });
}

import { describe, expect, it } from 'vitest';
import { drawChart, planCharts } from '../../reports/bulletin/charts';
import { CITY } from '../../reports/bulletin/model';
import { measureRoot } from '../../reports/bulletin/svg-measure';
import { fixtureRows } from './warehouse';

/**
 * The bulletin is laid out from each chart's box before Vega has drawn it (chart-box.ts). Here
 * every chart the bulletins of the fixture year print is drawn and compared with its box: the
 * ranking, rate and overview charts must fill it exactly (their margins are fixed by design);
 * the quarterly trends, whose y-axis labels vary in width, within 4 % (the drawing is fitted
 * into the box keeping its proportions, so that is how much it could shrink).
 */
const all = fixtureRows();
const quarters = [...new Set(all.map((r) => r.period))].sort();

describe('chart boxes: the size each bulletin chart is laid out at, before it is drawn', () => {
  for (const period of quarters) {
    for (const focus of [CITY, '330481']) {
      it(`${period} ${focus === CITY ? 'city' : focus}: every drawing fits its box`, async () => {
        const rows = all.filter((r) => r.period === period);
        const history = all.filter((r) => r.period <= period);
        const planned = await planCharts(rows, history, focus);
        expect(planned.length).toBeGreaterThan(focus === CITY ? 8 : 5);
        for (const p of planned) {
          const svg = await drawChart(p);
          const drawn = measureRoot(/<svg\b[^>]*>/.exec(svg)![0]);
          const { box } = p.figure;
          if (p.figure.id.startsWith('trend-')) {
            expect(Math.abs(drawn.width! / box.width - 1), `${p.figure.id} width`).toBeLessThan(0.04);
            expect(Math.abs(drawn.height! / box.height - 1), `${p.figure.id} height`).toBeLessThan(0.04);
          } else {
            expect({ id: p.figure.id, ...drawn }).toEqual({ id: p.figure.id, width: box.width, height: box.height });
          }
        }
      });
    }
  }
});

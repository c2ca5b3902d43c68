import { describe, expect, it } from 'vitest';
import { bulletinCharts, drawCharts, figureSpec, framedSvg, PAGE_WIDTH, rankChart, renderPng, renderSvg, svgToPng } from '../../reports/charts';
import { fitLines, textWidth } from '../../reports/charts/measure';
import { SIZES } from '../../reports/charts/theme';
import { inkShare, readPng } from './png';
import { useSampleYear } from './rows';

const UNIT_NAMES = ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市', '嘉兴经济技术开发区', '嘉兴港区'];
const svgSize = (svg: string) => {
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('text widths from the bundled font', () => {
  it('measures CJK at one em and digits narrower, unlike the 0.8 em guess', () => {
    expect(textWidth('嘉兴经济技术开发区', 10)).toBeCloseTo(90, 5);
    expect(textWidth('12.3%', 10)).toBeLessThan(0.8 * 5 * 10);
    expect(textWidth('国', 10, true)).toBeCloseTo(10, 5);
  });

  it('breaks a subtitle too wide for the page after a Chinese comma', () => {
    const long = '全市累计完成343.22万平方米，为年度目标500万平方米的68.6%，滞后序时进度6.4个百分点，另有说明文字使它超出版心宽度';
    const lines = fitLines([long], 10, 300);
    expect(lines.join('')).toBe(long);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(300);
    expect(lines[0].endsWith('，')).toBe(true);
    expect(fitLines(['短'], 10, 300)).toEqual(['短']);
  });
});

const year = useSampleYear();
const chartsOf = (period: string) => bulletinCharts(year.rowsOf(period), year.historyBefore(period));

describe('rendering', () => {
  it('every chart is drawn once as a figure (no title) no wider than the A4 type area', async () => {
    const charts = chartsOf('2023Q3');
    const drawings = await drawCharts(charts);
    expect([...drawings.keys()]).toEqual(charts.map((c) => c.id));
    for (const chart of charts) {
      const svg = drawings.get(chart.id)!;
      expect(svg, chart.id).not.toContain(`>${chart.title}<`);
      const { width, height } = svgSize(svg);
      expect(width, chart.id).toBeLessThanOrEqual(PAGE_WIDTH + 1);
      expect(width, chart.id).toBeGreaterThan(PAGE_WIDTH * 0.85);
      expect(height, chart.id).toBeGreaterThan(100);
      expect(svg, chart.id).toContain('font-family="Noto Sans SC"');
    }
  });

  it('the ranking SVG holds every unit name as text, and the axis makes room for the longest', async () => {
    const svg = await renderSvg(rankChart(year.rowsOf('2023Q3'), 'land_supply').spec);
    expect(texts(svg)).toEqual(expect.arrayContaining(UNIT_NAMES));
    expect(texts(svg)).toContain('未报送');
    // The plot starts right of the longest name (real advances: 9 CJK glyphs = 90 px at 10 px),
    // which the 0.8 em estimate would put at 72 px and so clip.
    // The first group of Vega's SVG is the plot's origin: translate(padding + y-axis width, …).
    const plotX = Number(/<g [^>]*transform="translate\(([\d.]+),/.exec(svg)![1]);
    expect(plotX).toBeGreaterThanOrEqual(textWidth('嘉兴经济技术开发区', SIZES.label));
    expect(plotX).toBeLessThan(textWidth('嘉兴经济技术开发区', SIZES.label) + 20);
  });

  it('is deterministic: the same rows give the same SVG bytes', async () => {
    const charts = chartsOf('2023Q2');
    const again = bulletinCharts(structuredClone(year.rowsOf('2023Q2')), structuredClone(year.historyBefore('2023Q2')));
    for (const id of ['overview-main_targets', 'matrix-main_targets', 'trend-main_target_7']) {
      const a = await renderSvg(charts.find((c) => c.id === id)!.spec);
      const b = await renderSvg(again.find((c) => c.id === id)!.spec);
      expect(a === b, id).toBe(true);
    }
  });

  it('a chart file frames the figure with its title and notes, above the same drawing', async () => {
    const chart = chartsOf('2023Q3').find((c) => c.id === 'rank-land_supply')!;
    const drawing = await renderSvg(figureSpec(chart));
    const framed = framedSvg(chart, drawing);
    const title = chart.spec.title as { text: string; subtitle: string[] };
    expect(texts(framed).slice(0, 1 + title.subtitle.length)).toEqual([title.text, ...title.subtitle]);
    expect(framed).toContain(drawing.slice(drawing.indexOf('>') + 1, -'</svg>'.length));
    expect(svgSize(framed).height).toBeGreaterThan(svgSize(drawing).height + 30);
    const png = readPng(svgToPng(framed, 1));
    // The title row (top 20 px) holds glyphs: the bundled font is found, no blank from a missing face.
    const top = { ...png, height: 20, pixels: png.pixels.subarray(0, 20 * png.width * png.channels) };
    expect(inkShare(top)).toBeGreaterThan(0.02);
  });

  it('PNG has the SVG size times the scale and is not blank', async () => {
    const chart = chartsOf('2023Q2').find((c) => c.id === 'rank-land_supply')!;
    const { width, height } = svgSize(await renderSvg(chart.spec));
    const png = readPng(await renderPng(chart.spec, { scale: 2 }));
    expect([png.width, png.height]).toEqual([Math.round(width * 2), Math.round(height * 2)]);
    const share = inkShare(png);
    expect(share).toBeGreaterThan(0.03); // bars, text and axes
    expect(share).toBeLessThan(0.6); // a white background, not a black box
  });

  it('PNG text is drawn with the bundled font (a CJK title leaves ink where it stands)', async () => {
    const chart = chartsOf('2023Q2').find((c) => c.id === 'matrix-main_targets')!;
    const png = readPng(await renderPng(chart.spec, { scale: 1 }));
    // The title row (top 20 px, left 100 px) must hold glyphs: no tofu-free blank from a missing font.
    const top = { ...png, height: 20, width: png.width, pixels: png.pixels.subarray(0, 20 * png.width * png.channels) };
    expect(inkShare(top)).toBeGreaterThan(0.02);
  });
});

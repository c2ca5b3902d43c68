import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withWriteWarehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';
import { readPng } from './png';

describe('nrp charts', () => {
  const dir = tempDir('nrp-charts-');
  let db = '';
  beforeAll(async () => {
    db = await sampleWarehouse();
  });

  it('writes every chart of the period as Vega-Lite JSON, named for what it shows, with charts.json', async () => {
    const out = join(dir, 'vl');
    const result = await nrp(['charts', '--period', '2023年第二季度', '--db', db, '--out', out, '--format', 'vl.json']);
    expect(result.stderr).toContain('wrote');
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'charts.json'), 'utf8'));
    expect(manifest.period).toBe('2023Q2');
    const files = readdirSync(out).filter((f) => f.endsWith('.vl.json')).sort();
    expect(files).toEqual(manifest.charts.map((c: { file: string }) => c.file).sort());
    expect(files).toEqual(expect.arrayContaining(['rank-land_supply.vl.json', 'rate-illegal_farmland_ratio.vl.json', 'trend-main_target_3.vl.json']));
    // The trend reads the year's earlier quarter from the warehouse: Q1 and Q2 bars.
    const trend = JSON.parse(readFileSync(join(out, 'trend-main_target_3.vl.json'), 'utf8'));
    expect(trend.vconcat[0].data.values.map((v: { quarter: string }) => v.quarter)).toEqual(['一季度', '二季度']);
  });

  it('writes SVG (default) and PNG', async () => {
    const svgOut = join(dir, 'svg');
    expect((await nrp(['charts', '-p', '2023Q1', '--db', db, '--out', svgOut, '--only', 'rank-land'])).code).toBe(0);
    const svg = readFileSync(join(svgOut, 'rank-land_supply.svg'), 'utf8');
    expect(svg).toContain('>嘉兴经济技术开发区</text>');
    expect(svg).toContain('>国有土地供应总量：各地完成年度目标情况</text>'); // the file carries the chart's title
    const pngOut = join(dir, 'png');
    // PNG is the slow format (resvg lays out CJK text): two charts are enough here.
    const result = await nrp(['charts', '-p', '2023Q1', '--db', db, '--out', pngOut, '--format', 'png', '--scale', '1', '--only', 'overview-,rate-commencement']);
    expect(result.code).toBe(0);
    expect(readdirSync(pngOut).sort()).toEqual(['charts.json', 'overview-main_targets.png', 'rate-commencement_rate.png']);
    const png = readPng(readFileSync(join(pngOut, 'overview-main_targets.png')));
    expect(png.width).toBeLessThanOrEqual(441);
    expect(png.width).toBeGreaterThan(400);
  });

  it('usage errors exit 2 and name the problem', async () => {
    const noPeriod = await nrp(['charts', '--db', db]);
    expect([noPeriod.code, noPeriod.stderr]).toEqual([2, expect.stringContaining('--period')]);
    const badFormat = await nrp(['charts', '-p', '2023Q2', '--db', db, '--format', 'svgg']);
    expect([badFormat.code, badFormat.stderr]).toEqual([2, expect.stringContaining('svg')]);
    const badPeriod = await nrp(['charts', '-p', '2023Q5', '--db', db]);
    expect(badPeriod.code).toBe(2);
    const noMatch = await nrp(['charts', '-p', '2023Q2', '--db', db, '--only', 'pie-', '--out', join(dir, 'none')]);
    expect([noMatch.code, noMatch.stderr]).toEqual([2, expect.stringContaining('rank-land_supply')]);
  });

  it('a period without mart rows exits 1 and says to run nrp build; writes nothing', async () => {
    const out = join(dir, 'empty');
    const result = await nrp(['charts', '-p', '2024Q1', '--db', db, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nrp build');
    expect(existsSync(out)).toBe(false);
  });

  it('a warehouse without the mart (never built) exits 1 and says to run nrp build', async () => {
    const bare = join(dir, 'bare.duckdb');
    await withWriteWarehouse(bare, async () => undefined);
    const result = await nrp(['charts', '-p', '2023Q2', '--db', bare, '--out', join(dir, 'bare')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nrp build');
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinCharts, rankChart, rateChart, trendChart, overviewChart, matrixChart } from '../../reports/charts';
import { STATUS_STYLE } from '../../reports/charts/theme';
import type { ProgressRow } from '../../reports/mart';
import { FIXTURE_DIR, GOLDEN_PERIOD, useSampleYear } from './rows';
import { vegaLiteValidator } from './schema';

const validate = vegaLiteValidator();

/** Golden specs are compared, never rewritten, unless NRP_UPDATE_GOLDEN=1 is set by hand. */
const GOLDEN_DIR = join(FIXTURE_DIR, 'golden');
const UPDATE = process.env.NRP_UPDATE_GOLDEN === '1' && !process.env.CI;

type Layer = { data?: { values: Record<string, unknown>[] }; mark: { type: string } | string; encoding?: Record<string, { value?: unknown; field?: string }> };
const values = (spec: Record<string, unknown>) => (spec.data as { values: Record<string, unknown>[] }).values;
const markOf = (l: Layer) => (typeof l.mark === 'string' ? l.mark : l.mark.type);

const year = useSampleYear();
const chartsOf = (period: string) => bulletinCharts(year.rowsOf(period), year.historyBefore(period));

describe('every chart of every period', () => {
  it('the sample year has four quarters, and the models gave every row its layout columns', () => {
    expect([...new Set(year.all.map((r) => r.period))]).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    for (const r of year.all) expect(r.unit_order > 0 && r.indicator_order > 0 && r.unit_short_name.length > 0).toBe(true);
  });

  for (const period of ['2023Q1', '2023Q2', '2023Q3', '2023Q4']) {
    it(`${period}: validates against the Vega-Lite schema that vega-lite ships; ids are unique and say what they show`, () => {
      const charts = chartsOf(period);
      expect(charts.length).toBe(27);
      for (const chart of charts) {
        const ok = validate(chart.spec);
        expect(ok ? [] : [chart.id, validate.errors?.slice(0, 3)]).toEqual([]);
      }
      const ids = charts.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of charts) expect(c.id).toMatch(/^(overview|matrix|rank|rate|trend)-[a-z0-9_]+$/);
      expect(ids).toEqual(expect.arrayContaining(['overview-main_targets', 'matrix-main_targets', 'rank-land_supply', 'rate-commencement_rate', 'rate-completion_rate', 'rate-illegal_farmland_ratio', 'trend-main_target_3']));
    });
  }

  it('the validator does reject a broken spec (so a pass means something)', () => {
    const spec = { ...chartsOf('2023Q2')[0].spec, mark: 'barr' };
    expect(validate(spec)).toBe(false);
    expect(validate({ data: { values: [] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitativ' } } })).toBe(false);
  });

  it('which indicators get a ranking or a rate chart is the catalogue’s unit_chart, in catalogue order', () => {
    const rows = year.rowsOf('2023Q2');
    const ids = chartsOf('2023Q2').filter((c) => c.kind === 'rank' || c.kind === 'rate').map((c) => c.id);
    const wanted = [...new Map(rows.filter((r) => r.unit_chart).sort((a, b) => a.indicator_order - b.indicator_order).map((r) => [r.indicator_code, r])).values()];
    expect(ids).toEqual([...wanted.filter((r) => r.unit_chart === 'rank'), ...wanted.filter((r) => r.unit_chart === 'rate')].map((r) => `${r.unit_chart}-${r.indicator_code}`));
  });

  it('the same rows give the same specs (pure, deterministic)', () => {
    const a = JSON.stringify(chartsOf('2023Q2'));
    const b = JSON.stringify(bulletinCharts(structuredClone(year.rowsOf('2023Q2')), structuredClone(year.historyBefore('2023Q2'))));
    expect(a).toBe(b);
  });

  it(`${GOLDEN_PERIOD} specs match the golden files`, () => {
    const charts = chartsOf(GOLDEN_PERIOD);
    if (UPDATE) {
      rmSync(GOLDEN_DIR, { recursive: true, force: true });
      mkdirSync(GOLDEN_DIR, { recursive: true });
    }
    for (const chart of charts) {
      const file = join(GOLDEN_DIR, `${chart.id}.vl.json`);
      const text = JSON.stringify(chart.spec, null, 1) + '\n';
      if (UPDATE) writeFileSync(file, text);
      expect(existsSync(file), `${file} missing: run with NRP_UPDATE_GOLDEN=1 once and review`).toBe(true);
      expect(text, chart.id).toBe(readFileSync(file, 'utf8'));
    }
    expect(readdirSync(GOLDEN_DIR).length).toBe(charts.length);
  });
});

describe('ranking bars (2023Q3: 嘉兴港区 did not submit)', () => {
  const rows = () => year.rowsOf('2023Q3');
  const land = () => rankChart(rows(), 'land_supply');

  it('lists the reporting units, best completion first, and no aggregate', () => {
    const data = values(land().spec);
    const units = rows().filter((r) => r.indicator_code === 'land_supply' && r.unit_kind !== 'aggregate');
    expect(data.map((d) => d.unit)).toHaveLength(units.length);
    for (const agg of rows().filter((r) => r.unit_kind === 'aggregate')) expect(data.map((d) => d.unit)).not.toContain(agg.unit_name);
    const ranked = units.filter((r) => r.rank != null).sort((a, b) => a.rank! - b.rank! || a.unit_order - b.unit_order);
    expect(data.slice(0, ranked.length).map((d) => d.unit)).toEqual(ranked.map((r) => r.unit_name));
    const shown = data.filter((d) => d.value != null).map((d) => d.value as number);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
  });

  it('shows the unit that did not submit as 未报送, with no bar (not as zero), and says the city leaves it out', () => {
    const chart = land();
    const port = values(chart.spec).find((d) => d.unit === '嘉兴港区')!;
    expect([port.value, port.label, port.light]).toEqual([null, '未报送', STATUS_STYLE.missing.label]);
    const bar = (chart.spec.layer as Layer[]).find((l) => markOf(l) === 'bar') as Layer & { transform: { filter: string }[] };
    expect(bar.transform[0].filter).toBe('isValid(datum.value)');
    expect(chart.spec.title).toMatchObject({ subtitle: expect.arrayContaining(['嘉兴港区未按时报送，全市数据不含该区']) });
  });

  it('draws the rule at the expected time progress and labels each bar with one decimal', () => {
    const chart = land();
    const rules = (chart.spec.layer as Layer[]).filter((l) => markOf(l) === 'rule' && l.data);
    const expected = rows().find((r) => r.indicator_code === 'land_supply' && r.is_city)!.expected_pct;
    expect(rules.map((r) => r.data!.values[0].x)).toEqual([expected]);
    const nanhu = rows().find((r) => r.indicator_code === 'land_supply' && r.unit_name === '南湖区')!;
    expect(values(chart.spec).find((d) => d.unit === '南湖区')!.label).toBe(`${nanhu.completion_pct!.toFixed(1)}%`);
  });

  it('puts every value label right of every bar and reference line, and colours by status with a shape each', () => {
    const data = values(land().spec);
    const column = data[0].at as number;
    for (const d of data) expect(d.at).toBe(column);
    expect(column).toBeGreaterThanOrEqual(Math.max(75, ...data.map((d) => (d.value as number | null) ?? 0)));
    const shapes = Object.values(STATUS_STYLE).map((s) => s.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
    for (const d of data) expect(d.light).toBe(STATUS_STYLE[rows().find((r) => r.indicator_code === 'land_supply' && r.unit_name === d.unit)!.status].label);
  });
});

describe('rate against threshold', () => {
  it('marks the threshold and the pooled city value, with the parcel fraction where the catalogue counts in items', () => {
    const rows = year.rowsOf('2023Q2');
    const chart = rateChart(rows, 'commencement_rate');
    const city = rows.find((r) => r.indicator_code === 'commencement_rate' && r.is_city)!;
    const rules = (chart.spec.layer as Layer[]).filter((l) => markOf(l) === 'rule' && l.data);
    expect(rules.map((r) => r.data!.values[0].x).sort()).toEqual([city.actual, city.target].sort());
    const members = rows.filter((r) => r.indicator_code === 'commencement_rate' && r.unit_kind !== 'aggregate' && r.status !== 'missing');
    const pooled = (100 * members.reduce((s, r) => s + (r.numerator ?? 0), 0)) / members.reduce((s, r) => s + (r.denominator ?? 0), 0);
    expect(city.actual).toBeCloseTo(pooled, 9);
    const nanhu = rows.find((r) => r.indicator_code === 'commencement_rate' && r.unit_name === '南湖区')!;
    expect(values(chart.spec).find((d) => d.unit === '南湖区')!.label).toBe(`${nanhu.actual!.toFixed(1)}%（${nanhu.numerator}/${nanhu.denominator}）`);
    const ratio = rateChart(rows, 'illegal_farmland_ratio');
    expect(values(ratio.spec).every((d) => !String(d.label).includes('/'))).toBe(true); // an area ratio: no fraction
  });

  it('says 上限 for a ceiling such as the illegal farmland ratio', () => {
    const chart = rateChart(year.rowsOf('2023Q2'), 'illegal_farmland_ratio');
    const labels = (chart.spec.layer as Layer[]).filter((l) => l.data).map((l) => l.data!.values[0].label);
    expect(labels).toContain('上限 ≤1.0%');
  });

  it('a unit without a computable rate (a real row turned no_data: no parcel due) has no bar and says 无数据', () => {
    const rows = year.rowsOf('2023Q2').map((r): ProgressRow =>
      r.indicator_code === 'commencement_rate' && r.unit_name === '嘉兴港区' ? { ...r, actual: null, numerator: 0, denominator: 0, status: 'no_data', rank: null } : r,
    );
    const port = values(rateChart(rows, 'commencement_rate').spec).find((d) => d.unit === '嘉兴港区')!;
    expect([port.value, port.label]).toEqual([null, '无数据']);
  });
});

describe('trend, matrix and overview', () => {
  it('trend has one panel per indicator of the main target and one bar per quarter so far', () => {
    const chart = trendChart([...year.historyBefore('2023Q3'), ...year.rowsOf('2023Q3')], 3, '2023Q3');
    const panels = chart.spec.vconcat as { data: { values: { quarter: string; reference: number | null }[] } }[];
    const codes = [...new Set(year.rowsOf('2023Q3').filter((r) => r.main_target === 3).map((r) => r.indicator_code))];
    expect(panels).toHaveLength(codes.length);
    expect(panels[0].data.values.map((v) => v.quarter)).toEqual(['一季度', '二季度', '三季度']);
    const schedule = ['2023Q1', '2023Q2', '2023Q3'].map((p) => year.rowsOf(p).find((r) => r.is_city && r.indicator_code === codes[0])!.expected_pct);
    expect(panels[0].data.values.map((v) => v.reference)).toEqual(schedule);
  });

  it('matrix has a cell for every unit and main-target indicator, the missing unit included, aggregates shaded by kind', () => {
    const rows = year.rowsOf('2023Q3');
    const chart = matrixChart(rows, 'main_targets');
    const cells = values(chart.spec);
    const indicators = new Set(rows.filter((r) => r.main_target != null).map((r) => r.indicator_code));
    const units = new Set(rows.map((r) => r.unit_code));
    expect(cells).toHaveLength(indicators.size * units.size);
    expect(cells.filter((c) => c.unit_name === '嘉兴港区').every((c) => c.light === '未报送')).toBe(true);
    expect(new Set(cells.filter((c) => c.aggregate).map((c) => c.unit))).toEqual(new Set(rows.filter((r) => r.unit_kind === 'aggregate').map((r) => r.unit_short_name)));
  });

  it('overview has one row per main-target indicator for the city', () => {
    const rows = year.rowsOf('2023Q2');
    const city = rows.filter((r) => r.is_city && r.main_target != null);
    expect(values(overviewChart(rows).spec).map((d) => d.row)).toEqual(city.map((r) => `${r.main_target}. ${r.indicator_name}`));
  });

  it('no data at all for a unit is never drawn as zero anywhere', () => {
    for (const chart of chartsOf('2023Q3').filter((c) => c.kind === 'rank' || c.kind === 'rate')) {
      for (const d of values(chart.spec)) if (d.light === '未报送' || d.light === '无数据') expect(d.value, chart.id).toBeNull();
    }
  });
});

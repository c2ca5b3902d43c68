import Ajv from 'ajv';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinCharts, rankChart, rateChart, trendChart, overviewChart, matrixChart, withoutTitle } from '../../reports/charts';
import { STATUS_STYLE } from '../../reports/charts/theme';
import type { ReportRow } from '../../reports/mart';
import { projectPath } from '../../pipelines/paths';
import { ALL_ROWS, FIXTURE_DIR, historyBefore, rowsOf } from './rows';

// The schema file is not in vega-lite's `exports`, so it is read by path.
const schema = JSON.parse(readFileSync(projectPath('node_modules', 'vega-lite', 'build', 'vega-lite-schema.json'), 'utf8'));
// Formats in this schema are only URIs ($schema, data urls): not what these tests are about.
// inlineRefs: false compiles the large schema in a third of the time, with the same verdicts.
const validate = new Ajv({ strict: false, allErrors: false, validateFormats: false, inlineRefs: false, code: { optimize: false } }).compile(schema);

/** Golden specs are compared, never rewritten, unless NRP_UPDATE_GOLDEN=1 is set by hand. */
const GOLDEN_DIR = join(FIXTURE_DIR, 'golden');
const UPDATE = process.env.NRP_UPDATE_GOLDEN === '1' && !process.env.CI;

type Layer = { data?: { values: Record<string, unknown>[] }; mark: { type: string } | string; encoding?: Record<string, { value?: unknown; field?: string }> };
const values = (spec: Record<string, unknown>) => (spec.data as { values: Record<string, unknown>[] }).values;

describe('every chart of every period', () => {
  for (const period of ['2023Q1', '2023Q2', '2023Q3']) {
    const charts = bulletinCharts(rowsOf(period), historyBefore(period));

    it(`${period}: validates against the Vega-Lite schema that vega-lite ships`, () => {
      expect(charts.length).toBeGreaterThan(20);
      for (const chart of charts) {
        const ok = validate(chart.spec);
        expect(ok ? [] : [chart.id, validate.errors?.slice(0, 3)]).toEqual([]);
      }
    });

    it(`${period}: ids are unique and say what they show`, () => {
      const ids = charts.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of charts) expect(c.id).toMatch(/^(overview|matrix|rank|rate|trend)-[a-z0-9_]+$/);
      expect(ids).toEqual(expect.arrayContaining(['overview-main_targets', 'matrix-main_targets', 'rank-land_supply', 'rate-commencement_rate', 'rate-completion_rate', 'rate-illegal_farmland_ratio', 'trend-main_target_3']));
      expect(ids[0]).toBe('overview-main_targets'); // the bulletin places the first indicator-less chart as its overview
    });
  }

  it('the validator does reject a broken spec (so a pass means something)', () => {
    const spec = { ...bulletinCharts(rowsOf('2023Q2'), [])[0].spec, mark: 'barr' };
    expect(validate(spec)).toBe(false);
    expect(validate({ data: { values: [] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitativ' } } })).toBe(false);
  });

  it('withoutTitle drops the title but keeps the notes, and stays valid', () => {
    for (const chart of bulletinCharts(rowsOf('2023Q2'), historyBefore('2023Q2'))) {
      const spec = withoutTitle(chart.spec);
      expect(validate(spec) ? [] : [chart.id, validate.errors?.slice(0, 2)]).toEqual([]);
      const before = chart.spec.title as { text: string; subtitle: string[] };
      const after = spec.title as { text: string[] } | undefined;
      expect(JSON.stringify(after ?? '')).not.toContain(before.text);
      expect(after?.text ?? []).toEqual(before.subtitle);
    }
  });

  it('the same rows give the same specs (pure, deterministic)', () => {
    const a = JSON.stringify(bulletinCharts(rowsOf('2023Q2'), historyBefore('2023Q2')));
    const b = JSON.stringify(bulletinCharts(structuredClone(rowsOf('2023Q2')), structuredClone(historyBefore('2023Q2'))));
    expect(a).toBe(b);
  });

  it('2023Q2 specs match the golden files', () => {
    const charts = bulletinCharts(rowsOf('2023Q2'), historyBefore('2023Q2'));
    if (UPDATE) mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const chart of charts) {
      const file = join(GOLDEN_DIR, `${chart.id}.vl.json`);
      const text = JSON.stringify(chart.spec, null, 1) + '\n';
      if (UPDATE) writeFileSync(file, text);
      expect(existsSync(file), `${file} missing: run with NRP_UPDATE_GOLDEN=1 once and review`).toBe(true);
      expect(text, chart.id).toBe(readFileSync(file, 'utf8'));
    }
  });
});

describe('ranking bars', () => {
  const rows = rowsOf('2023Q2');
  const chart = rankChart(rows, 'land_supply');
  const data = values(chart.spec);

  it('lists the nine reporting units, best completion first, and no aggregate', () => {
    const units = rows.filter((r) => r.indicator_code === 'land_supply' && r.unit_kind !== 'aggregate');
    expect(data.map((d) => d.unit)).toHaveLength(9);
    expect(data.map((d) => d.unit)).not.toContain('全市');
    const ranked = units.filter((r) => r.rank != null).sort((a, b) => a.rank! - b.rank!);
    expect(data.slice(0, ranked.length).map((d) => d.unit)).toEqual(ranked.map((r) => r.unit_name));
    const values = data.filter((d) => d.value != null).map((d) => d.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('shows a missing unit as 未报送, with no bar (not as zero)', () => {
    const jiashan = data.find((d) => d.unit === '嘉善县')!;
    expect(jiashan.value).toBeNull();
    expect(jiashan.label).toBe('未报送');
    expect(jiashan.light).toBe(STATUS_STYLE.missing.label);
    const bar = (chart.spec.layer as Layer[]).find((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type) === 'bar') as Layer & { transform: { filter: string }[] };
    expect(bar.transform[0].filter).toBe('isValid(datum.value)');
  });

  it('draws the rule at the expected time progress and labels each bar with one decimal', () => {
    // Reference rules carry their own data; the dotted leaders use the chart's.
    const rules = (chart.spec.layer as Layer[]).filter((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type) === 'rule' && l.data);
    expect(rules.map((r) => r.data!.values[0].x)).toEqual([50]);
    const nanhu = rows.find((r) => r.indicator_code === 'land_supply' && r.unit_code === '330402')!;
    expect(data.find((d) => d.unit === '南湖区')!.label).toBe(`${nanhu.completion_pct!.toFixed(1)}%`);
    expect(chart.spec.title).toMatchObject({ subtitle: expect.arrayContaining(['嘉善县未按时报送，全市数据不含该单位']) });
  });

  it('puts every value label right of every bar and reference line', () => {
    const column = data[0].at as number;
    for (const d of data) expect(d.at).toBe(column);
    expect(column).toBeGreaterThanOrEqual(Math.max(50, ...data.map((d) => (d.value as number | null) ?? 0)));
  });

  it('colours by status and gives each status its own shape', () => {
    const shapes = Object.values(STATUS_STYLE).map((s) => s.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
    for (const d of data) {
      const row = rows.find((r) => r.indicator_code === 'land_supply' && r.unit_name === d.unit)!;
      expect(d.light).toBe(STATUS_STYLE[row.status].label);
    }
  });
});

describe('rate against threshold', () => {
  const rows = rowsOf('2023Q2');

  it('marks the threshold and the pooled city value, and says no_data for a zero denominator', () => {
    const chart = rateChart(rows, 'commencement_rate');
    const city = rows.find((r) => r.indicator_code === 'commencement_rate' && r.unit_code === '330400')!;
    const rules = (chart.spec.layer as Layer[]).filter((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type) === 'rule' && l.data);
    expect(rules.map((r) => r.data!.values[0].x).sort()).toEqual([city.actual, 90].sort());
    // pooled: Σ numerator / Σ denominator of the members that reported
    const members = rows.filter((r) => r.indicator_code === 'commencement_rate' && r.unit_kind !== 'aggregate' && r.status !== 'missing');
    const pooled = (100 * members.reduce((s, r) => s + (r.numerator ?? 0), 0)) / members.reduce((s, r) => s + (r.denominator ?? 0), 0);
    expect(city.actual).toBeCloseTo(pooled, 9);
    const port = values(chart.spec).find((d) => d.unit === '嘉兴港区')!;
    expect([port.value, port.label]).toEqual([null, '无数据']);
  });

  it('says 上限 for a ceiling such as the illegal farmland ratio', () => {
    const chart = rateChart(rows, 'illegal_farmland_ratio');
    const labels = (chart.spec.layer as Layer[]).filter((l) => l.data).map((l) => l.data!.values[0].label);
    expect(labels).toContain('上限 ≤1.0%');
  });
});

describe('trend, matrix and overview', () => {
  it('trend has one panel per indicator of the main target and one bar per quarter so far', () => {
    const chart = trendChart([...historyBefore('2023Q3'), ...rowsOf('2023Q3')], 3, '2023Q3');
    const panels = chart.spec.vconcat as { data: { values: { quarter: string; reference: number | null }[] } }[];
    expect(panels).toHaveLength(2); // land_supply, industrial_share
    expect(panels[0].data.values.map((v) => v.quarter)).toEqual(['一季度', '二季度', '三季度']);
    expect(panels[0].data.values.map((v) => v.reference)).toEqual([25, 50, 75]); // the schedule
    expect(panels[1].data.values.map((v) => v.reference)).toEqual([40, 40, 40]); // the threshold
  });

  it('matrix has a cell for every unit and main-target indicator, the missing unit included', () => {
    const rows = rowsOf('2023Q2');
    const chart = matrixChart(rows, 'main_targets');
    const cells = values(chart.spec);
    const indicators = new Set(rows.filter((r) => r.main_target != null).map((r) => r.indicator_code));
    expect(cells).toHaveLength(indicators.size * 11);
    expect(cells.filter((c) => c.unit_name === '嘉善县').every((c) => c.light === '未报送')).toBe(true);
  });

  it('overview has one row per main-target indicator for the city', () => {
    const rows = rowsOf('2023Q2');
    const chart = overviewChart(rows);
    const city = rows.filter((r) => r.unit_code === '330400' && r.main_target != null);
    expect(values(chart.spec).map((d) => d.row)).toEqual(city.map((r) => `${r.main_target}. ${r.indicator_name}`));
  });

  it('no data at all for a unit on a rate is never drawn as zero anywhere', () => {
    const rows: ReportRow[] = rowsOf('2023Q2');
    for (const chart of bulletinCharts(rows, historyBefore('2023Q2')).filter((c) => c.kind === 'rank' || c.kind === 'rate')) {
      for (const d of values(chart.spec)) if (d.light === '未报送' || d.light === '无数据') expect(d.value, chart.id).toBeNull();
    }
  });
});

it('the fixture holds three quarters', () => {
  expect([...new Set(ALL_ROWS.map((r) => r.period))]).toEqual(['2023Q1', '2023Q2', '2023Q3']);
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipelines/period';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { bulletinChartsOf, chartsOf, drawCharts, readBulletinConfig, readBulletinModels, readPeriod, type BulletinModel } from '../../reports';
import { KEY_TASK_LIGHT_STYLE, KEY_TASK_STATUS_STYLE } from '../../reports/charts/key-task-theme';
import { textWidth } from '../../reports/charts/measure';
import { PAGE_WIDTH, SIZES } from '../../reports/charts/theme';
import type { Chart } from '../../reports/charts/types';
import { KEY_TASK_LIGHT_LABEL, sectionLabel } from '../../reports/text/key-task-charts';
import { tempDir } from '../helpers';
import { sampleWithoutDivisionReports } from '../mart-warehouse';
import { keyTaskWarehouse } from '../report/key-task-reports';
import { FIXTURE_DIR } from './rows';
import { vegaLiteValidator } from './schema';

/**
 * The key-task charts (issue 15 step 4) from the bulletin model of the sample warehouse with the
 * divisions' reports written in (test/report/key-task-reports.ts: every status occurs in 2023Q2),
 * and of the sample itself, where no division reported. Every figure is checked against
 * mart_key_task_summary as the model read it.
 */
const validate = vegaLiteValidator();
const GOLDEN_DIR = join(FIXTURE_DIR, 'golden-key-tasks');
const UPDATE = process.env.NRP_UPDATE_GOLDEN === '1' && !process.env.CI;

type Datum = Record<string, unknown>;
type Layer = { data?: { values: Datum[] }; mark: { type: string; opacity?: number }; transform?: { filter: string }[]; encoding: Record<string, { scale?: { domain: string[]; range: string[] } }> };
const values = (chart: Chart) => (chart.spec.data as { values: Datum[] }).values;
const layers = (chart: Chart) => chart.spec.layer as Layer[];

const dir = tempDir('nrp-kt-charts-');
let model: BulletinModel;
let silent: BulletinModel;
let charts: Chart[];
const chart = (id: string) => charts.find((c) => c.id === id)!;

beforeAll(async () => {
  const q2 = { period: parsePeriod('2023Q2')! };
  [model] = await withReadWarehouse(await keyTaskWarehouse(dir), (wh) => readBulletinModels(wh, readBulletinConfig(), [q2, { ...q2, unit: '330481' }]));
  [silent] = await withReadWarehouse(await sampleWithoutDivisionReports(dir, 'silent.duckdb'), (wh) => readBulletinModels(wh, readBulletinConfig(), [q2]));
  charts = chartsOf(model).filter((c) => c.kind === 'keytask');
});

describe('the key-task charts', () => {
  it('are two, validate against the Vega-Lite schema, and match their golden specs', () => {
    expect(charts.map((c) => c.id)).toEqual(['keytask-status_by_section', 'keytask-division_on_time_rate']);
    if (UPDATE) {
      rmSync(GOLDEN_DIR, { recursive: true, force: true });
      mkdirSync(GOLDEN_DIR, { recursive: true });
    }
    for (const c of [...charts, ...chartsOf(silent).filter((k) => k.kind === 'keytask')]) {
      const ok = validate(c.spec);
      expect(ok ? [] : [c.id, validate.errors?.slice(0, 3)]).toEqual([]);
    }
    for (const c of charts) {
      const file = join(GOLDEN_DIR, `${c.id}.vl.json`);
      const text = JSON.stringify(c.spec, null, 1) + '\n';
      if (UPDATE) writeFileSync(file, text);
      expect(existsSync(file), `${file} missing: run with NRP_UPDATE_GOLDEN=1 once and review`).toBe(true);
      expect(text, c.id).toBe(readFileSync(file, 'utf8'));
    }
    expect(readdirSync(GOLDEN_DIR).length).toBe(charts.length);
  });

  it('status by section: each bar is the section’s counts from mart_key_task_summary, stacked in the seed’s status order', () => {
    const segments = values(chart('keytask-status_by_section'));
    const sections = model.keyTasks.summary.filter((r) => r.scope_kind === 'section');
    expect(sections.length).toBe(8);
    const names = model.keyTasks.statuses.map((s) => s.status_name);
    for (const s of sections) {
      const own = segments.filter((d) => d.section === sectionLabel(s.scope_code, s.scope_name));
      const expected = model.keyTasks.statuses.filter((st) => s[st.status_code] > 0).map((st) => [st.status_name, s[st.status_code]]);
      expect(own.map((d) => [d.status, d.count])).toEqual(expected);
      expect(own.map((d) => names.indexOf(d.status as string))).toEqual([...own.map((d) => names.indexOf(d.status as string))].sort((a, b) => a - b));
      // Stacked end to end from 0 to the section's milestones.
      own.forEach((d, i) => expect(d.x0).toBe(i === 0 ? 0 : own[i - 1].x1));
      expect(own.at(-1)!.x1).toBe(s.milestones);
    }
    // Every status of the scenario occurs, so every colour and shape is exercised.
    expect(new Set(segments.map((d) => d.status))).toEqual(new Set(names));
  });

  it('status by section: colour by light, a distinct shape per status, names and order from the seed, one merged legend', () => {
    const c = chart('keytask-status_by_section');
    const legend = layers(c).find((l) => l.mark.opacity === 0)!;
    expect(legend.encoding.color.scale!.domain).toEqual(model.keyTasks.statuses.map((s) => s.status_name));
    expect(legend.encoding.color.scale!.range).toEqual(model.keyTasks.statuses.map((s) => KEY_TASK_STATUS_STYLE[s.status_code].color));
    expect(legend.encoding.shape.scale!.range).toEqual(model.keyTasks.statuses.map((s) => KEY_TASK_STATUS_STYLE[s.status_code].shape));
    const shapes = Object.values(KEY_TASK_STATUS_STYLE).map((s) => s.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
    // The colour is the light's: statuses of one light share its hue family, the lights differ.
    for (const s of model.keyTasks.statuses) {
      const light = KEY_TASK_LIGHT_STYLE[s.light].color;
      if (s.status_code === 'done_on_time' || s.status_code === 'done_late' || s.status_code === 'overdue') expect(KEY_TASK_STATUS_STYLE[s.status_code].color).toBe(light);
    }
    // The symbols in the bars are drawn in ink on every segment: one layer centred, one beside its count.
    const symbols = layers(c).filter((l) => l.mark.type === 'point' && l.mark.opacity === 1);
    expect(symbols.map((l) => l.transform![0].filter)).toEqual(['!datum.counted', 'datum.counted']);
  });

  it('status by section: a count is written only where it fits beside its shape; labels are measured with the bundled font', () => {
    const c = chart('keytask-status_by_section');
    const segments = values(c);
    const domain = ((c.spec.layer as { encoding: { x: { scale: { domain: number[] } } } }[])[0].encoding.x.scale.domain)[1];
    const labels = model.keyTasks.summary.filter((r) => r.scope_kind === 'section').map((s) => sectionLabel(s.scope_code, s.scope_name));
    const plot = PAGE_WIDTH - 8 - (Math.max(...labels.map((l) => textWidth(l, SIZES.label))) + 8);
    for (const d of segments) {
      const width = ((d.count as number) * plot) / domain;
      expect(d.counted, `${d.section} ${d.status}`).toBe(width >= 14 + textWidth(String(d.count), SIZES.value) + 3);
    }
    expect(segments.some((d) => d.counted) && segments.some((d) => !d.counted)).toBe(true);
    // The longest bar and its total stay inside the plot.
    const longest = Math.max(...model.keyTasks.summary.filter((r) => r.scope_kind === 'section').map((r) => r.milestones));
    expect((longest * plot) / domain + 4 + textWidth(`${longest}个`, SIZES.value)).toBeLessThanOrEqual(plot);
  });

  it('divisions: the on-time rate of every division as the mart has it; no rate is never drawn as zero', () => {
    const data = values(chart('keytask-division_on_time_rate'));
    const divisions = model.keyTasks.summary.filter((r) => r.scope_kind === 'division');
    expect(data.map((d) => d.division).sort()).toEqual(divisions.map((r) => r.scope_name).sort());
    for (const r of divisions) {
      const d = data.find((x) => x.division === r.scope_name)!;
      expect(d.value).toBe(r.on_time_rate);
      expect(d.light).toBe(KEY_TASK_LIGHT_LABEL[r.light ?? 'grey']);
      if (r.on_time_rate === null) expect([d.label, d.marked]).toEqual([r.milestones === 0 ? '无牵头任务' : '暂无到期节点', false]);
      else expect(d.label).toBe(`${r.on_time_rate.toFixed(1)}%（到期${r.due_count}个${r.not_reported === r.milestones ? '，未报送' : ''}）`);
    }
    // The scenario has divisions with nothing due yet, and one (海洋资源管理处) whose only due milestone was done late: 0.0%.
    expect(divisions.some((r) => r.on_time_rate === null)).toBe(true);
    expect(divisions.some((r) => r.on_time_rate === 0)).toBe(true);
    // Highest rate first; the divisions without a rate last.
    const rates = data.map((d) => d.value as number | null);
    const firstNull = rates.indexOf(null);
    expect(rates.slice(firstNull).every((v) => v === null)).toBe(true);
    expect(rates.slice(0, firstNull)).toEqual([...rates.slice(0, firstNull)].sort((a, b) => b! - a!));
    // The city's rate is the reference line.
    const city = model.keyTasks.summary.find((r) => r.scope_kind === 'city')!;
    const rule = layers(chart('keytask-division_on_time_rate')).find((l) => l.mark.type === 'rule' && l.data)!;
    expect(rule.data!.values[0].x).toBe(city.on_time_rate);
  });

  it('draw at the type area’s width', async () => {
    const drawings = await drawCharts(charts);
    for (const c of charts) expect(Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(drawings.get(c.id)!)![1]), c.id).toBeLessThanOrEqual(PAGE_WIDTH + 1);
  });

  it('the bulletin prints the status chart for the city when something was reported, never for a unit, nor when nothing was', () => {
    expect(bulletinChartsOf(model, chartsOf(model)).map((c) => c.id)).toContain('keytask-status_by_section');
    expect(bulletinChartsOf(model, chartsOf(model)).map((c) => c.id)).not.toContain('keytask-division_on_time_rate');
    const unit = { ...model, scope: model.units.find((u) => u.code === '330481')! };
    expect(bulletinChartsOf(unit, chartsOf(model)).some((c) => c.kind === 'keytask')).toBe(false);
    const none = chartsOf(silent);
    expect(none.filter((c) => c.kind === 'keytask').length).toBe(2); // the chart files still have them
    expect(bulletinChartsOf(silent, none).some((c) => c.kind === 'keytask')).toBe(false);
    const grey = values(none.find((c) => c.id === 'keytask-status_by_section')!);
    expect(new Set(grey.map((d) => d.status))).toEqual(new Set([silent.keyTasks.statuses.find((s) => s.status_code === 'not_reported')!.status_name]));
  });

  it('nrp charts reads the same charts from what readPeriod read', async () => {
    const rows = await withReadWarehouse(join(dir, 'key-tasks.duckdb'), (wh) => readPeriod(wh, parsePeriod('2023Q2')!));
    expect(JSON.stringify(chartsOf(rows).filter((c) => c.kind === 'keytask'))).toBe(JSON.stringify(charts));
  });
});

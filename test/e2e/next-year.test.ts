import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { percent, quantity } from '../../reports/format';
import type { ProgressRow } from '../../reports/mart';
import { pdfPages, squeeze } from '../report/pdf-text';
import { nrpProcess, tempDir } from '../helpers';

/**
 * A second year is rows, not code (README, "Moving to 2024"): a copy of the seeds gets a 2024
 * catalogue (one indicator dropped, one added, another target and schedule for land supply, two
 * headings reworded) and 2024 targets, a copy of the configuration the 2024Q1 number and date;
 * the nine units send their 2024Q1 files; `NRP_SEEDS=… nrp run --period 2024Q1 --config …`
 * writes a bulletin whose headings and figures are the 2024 rows'.
 */
const dir = tempDir('nrp-2024-');
const seeds = join(dir, 'seeds');
const inbox = join(dir, 'inbox');
const db = join(dir, 'w.duckdb');
const out = join(dir, 'out');
const DROPPED = 'national_quota';
const ADDED = { code: 'mine_restoration', name: '废弃矿山生态修复', target: 900, perUnit: 100 };
const HEADINGS: Record<number, string> = { 3: '国有土地供应保障', 5: '国土空间生态修复' };
const LAND_SCHEDULE = [20, 45, 70, 100];
const LAND_TARGET = 45000;

const csvLines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');
const write = (file: string, lines: string[]) => writeFileSync(file, lines.join('\n') + '\n');

/** The 2024 plan as seed rows, appended to a copy of seeds/. */
function seeds2024(): { codes: string[]; summaryRows: { code: string; kind: string }[] } {
  cpSync(projectPath('seeds'), seeds, { recursive: true });
  const indicators = csvLines(join(seeds, 'indicators.csv'));
  const head = indicators[0].split(',');
  const col = (name: string) => head.indexOf(name);
  const rows2024: string[][] = [];
  for (const line of indicators.slice(1)) {
    const c = line.split(',');
    if (c[0] !== '2023' || c[1] === DROPPED) continue;
    c[0] = '2024';
    if (c[1] === 'land_supply') {
      c[col('city_target')] = String(LAND_TARGET);
      LAND_SCHEDULE.forEach((v, i) => (c[col(`schedule_q${i + 1}`)] = String(v)));
    }
    rows2024.push(c);
    if (c[1] === 'provincial_showcase_projects') {
      const added = [...c];
      Object.assign(added, { [col('code')]: ADDED.code, [col('name')]: ADDED.name, [col('unit')]: '亩', [col('city_target')]: String(ADDED.target), [col('notes')]: '2024年新增' });
      rows2024.push(added);
    }
  }
  rows2024.forEach((c, i) => (c[col('display_order')] = String(i + 1)));
  write(join(seeds, 'indicators.csv'), [...indicators, ...rows2024.map((c) => c.join(','))]);

  const targets = csvLines(join(seeds, 'targets.csv'));
  const units = csvLines(join(seeds, 'units.csv')).slice(1).map((l) => l.split(','));
  const targets2024 = targets.slice(1).filter((l) => l.startsWith('2023,') && !l.includes(`,${DROPPED},`)).map((l) => {
    const c = l.replace(/^2023,/, '2024,').split(',');
    if (c[1] === 'land_supply') c[3] = String(Math.round((Number(c[3]) * LAND_TARGET) / 40000));
    return c.join(',');
  });
  for (const [code, , , kind] of units) targets2024.push(`2024,${ADDED.code},${code},${kind === 'aggregate' ? (code === '330400' ? ADDED.target : '') : ADDED.perUnit},sample,test`);
  write(join(seeds, 'targets.csv'), [...targets, ...targets2024.filter((l) => !l.endsWith(',,sample,test'))]);

  const headings = csvLines(join(seeds, 'main_targets.csv'));
  write(join(seeds, 'main_targets.csv'), [...headings, ...headings.slice(1).map((l) => {
    const [, n, title] = l.split(',');
    return `2024,${n},${HEADINGS[Number(n)] ?? title}`;
  })]);
  return {
    codes: rows2024.map((c) => c[1]),
    summaryRows: rows2024.filter((c) => c[col('source')] === 'summary' && !c[1].includes('coastline')).map((c) => ({ code: c[1], kind: c[col('kind')] })),
  };
}

/** Each unit's three 2024Q1 tables as CSV files, with figures that differ by unit. */
function submissions(summaryRows: { code: string; kind: string }[]): void {
  mkdirSync(inbox);
  const units = csvLines(join(seeds, 'units.csv')).slice(1).map((l) => l.split(',')).filter((c) => c[3] !== 'aggregate');
  units.forEach(([, name], i) => {
    const k = i + 1;
    write(join(inbox, `${name}_2024Q1_指标进度.csv`), ['指标代码,指标名称,累计完成,分子,分母,备注', ...summaryRows.map(({ code, kind }) =>
      kind === 'rate' ? `${code},,,${40 + k},${50 + k},` : `${code},,${code === ADDED.code ? 20 + 3 * k : 10 * k},,,`)]);
    write(join(inbox, `${name}_2024Q1_供地台账.csv`), [
      '地块编号,项目名称,供地方式,土地用途,供地面积（亩）,是否存量,成交价款（万元）,供地日期,约定开工日期,约定竣工日期,实际开工日期,实际竣工日期,延期开工日期,延期竣工日期',
      `P${k}-1,项目${k}-1,出让,工业,${100 * k},否,${500 * k},2024-01-15,2024-03-01,2025-03-01,2024-03-10,,,`,
      `P${k}-2,项目${k}-2,划拨,公共管理与公共服务,${50 + k},是,,2024-02-20,2024-06-01,2025-06-01,,,,`,
    ]);
    write(join(inbox, `${name}_2024Q1_卫片图斑.csv`), ['图斑编号,监测批次,新增建设占用耕地面积（亩）,违法占用耕地面积（亩）,判定类型,整改状态', `T${k},2024Q1,${5 + k},0,合法,`]);
  });
}

let plan: ReturnType<typeof seeds2024>;
let run: ReturnType<typeof nrpProcess>;
let rows: ProgressRow[] = [];
let text = '';

beforeAll(async () => {
  plan = seeds2024();
  submissions(plan.summaryRows);
  const config = JSON.parse(readFileSync(projectPath('reports', 'bulletin.config.json'), 'utf8'));
  config.periods['2024Q1'] = { serial: 9, issuedOn: '2024-04-19' };
  writeFileSync(join(dir, 'bulletin.config.json'), JSON.stringify(config, null, 2));
  run = nrpProcess(['run', '--period', '2024Q1', '--inbox', inbox, '--db', db, '--out', out, '--config', join(dir, 'bulletin.config.json')], { env: { NRP_SEEDS: seeds } });
  rows = await withReadWarehouse(db, (wh) => wh.all<ProgressRow>("select * exclude (period_end) from mart_indicator_progress where period = '2024Q1' and is_city order by indicator_order"));
  text = squeeze((await pdfPages(join(out, 'bulletin-2024Q1.pdf'))).join('\n'));
}, 600_000);

describe('a 2024 bulletin from 2024 seed rows', () => {
  it('runs: every file accepted, the marts hold the 2024 catalogue', () => {
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toMatch(/文件 files: 27 接收 accepted, 0 拒收 rejected/);
    expect(rows.map((r) => r.indicator_code)).toEqual(plan.codes);
    expect(rows.map((r) => r.indicator_code)).not.toContain(DROPPED);
  });

  it('is numbered and dated from the configuration, and titled for 2024', () => {
    expect(text).toContain('嘉自然资规通〔2024〕9号');
    expect(text).toContain('关于2024年第一季度全市自然资源和规划主要目标任务进展情况的通报');
    expect(text).toContain('2024年4月19日');
  });

  it('heads the main targets with the 2024 wording of main_targets.csv', () => {
    expect(text).toContain(`（三）${HEADINGS[3]}`);
    expect(text).toContain(`（五）${HEADINGS[5]}`);
    expect(text).not.toContain('（三）国有土地供应（');
    expect(text).toContain('（一）耕地和永久基本农田保护');
  });

  it('prints the 2024 target, schedule and figures of land supply, and the added indicator, as the mart has them', () => {
    const land = rows.find((r) => r.indicator_code === 'land_supply')!;
    expect([land.target, land.expected_pct]).toEqual([LAND_TARGET, LAND_SCHEDULE[0]]);
    expect(text).toContain(`国有土地供应总量${quantity(land.target, '亩')}${quantity(land.actual, '亩')}${percent(land.completion_pct)}${percent(land.expected_pct)}`);
    const added = rows.find((r) => r.indicator_code === ADDED.code)!;
    expect([added.target, added.actual, added.main_target]).toEqual([ADDED.target, [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((s, k) => s + 20 + 3 * k, 0), 5]);
    expect(text).toContain(`${ADDED.name}${quantity(added.target, '亩')}${quantity(added.actual, '亩')}${percent(added.completion_pct)}`);
    expect(text).toContain(`${ADDED.name}完成情况排名`);
    expect(text).not.toContain('国家保障新增建设用地计划指标');
  });
});

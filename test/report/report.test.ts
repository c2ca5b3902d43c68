import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nrp, tempDir } from '../helpers';
import { gapPhrase, percent, quantity } from '../../reports/format';
import { DEFAULT_CONFIG_PATH } from '../../reports/bulletin/config';
import type { ReportRow } from '../../reports/mart';
import { fixtureRows, fixtureSubmissions, fixtureWarehouse } from './warehouse';
import { pdfPages, squeeze } from './pdf-text';

const PERIOD = '2023Q2';
const rows = fixtureRows().filter((r) => r.period === PERIOD);
const row = (unit: string, indicator: string) => rows.find((r) => r.unit_code === unit && r.indicator_code === indicator) as ReportRow;

describe('nrp report: the city bulletin', () => {
  const dir = tempDir('nrp-report-');
  let db = '';
  let file = '';
  let pages: string[] = [];
  let text = '';

  beforeAll(async () => {
    db = await fixtureWarehouse(dir);
    const result = await nrp(['report', '--period', PERIOD, '--db', db, '--out', join(dir, 'a')]);
    expect(result.stderr).toContain('bulletin-2023Q2.pdf');
    expect(result.code).toBe(0);
    file = join(dir, 'a', 'bulletin-2023Q2.pdf');
    pages = await pdfPages(file);
    text = squeeze(pages.join('\n'));
  });

  it('has the masthead, the document number and date from configuration, the title and the addressees', () => {
    const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
    expect(squeeze(pages[0])).toContain('嘉兴市自然资源和规划局');
    expect(squeeze(pages[0])).toContain(`嘉自然资规通〔2023〕${config.periods[PERIOD].serial}号`);
    expect(squeeze(pages[0])).toContain('关于2023年第二季度全市自然资源和规划主要目标任务进展情况的通报');
    expect(squeeze(pages[0])).toContain('各县（市、区）自然资源和规划局（分局），嘉兴经济技术开发区、嘉兴港区分局：');
    const [y, m, d] = config.periods[PERIOD].issuedOn.split('-').map(Number);
    expect(text).toContain(`嘉兴市自然资源和规划局${y}年${m}月${d}日`);
  });

  it('writes the overview from the figures: main targets and the count of lights', () => {
    const city = rows.filter((r) => r.unit_code === '330400');
    const count = (s: string) => city.filter((r) => r.status === s).length;
    expect(text).toContain(`亮绿灯${count('green')}项、黄灯${count('yellow')}项、红灯${count('red')}项`);
    const land = row('330400', 'land_supply');
    expect(text).toContain(`国有土地供应总量${quantity(land.actual, '亩')}，完成年度目标的${percent(land.completion_pct)}，${gapPhrase(land.gap_pp)}`);
    // The format itself, independently of the helper: 万亩 with two decimals, 个百分点 for the gap.
    expect(text).toMatch(/国有土地供应总量\d+\.\d\d万亩，完成年度目标的\d+\.\d%，(超|滞后)序时进度\d+\.\d个百分点/);
  });

  it('prints every figure of the main-target table as the mart has it', () => {
    for (const r of rows.filter((x) => x.unit_code === '330400' && x.main_target !== null && x.kind === 'cumulative')) {
      expect(text).toContain(`${r.indicator_name}${quantity(r.target, r.unit_of_measure)}${quantity(r.actual, r.unit_of_measure)}${percent(r.completion_pct)}`);
    }
  });

  it('names every unit, and the unit that did not submit, and says the city total leaves it out', () => {
    for (const name of new Set(rows.map((r) => r.unit_name))) expect(text).toContain(name);
    const missing = rows.filter((r) => r.unit_kind !== 'aggregate' && r.status === 'missing').map((r) => r.unit_name);
    expect(new Set(missing)).toEqual(new Set(['嘉善县']));
    expect(text).toContain('嘉善县未按时报送，全市数据不含该县');
  });

  it('lists the submissions used (newest version) with file name, sha256 and load time, and the warnings', () => {
    const used = fixtureSubmissions().filter((s) => !(s.unit_code === '330481' && s.version === 1));
    for (const s of used) {
      expect(text).toContain(s.file_name);
      expect(text).toContain(s.sha256.slice(0, 32));
      expect(text).toContain(s.sha256.slice(32));
      expect(text).toContain(s.loaded_at.replace(' ', ''));
    }
    expect(text).not.toContain('1111111111111111111111111111111111111111111111111111111111111111'.slice(0, 32));
    expect(text).toContain('文件为GBK编码，已转换为UTF-8');
  });

  it('is real Chinese text in embedded subset fonts from npm, and no page is empty', () => {
    expect(text).toMatch(/[\u4e00-\u9fff]{20}/);
    const raw = readFileSync(file).toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Roboto)/);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => expect(squeeze(p).length, `page ${i + 1}`).toBeGreaterThan(40));
  });

  it('numbers pages — N — and repeats table heads on the pages a table runs onto', () => {
    pages.forEach((p, i) => expect(p).toContain(`— ${i + 1} —`));
    const head = '序号指标年度目标累计完成完成率序时进度';
    expect(pages.filter((p) => squeeze(p).includes(head)).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same bytes for the same warehouse', async () => {
    const again = await nrp(['report', '--period', PERIOD, '--db', db, '--out', join(dir, 'b')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'b', 'bulletin-2023Q2.pdf')).equals(readFileSync(file))).toBe(true);
  });
});

describe('nrp report --unit', () => {
  const dir = tempDir('nrp-report-unit-');

  it('writes a bulletin for one unit, with its rank', async () => {
    const db = await fixtureWarehouse(dir);
    const result = await nrp(['report', '-p', '2023年第二季度', '--db', db, '--unit', '海宁', '--out', dir]);
    expect(result.code).toBe(0);
    const file = join(dir, 'bulletin-2023Q2-330481.pdf');
    expect(existsSync(file)).toBe(true);
    const text = squeeze((await pdfPages(file)).join('\n'));
    expect(text).toContain('关于2023年第二季度海宁市自然资源和规划主要目标任务进展情况的通报');
    expect(text).toContain('海宁市自然资源和规划局：');
    const land = row('330481', 'land_supply');
    expect(text).toContain(`海宁市国有土地供应总量${quantity(land.actual, '亩')}，完成年度目标的${percent(land.completion_pct)}`);
    expect(text).toContain(`居全市第${land.rank}位`);
    // Only its own submissions are listed.
    expect(text).toContain('海宁市_2023Q2_指标进度（更正）.xlsx');
    expect(text).not.toContain('南湖区_2023Q2_指标进度.xlsx');
  });
});

describe('nrp report: a restated figure', () => {
  const dir = tempDir('nrp-report-restated-');

  it('footnotes a figure that changed after an earlier bulletin for the period was issued', async () => {
    const db = await fixtureWarehouse(dir);
    const first = await nrp(['report', '--period', PERIOD, '--db', db, '--out', join(dir, 'first'), '--issue']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('recorded');

    // 海宁市 resubmits: its land supply changes, and so does the city total (rebuilt marts).
    const before = row('330481', 'land_supply');
    const changed = fixtureRows().map((r) =>
      r.period === PERIOD && r.indicator_code === 'land_supply' && (r.unit_code === '330481' || r.unit_code === '330400')
        ? { ...r, actual: (r.actual ?? 0) + 1234.5 }
        : r,
    );
    await fixtureWarehouse(dir, changed);
    // Re-issuing the same document number with other figures is refused …
    const refused = await nrp(['report', '--period', PERIOD, '--db', db, '--out', join(dir, 'refused'), '--issue']);
    expect(refused.code).toBe(1);
    expect(existsSync(join(dir, 'refused', 'bulletin-2023Q2.pdf'))).toBe(false);
    // … a corrected bulletin gets a new number.
    const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
    config.periods[PERIOD] = { serial: 40, issuedOn: '2023-08-01' };
    const configFile = join(dir, 'bulletin.config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const second = await nrp(['report', '--period', PERIOD, '--db', db, '--out', join(dir, 'second'), '--config', configFile]);
    expect(second.code).toBe(0);
    const text = squeeze((await pdfPages(join(dir, 'second', 'bulletin-2023Q2.pdf'))).join('\n'));
    expect(text).toContain(`海宁市国有土地供应总量为更正后数据，嘉自然资规通〔2023〕${JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')).periods[PERIOD].serial}号通报数为${quantity(before.actual, '亩')}`);
    expect(text).toContain('海宁市在上次通报后重新报送数据');
    // Untouched figures carry no note.
    expect(text).not.toContain('南湖区国有土地供应总量为更正后数据');
  });
});

describe('nrp report: errors', () => {
  const dir = tempDir('nrp-report-err-');

  it('refuses a period it cannot read, an unknown unit, and a period without configuration', async () => {
    const db = await fixtureWarehouse(dir);
    const bad = await nrp(['report', '--period', '2023Q5', '--db', db]);
    expect(bad.code).toBe(2);
    const unit = await nrp(['report', '--period', PERIOD, '--db', db, '--unit', '平胡市']);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('平湖市');
    const config = join(dir, 'c.json');
    copyFileSync(DEFAULT_CONFIG_PATH, config);
    const parsed = JSON.parse(readFileSync(config, 'utf8'));
    delete parsed.periods[PERIOD];
    writeFileSync(config, JSON.stringify(parsed));
    const unitIssue = await nrp(['report', '--period', PERIOD, '--db', db, '--unit', '海宁市', '--issue']);
    expect(unitIssue.code).toBe(2);
    const none = await nrp(['report', '--period', PERIOD, '--db', db, '--config', config]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('2023Q2');
    expect(existsSync(join(dir, 'bulletin-2023Q2.pdf'))).toBe(false);
    // A warehouse where nrp build has not run yet.
    const fresh = await nrp(['report', '--period', PERIOD, '--db', join(dir, 'fresh.duckdb'), '--out', dir]);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('nrp build');
  });
});

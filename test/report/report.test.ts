import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nrp, tempDir } from '../helpers';
import { gapPhrase, percent, quantity } from '../../reports/format';
import { DEFAULT_CONFIG_PATH } from '../../reports/model/config';
import type { ProgressRow, ScorecardRow, SubmissionStatusRow } from '../../reports/mart';
import { readSample, sampleWarehouse } from '../mart-warehouse';
import { pdfPages, squeeze } from './pdf-text';

/**
 * The city bulletin of the sample year, every figure checked against the marts the real build
 * made (test/mart-warehouse.ts): 2023Q2, where 南湖区 resubmitted its workbook, and 2023Q3, where
 * 嘉兴港区 sent nothing.
 */
const mart = (period: string) =>
  readSample(async (wh) => ({
    rows: await wh.all<ProgressRow>(`select * exclude (period_end) from mart_indicator_progress where period = ? order by unit_order, indicator_order`, [period]),
    scorecard: await wh.all<ScorecardRow>('select * from mart_unit_scorecard where period = ?', [period]),
    submissions: await wh.all<SubmissionStatusRow>(
      `select * exclude (loaded_at), strftime(loaded_at, '%Y-%m-%d %H:%M:%S') as loaded_at from mart_submission_status where period = ? and arrived`, [period]),
    versions: await wh.all<{ sha256: string; is_latest: boolean }>('select sha256, is_latest from submission_versions where period = ?', [period]),
  }));

describe('nrp report: the city bulletin of 2023Q2', () => {
  const dir = tempDir('nrp-report-');
  let db = '';
  let file = '';
  let pages: string[] = [];
  let text = '';
  let m: Awaited<ReturnType<typeof mart>>;
  const row = (unit: string, indicator: string) => m.rows.find((r) => r.unit_code === unit && r.indicator_code === indicator)!;
  const city = () => m.rows.filter((r) => r.is_city);

  beforeAll(async () => {
    db = await sampleWarehouse();
    m = await mart('2023Q2');
    const result = await nrp(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'a')]);
    expect(result.stderr).toContain('bulletin-2023Q2.pdf');
    expect(result.code).toBe(0);
    file = join(dir, 'a', 'bulletin-2023Q2.pdf');
    pages = await pdfPages(file);
    text = squeeze(pages.join('\n'));
  });

  it('has the masthead, the document number and date from configuration, the title and the addressees', () => {
    const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
    expect(squeeze(pages[0])).toContain(config.masthead);
    expect(squeeze(pages[0])).toContain(`${config.documentPrefix}〔2023〕${config.periods['2023Q2'].serial}号`);
    expect(squeeze(pages[0])).toContain('关于2023年第二季度全市自然资源和规划主要目标任务进展情况的通报');
    expect(squeeze(pages[0])).toContain(config.addressees);
    expect(squeeze(pages[0])).toContain(`市局对${config.coveredUnits}2023年1-6月主要目标任务完成情况`);
    const [y, mo, d] = config.periods['2023Q2'].issuedOn.split('-').map(Number);
    expect(text).toContain(`${config.issuer}${y}年${mo}月${d}日`);
  });

  it('counts the lights as mart_unit_scorecard does, and states each main target as the mart has it', () => {
    const card = m.scorecard.find((s) => s.is_city)!;
    expect(text).toContain(`全市纳入监测的主要目标任务指标共${card.indicators}项，亮绿灯${card.green}项、黄灯${card.yellow}项、红灯${card.red}项`);
    const land = row('330400', 'land_supply');
    expect(text).toContain(`国有土地供应总量${quantity(land.actual, '亩')}，完成年度目标的${percent(land.completion_pct)}，${gapPhrase(land.gap_pp)}`);
    // The format itself, independently of the helpers: 万亩 with two decimals, 个百分点 for the gap.
    expect(text).toMatch(/国有土地供应总量\d+\.\d\d万亩，完成年度目标的\d+\.\d%，(超|滞后)序时进度\d+\.\d个百分点/);
  });

  it('prints every cumulative figure of the main-target table as the mart has it, under the headings of the main_targets seed', () => {
    for (const r of city().filter((x) => x.main_target !== null && x.kind === 'cumulative')) {
      expect(text).toContain(`${r.indicator_name}${quantity(r.target, r.unit_of_measure)}${quantity(r.actual, r.unit_of_measure)}${percent(r.completion_pct)}`);
    }
    const headings = [...new Map(city().filter((r) => r.main_target !== null).map((r) => [r.main_target, r.main_target_title!])).values()];
    expect(headings).toContain('耕地和永久基本农田保护');
    const positions = headings.map((h, i) => text.indexOf(`（${'一二三四五六七八九十'[i]}）${h}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('names who leads each ranking, in the mart’s rank order', () => {
    const ranked = m.rows.filter((r) => r.indicator_code === 'land_supply' && r.unit_kind !== 'aggregate' && r.rank !== null).sort((a, b) => a.rank! - b.rank! || a.unit_order - b.unit_order);
    const top = ranked.filter((r) => r.rank! <= 3).slice(0, 3).map((r) => `${r.unit_name}（${percent(r.completion_pct)}）`).join('、');
    expect(text).toContain(`完成率排名前三位的是${top}`);
  });

  it('lists the submissions the marts read (the latest versions, mart_submission_status) with file, sha256 and load time', () => {
    for (const s of m.submissions) {
      expect(text).toContain(s.file_name!);
      expect(text).toContain(s.sha256!.slice(0, 32));
      expect(text).toContain(s.loaded_at!.replace(' ', ''));
    }
    const superseded = m.versions.filter((v) => !v.is_latest);
    expect(superseded.length).toBeGreaterThan(0); // 南湖区 resubmitted
    for (const v of superseded) expect(text).not.toContain(v.sha256.slice(0, 32));
    expect(text).toContain('本期报送数据载入时未产生校验提示');
    expect(text).toContain('各单位应报送指标进度、供地台账、卫片图斑三张表');
  });

  it('is real Chinese text in embedded subset fonts from npm, page numbers on every page, table heads repeated', () => {
    expect(text).toMatch(/[\u4e00-\u9fff]{20}/);
    const raw = readFileSync(file).toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Roboto)/);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => {
      expect(squeeze(p).length, `page ${i + 1}`).toBeGreaterThan(40);
      expect(p).toContain(`— ${i + 1} —`);
    });
    expect(pages.filter((p) => squeeze(p).includes('序号指标年度目标累计完成完成率序时进度')).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same bytes for the same warehouse', async () => {
    const again = await nrp(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'b')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'b', 'bulletin-2023Q2.pdf')).equals(readFileSync(file))).toBe(true);
  });
});

describe('nrp report: 2023Q3, a unit that sent nothing', () => {
  const dir = tempDir('nrp-report-q3-');

  it('says who did not submit, in the one sentence the conventions give, and leaves it out of the city', async () => {
    const m = await mart('2023Q3');
    const silent = m.scorecard.filter((s) => s.unit_kind !== 'aggregate' && !s.submitted).map((s) => s.unit_name);
    expect(silent).toEqual(['嘉兴港区']);
    const result = await nrp(['report', '--period', '2023Q3', '--db', await sampleWarehouse(), '--out', dir]);
    expect(result.code).toBe(0);
    const text = squeeze((await pdfPages(join(dir, 'bulletin-2023Q3.pdf'))).join('\n'));
    expect(text).toContain('嘉兴港区未按时报送，全市数据不含该区。');
    expect(text).toContain('（嘉兴港区未按时报送，全市数据不含该区）');
    expect(text).toContain('未按时报送的单位：嘉兴港区。');
    for (const name of new Set(m.rows.map((r) => r.unit_name))) expect(text).toContain(name);
  });
});

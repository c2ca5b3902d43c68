import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrp, tempDir } from '../helpers';
import { quantity } from '../../reports/format';
import { DEFAULT_CONFIG_PATH } from '../../reports/model/config';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { sampleWarehouseCopy } from '../mart-warehouse';
import { correctedSummaryCsv } from './correction';
import { pdfPages, squeeze } from './pdf-text';

const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
const number = `${config.documentPrefix}〔2023〕${config.periods['2023Q2'].serial}号`;

describe('nrp report --issue, then a resubmission', () => {
  const dir = tempDir('nrp-report-issue-');

  it('footnotes the figure the resubmission changed, lists its warning, and refuses to reissue the number with other figures', async () => {
    const db = await sampleWarehouseCopy(dir);
    const first = await nrp(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'first'), '--issue']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`recorded ${number} as issued`);
    const before = await withReadWarehouse(db, (wh) => wh.one<{ actual: number }>(
      "select actual from mart_indicator_progress where period = '2023Q2' and unit_code = '330481' and indicator_code = 'new_farmland'"));

    // 海宁市 resends its 指标进度: 新增耕地 1234.5 亩 more, and a rate whose 累计完成 disagrees with 分子/分母 (a warning).
    const inbox = join(dir, 'correction');
    mkdirSync(inbox);
    const csv = await correctedSummaryCsv(db, inbox, { code: '330481', name: '海宁市' }, '2023Q2', {
      new_farmland: { value: before!.actual + 1234.5 },
      idle_land_disposal: { value: 99.9 },
    });
    const ingest = await nrp(['ingest', '--db', db, csv]);
    expect(ingest.code).toBe(0);
    // nrp status shows the marts as last built, and says that a load is waiting for the build.
    const waiting = await nrp(['status', '--db', db, '--period', '2023Q2']);
    expect([waiting.code, waiting.stderr]).toEqual([0, expect.stringContaining('1 table snapshot(s) loaded since the last build')]);
    expect((await nrp(['build', '--db', db])).code).toBe(0);
    expect((await nrp(['status', '--db', db, '--period', '2023Q2'])).stderr).toBe('');

    // Re-issuing the same document number with other figures is refused, and nothing is written …
    const refused = await nrp(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'refused'), '--issue']);
    expect(refused.code).toBe(1);
    expect(existsSync(join(dir, 'refused', 'bulletin-2023Q2.pdf'))).toBe(false);
    // … a corrected bulletin gets a new number.
    const corrected = { ...config, periods: { ...config.periods, '2023Q2': { serial: 40, issuedOn: '2023-08-01' } } };
    const configFile = join(dir, 'bulletin.config.json');
    writeFileSync(configFile, JSON.stringify(corrected));
    const second = await nrp(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'second'), '--config', configFile]);
    expect(second.code).toBe(0);
    const text = squeeze((await pdfPages(join(dir, 'second', 'bulletin-2023Q2.pdf'))).join('\n'));
    expect(text).toContain(`海宁市新增耕地为更正后数据，${number}通报数为${quantity(before!.actual, '亩')}`);
    expect(text).toContain('海宁市在上次通报后重新报送数据');
    expect(text).not.toContain('南湖区新增耕地为更正后数据');
    // The warning raised when the correction was loaded: in 四、存在问题 and in 附件2.
    expect(text).toMatch(/海宁市报送的数据载入时产生校验提示1条/);
    expect(text).toContain('海宁市指标进度2');
    expect(text).toContain('海宁市_2023Q2_指标进度.csv');
  });
});

describe('nrp report --unit', () => {
  const dir = tempDir('nrp-report-unit-');

  it('writes a bulletin for one unit, with its rank and only its own submissions', async () => {
    const db = await sampleWarehouseCopy(dir);
    const result = await nrp(['report', '-p', '2023年第二季度', '--db', db, '--unit', '海宁', '--out', dir]);
    expect(result.code).toBe(0);
    const text = squeeze((await pdfPages(join(dir, 'bulletin-2023Q2-330481.pdf'))).join('\n'));
    const land = await withReadWarehouse(db, (wh) => wh.one<{ actual: number; completion_pct: number; rank: number }>(
      "select actual, completion_pct, rank from mart_indicator_progress where period = '2023Q2' and unit_code = '330481' and indicator_code = 'land_supply'"));
    expect(text).toContain('关于2023年第二季度海宁市自然资源和规划主要目标任务进展情况的通报');
    expect(text).toContain(config.unitAddressees['330481']);
    expect(text).toContain(`海宁市国有土地供应总量${quantity(land!.actual, '亩')}，完成年度目标的${land!.completion_pct.toFixed(1)}%`);
    expect(text).toContain(`居全市第${land!.rank}位`);
    expect(text).toContain('海宁市_2023Q2_指标进度.csv');
    expect(text).not.toContain('南湖区_2023Q2.xlsx');
  });
});

describe('nrp report: errors', () => {
  const dir = tempDir('nrp-report-err-');

  it('refuses a period it cannot read, an unknown unit, an aggregate as unit, a unit with --issue, and a period without configuration', async () => {
    const db = await sampleWarehouseCopy(dir);
    expect((await nrp(['report', '--period', '2023Q5', '--db', db])).code).toBe(2);
    const unit = await nrp(['report', '--period', '2023Q2', '--db', db, '--unit', '平胡市']);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('平湖市');
    expect((await nrp(['report', '--period', '2023Q2', '--db', db, '--unit', '全市'])).code).toBe(2); // the city bulletin is the default, not a unit
    expect((await nrp(['report', '--period', '2023Q2', '--db', db, '--unit', '海宁市', '--issue'])).code).toBe(2);
    const file = join(dir, 'c.json');
    copyFileSync(DEFAULT_CONFIG_PATH, file);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    delete parsed.periods['2023Q2'];
    writeFileSync(file, JSON.stringify(parsed));
    const none = await nrp(['report', '--period', '2023Q2', '--db', db, '--config', file, '--out', dir]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('2023Q2');
    expect(existsSync(join(dir, 'bulletin-2023Q2.pdf'))).toBe(false);
    const later = await nrp(['report', '--period', '2024Q1', '--db', db, '--out', dir]);
    expect([later.code, later.stderr]).toEqual([1, expect.stringContaining('nrp build')]);
    // A warehouse where nrp build has not run yet.
    const fresh = await nrp(['report', '--period', '2023Q2', '--db', join(dir, 'fresh.duckdb'), '--out', dir]);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('nrp build');
    const status = await nrp(['status', '--period', '2023Q2', '--db', join(dir, 'fresh.duckdb')]);
    expect([status.code, status.stderr]).toEqual([1, expect.stringContaining('nrp build')]);
  });
});

/**
 * Through real files: CSVs written by the test, loaded by ingest (pipelines/ingest) and built.
 * The values are worked out by hand below; this checks that the models read what ingest writes
 * (typed values, canonical list values, versions) the same way as the hand-inserted rows of the
 * other tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipelines/ingest';
import { openForWrite } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { build, progressRow } from './warehouse';

const LEDGER_HEADER = '地块编号,项目名称,供地方式,土地用途,供地面积（亩）,是否存量,成交价款（万元）,供地日期,约定开工日期,约定竣工日期,实际开工日期,实际竣工日期,延期开工日期,延期竣工日期';

describe('ingest → build', () => {
  it('computes the figures from CSV submissions as typed by people', async () => {
    const dir = tempDir();
    // G1: 挂牌出让 (= 出让) 工业用地 (= 工业) "1,200" 亩, 3000 万元, supplied 2023/3/14, due 04-01, started 04-10.
    // G2: 划拨 300 亩 stock, supplied 05-01, due 05-20 but extended to 09-01 → not due.
    // G3: 协议出让 住宅 500 亩, supplied 2022 (outside the window), due 2022-12-01, not started → due.
    // land_supply 1200 + 300 = 1500; industrial_share 1200 / 1200 = 100 %; transfer_revenue 0.3 亿元;
    // stock_land_revitalized 300; commencement 1 started / 2 due = 50 %.
    writeFileSync(join(dir, '海宁市_2023Q2_供地台账.csv'), [
      LEDGER_HEADER,
      'G1,甲项目,挂牌出让,工业用地,"1,200",否,3000,2023/3/14,2023-04-01,2025-04-01,2023-04-10,,,',
      'G2,乙项目,划拨,公共管理与公共服务,300,是,,2023-05-01,2023-05-20,2025-05-20,,,2023-09-01,',
      'G3,丙项目,协议出让,住宅,500,否,8000,2022-06-01,2022-12-01,2024-12-01,,,,',
    ].join('\n') + '\n');
    // new_farmland 1085 of 海宁's 2170 = 50 % at Q2 (expected 50 %) → green on the edge.
    // idle_land_disposal 19 / 20 = 95 % against 100 with band 5 → yellow on the edge.
    writeFileSync(join(dir, '海宁市_2023Q2_指标进度.csv'), [
      '指标代码,累计完成,分子,分母,备注',
      'new_farmland,1085,,,',
      'idle_land_disposal,,19,20,',
    ].join('\n') + '\n');
    const wh = await openForWrite(':memory:');
    try {
      const report = await ingestFiles(wh, [dir]);
      expect(report.rejected).toBe(0);
      expect(report.accepted).toBe(2);
      await build(wh);
      expect((await progressRow(wh, '2023Q2', '330481', 'land_supply')).actual).toBe(1500);
      expect((await progressRow(wh, '2023Q2', '330481', 'industrial_share')).actual).toBe(100);
      expect((await progressRow(wh, '2023Q2', '330481', 'transfer_revenue')).actual).toBeCloseTo(0.3, 12);
      expect((await progressRow(wh, '2023Q2', '330481', 'stock_land_revitalized')).actual).toBe(300);
      const start = await progressRow(wh, '2023Q2', '330481', 'commencement_rate');
      expect([start.numerator, start.denominator, start.actual]).toEqual([1, 2, 50]);
      const farmland = await progressRow(wh, '2023Q2', '330481', 'new_farmland');
      expect([farmland.completion_pct, farmland.status]).toEqual([50, 'green']);
      const idle = await progressRow(wh, '2023Q2', '330481', 'idle_land_disposal');
      expect([idle.actual, idle.status]).toEqual([95, 'yellow']);
      // Only 海宁 sent anything: 全市 is 海宁's figures, eight units named missing.
      const city = await progressRow(wh, '2023Q2', '330400', 'land_supply');
      expect(city.actual).toBe(1500);
      expect(city.missing_units?.split('、')).toHaveLength(8);
      // The patches table was not sent: no_data.
      expect((await progressRow(wh, '2023Q2', '330481', 'illegal_farmland_ratio')).status).toBe('no_data');
    } finally {
      wh.close();
    }
  });
});

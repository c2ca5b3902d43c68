import type ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxMessages } from '../../pipelines/messages';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { chineseNumber, STATUS_LABEL } from '../../reports/format';
import { STATUS_FILL } from '../../reports/format';
import { NO_WARNINGS } from '../../reports/text/sources';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';
import { readMarts, utcDay, utcMoment, type PeriodMarts } from './marts';
import { dataRows, fillOf, headers, readWorkbook, sheet } from './read';

/**
 * `nrp feedback` on the sample year's 2023Q3 (嘉兴港区 sent nothing): one workbook per reporting
 * unit, each read back and compared with the marts.
 */
const PERIOD = '2023Q3';

describe('nrp feedback: a workbook per unit', () => {
  const dir = tempDir('nrp-xlsx-feedback-');
  let db = '';
  let m: PeriodMarts;
  let units: { unit_code: string; unit_name: string }[];
  let ranked: Map<string, number>;
  const book = (name: string) => readWorkbook(join(dir, 'all', `反馈-${name}-${PERIOD}.xlsx`));

  beforeAll(async () => {
    db = await sampleWarehouse();
    m = await readMarts(db, PERIOD);
    units = await withReadWarehouse(db, (wh) =>
      wh.all<{ unit_code: string; unit_name: string }>(
        "select distinct unit_code, unit_name, unit_order from mart_indicator_progress where period = ? and unit_kind <> 'aggregate' order by unit_order", [PERIOD]));
    ranked = new Map((await withReadWarehouse(db, (wh) =>
      wh.all<{ indicator_code: string; n: number }>('select indicator_code, cast(count(rank) as integer) as n from mart_indicator_progress where period = ? group by indicator_code', [PERIOD])))
      .map((r) => [r.indicator_code, r.n]));
    const result = await nrp(['feedback', '--period', PERIOD, '--db', db, '--out', join(dir, 'all')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`wrote ${units.length} feedback workbook(s)`);
  });

  it('writes 反馈-<unit>-<P>.xlsx for every reporting unit, and nothing else', () => {
    expect(units.length).toBe(9);
    expect(readdirSync(join(dir, 'all')).sort()).toEqual(units.map((u) => `反馈-${u.unit_name}-${PERIOD}.xlsx`).sort());
  });

  it('本单位指标: the unit’s every figure, rank among the ranked units, gap, light and the city’s figure, as the mart has them', async () => {
    const wb = await book('海宁市');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['本单位指标', '需关注指标', '报送情况', '校验提示', '重点工作']);
    const ws = sheet(wb, '本单位指标');
    expect(ws.getCell('A1').value).toBe('海宁市2023年第三季度主要目标任务完成情况反馈');
    const own = m.rows.filter((r) => r.unit_code === '330481');
    const rows = dataRows(ws).slice(0, own.length);
    own.forEach((r, i) => {
      const c = rows[i];
      const city = m.rows.find((x) => x.is_city && x.indicator_code === r.indicator_code)!;
      expect(c.map((x) => x.value)).toEqual([
        r.main_target === null ? null : chineseNumber(r.main_target), r.indicator_name, r.unit_of_measure, r.target, r.actual,
        r.kind === 'cumulative' ? r.completion_pct : null, r.kind === 'cumulative' ? r.expected_pct : null,
        r.kind === 'cumulative' ? r.gap_pp : c[7].value, r.rank, ranked.get(r.indicator_code) || null, STATUS_LABEL[r.status], city.actual,
      ]);
      if (r.kind !== 'cumulative' && r.unit_of_measure === '%') expect(c[7].value as number).toBeCloseTo(r.actual! - r.target!, 9);
      expect(fillOf(c[10])).toBe(STATUS_FILL[r.status]);
    });
    expect(own.some((r) => r.rank !== null)).toBe(true);
  });

  it('需关注指标: exactly the indicators where the unit is red or yellow, each with the bulletin’s sentence', async () => {
    const ws = sheet(await book('海宁市'), '需关注指标');
    const flagged = m.rows.filter((r) => r.unit_code === '330481' && (r.status === 'red' || r.status === 'yellow'));
    expect(flagged.length).toBeGreaterThan(0);
    const rows = dataRows(ws).slice(0, flagged.length);
    expect(rows.map((c) => [c[0].value, c[1].value, c[4].value, c[7].value])).toEqual(flagged.map((r) => [r.indicator_name, STATUS_LABEL[r.status], r.actual, r.rank]));
    for (const [i, r] of flagged.entries()) expect(rows[i][8].value).toMatch(new RegExp(`^海宁市${r.indicator_name.replace(/[()（）]/g, '.')}.*居全市第${r.rank}位`));
    expect(dataRows(ws).map((c) => c[0].value)).not.toContain(xlsxMessages.note.noAttention);
    expect(dataRows(ws).length).toBe(flagged.length); // the table, and no note under it
  });

  it('报送情况 and 校验提示: every table the unit was due to send, arrived or not, and the warnings on what it sent', async () => {
    for (const u of units) {
      const wb = await book(u.unit_name);
      const due = m.submissions.filter((s) => s.unit_code === u.unit_code);
      const rows = dataRows(sheet(wb, '报送情况')).slice(0, due.length);
      expect(rows.map((c) => [c[0].value, c[1].value, c[2].value, c[3].value, c[6].value])).toEqual(
        due.map((s) => [u.unit_name, s.table_name, s.arrived ? '已报送' : '未报送', s.version, s.row_count]));
      due.forEach((s, i) => expect(rows[i][5].value).toEqual(s.loaded_at ? utcMoment(s.loaded_at) : null));
      const warnings = due.flatMap((s) => s.warnings);
      const notes = dataRows(sheet(wb, '校验提示')).map((c) => c[0].value);
      expect(notes).toContain(warnings.length ? expect.anything() : NO_WARNINGS);
    }
    // 嘉兴港区 sent nothing for 2023Q3: every table 未报送 on the grey of the PDF, and nothing to flag.
    const port = await book('嘉兴港区');
    const rows = dataRows(sheet(port, '报送情况')).slice(0, 3);
    expect(rows.map((c) => [c[2].value, fillOf(c[2])])).toEqual([0, 1, 2].map(() => ['未报送', STATUS_FILL.missing]));
    expect(dataRows(sheet(port, '本单位指标')).filter((c) => c[10].value === '未报送').length).toBe(m.rows.filter((r) => r.unit_name === '嘉兴港区').length);
    expect(dataRows(sheet(port, '需关注指标')).map((c) => c[0].value)).toContain(xlsxMessages.note.noAttention);
  });

  it('重点工作: the milestones of the tasks whose units_involved names the unit, and a note where none does', async () => {
    for (const u of units) {
      const ws = sheet(await book(u.unit_name), '重点工作');
      const named = m.milestones.filter((k) => k.units_involved.includes(u.unit_name));
      const rows = dataRows(ws).filter((c) => typeof c[1].value === 'number');
      expect(rows.map((c) => [c[2].value, c[8].value])).toEqual(named.map((k) => [k.milestone, k.status_name]));
      rows.forEach((c, i) => expect(c[5].value).toEqual(utcDay(named[i].due_date)));
      if (named.length === 0) expect(dataRows(ws).map((c) => c[0].value)).toContain(xlsxMessages.note.noKeyTasks);
    }
    expect(m.milestones.some((k) => k.units_involved.includes('海宁市'))).toBe(true);
    expect(m.milestones.some((k) => k.units_involved.includes('南湖区'))).toBe(false);
  });

  it('every sheet is set up for printing like the bulletin’s: frozen header, A4 landscape fitted to width, footer', async () => {
    const wb: ExcelJS.Workbook = await book('嘉善县');
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
      expect(ws.headerFooter.oddFooter).toMatch(/&A.*第 &P 页/);
      expect(headers(ws).every((h) => h === null || typeof h === 'string')).toBe(true);
    }
  });

  it('--unit writes that unit’s workbook only, the same bytes as before; an aggregate or no period is a usage error', async () => {
    const one = await nrp(['feedback', '-p', '2023年第三季度', '--db', db, '--unit', '海宁', '--out', join(dir, 'one')]);
    expect(one.code, one.stderr).toBe(0);
    expect(readdirSync(join(dir, 'one'))).toEqual([`反馈-海宁市-${PERIOD}.xlsx`]);
    expect(readFileSync(join(dir, 'one', `反馈-海宁市-${PERIOD}.xlsx`)).equals(readFileSync(join(dir, 'all', `反馈-海宁市-${PERIOD}.xlsx`)))).toBe(true);
    expect((await nrp(['feedback', '--period', PERIOD, '--db', db, '--unit', '全市', '--out', join(dir, 'x')])).code).toBe(2);
    expect((await nrp(['feedback', '--db', db])).code).toBe(2);
    const help = await nrp(['feedback', '--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('反馈-<unit name>-<P>.xlsx')]);
    expect((await nrp(['--help'])).stdout).toContain('feedback');
  });
});

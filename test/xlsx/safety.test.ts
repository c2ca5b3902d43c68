import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../pipelines/models';
import { neutraliseFormula } from '../../pipelines/query/format-csv';
import { withReadWarehouse, withWriteWarehouse } from '../../pipelines/warehouse';
import { quantity } from '../../reports/format';
import { DEFAULT_CONFIG_PATH } from '../../reports/model/config';
import { zipEntryNames } from '../../reports/xlsx';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouseCopy } from '../mart-warehouse';
import { submitKeyTaskProgress } from '../models/key-task-warehouse';
import { correctedSummaryCsv } from '../report/correction';
import { dataRows, libreOfficeCsv, readWorkbook, sheet, SOFFICE, zipPart } from './read';

/**
 * What the units and divisions type reaches the workbooks as text: a division's report that
 * reads like a formula stays text (the CSV export's rule, pipelines/query/format-csv.ts), in
 * exceljs and in LibreOffice; the warnings raised on a resubmission are listed; a figure changed
 * since the bulletin was issued carries its footnote. All through the real ingest and build of a
 * copy of the sample warehouse.
 */
const PERIOD = '2023Q2';
const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
const issued = `${config.documentPrefix}〔2023〕${config.periods[PERIOD].serial}号`;
const HOSTILE = {
  text: '=HYPERLINK("http://example.com/x","点击查看")',
  problems: '+1 待协调',
  nextSteps: '@SUM(A1:A9)',
  done: '-已完成验收',
};

describe('workbooks: text stays text, warnings and restatements are shown', () => {
  const dir = tempDir('nrp-xlsx-safety-');
  let db = '';
  let bulletin = '';
  let feedback = '';
  let before = 0;

  beforeAll(async () => {
    db = await sampleWarehouseCopy(dir);
    // The bulletin is issued, then 海宁市 resends its 指标进度 (新增耕地 changed; a rate that disagrees with 分子/分母: a warning) …
    expect((await nrp(['report', '--period', PERIOD, '--db', db, '--out', join(dir, 'issued'), '--issue'])).code).toBe(0);
    before = (await withReadWarehouse(db, (wh) => wh.one<{ actual: number }>(
      "select actual from mart_indicator_progress where period = ? and is_city and indicator_code = 'new_farmland'", [PERIOD])))!.actual;
    mkdirSync(join(dir, 'correction'));
    const haining = (await withReadWarehouse(db, (wh) => wh.one<{ actual: number }>(
      "select actual from mart_indicator_progress where period = ? and unit_code = '330481' and indicator_code = 'new_farmland'", [PERIOD])))!.actual;
    const csv = await correctedSummaryCsv(db, join(dir, 'correction'), { code: '330481', name: '海宁市' }, PERIOD, {
      new_farmland: { value: haining + 1234.5 },
      idle_land_disposal: { value: 99.9 },
    });
    expect((await nrp(['ingest', '--db', db, csv])).code).toBe(0);
    // … and the lead division of a task that names 海宁市 reports on it, in words that read like formulas.
    await withWriteWarehouse(db, async (wh) => {
      const lead = await wh.one<{ lead_code: string }>("select distinct lead_code from mart_key_task_progress where task_code = 'T1-2'");
      await submitKeyTaskProgress(wh, lead!.lead_code, PERIOD, [
        { task: 'T1-2', no: 1, status: '推进中', progress: 40, text: HOSTILE.text, problems: HOSTILE.problems, nextSteps: HOSTILE.nextSteps },
        { task: 'T1-2', no: 3, status: '已完成', completedOn: '2023-06-20', text: HOSTILE.done },
      ]);
      await buildWarehouse(wh);
    });
    // The corrected bulletin takes a new number.
    const corrected = join(dir, 'corrected.json');
    writeFileSync(corrected, JSON.stringify({ ...config, periods: { ...config.periods, [PERIOD]: { serial: 40, issuedOn: '2023-08-01' } } }));
    const report = await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'xlsx', '--config', corrected, '--out', join(dir, 'out')]);
    expect(report.code, report.stderr).toBe(0);
    const fb = await nrp(['feedback', '--period', PERIOD, '--db', db, '--unit', '海宁市', '--config', corrected, '--out', join(dir, 'out')]);
    expect(fb.code, fb.stderr).toBe(0);
    bulletin = join(dir, 'out', `bulletin-${PERIOD}.xlsx`);
    feedback = join(dir, 'out', `反馈-海宁市-${PERIOD}.xlsx`);
  });

  it('stores a report that reads like a formula as text, with the CSV export’s apostrophe, and writes no formula', async () => {
    for (const file of [bulletin, feedback]) {
      const ws = sheet(await readWorkbook(file), '重点工作');
      const cells = dataRows(ws).flat();
      for (const text of Object.values(HOSTILE)) {
        const cell = cells.find((c) => c.value === neutraliseFormula(text));
        expect(cell, `${file}: ${text}`).toBeDefined();
        expect(cell!.type).toBe(ExcelJS.ValueType.String);
        expect(neutraliseFormula(text)).toBe(`'${text}`);
      }
      const bytes = readFileSync(file);
      for (const part of zipEntryNames(bytes).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
        expect(zipPart(bytes, part), part).not.toMatch(/<f[ >]|TargetMode="External"|<hyperlink/);
      }
    }
  });

  it.skipIf(!SOFFICE)('LibreOffice reads the formula-looking report as that text, not as a formula (skipped where soffice is not installed)', () => {
    const sheets = libreOfficeCsv(bulletin, join(dir, 'lo'), false);
    const fields = sheets.get('重点工作')!.flat();
    expect(fields).toContain(`'${HOSTILE.text}`);
    expect(fields).not.toContain('点击查看');
  });

  it('lists the warning raised on the resubmission, in the bulletin’s 数据来源 and the unit’s 校验提示', async () => {
    const warnings = (await withReadWarehouse(db, (wh) => wh.one<{ warnings: string[] }>(
      "select warnings from mart_submission_status where period = ? and unit_code = '330481' and table_name = '指标进度'", [PERIOD])))!.warnings;
    expect(warnings.length).toBe(1);
    const sources = dataRows(sheet(await readWorkbook(bulletin), '数据来源'));
    expect(sources.find((c) => c[0].value === '海宁市' && c[1].value === '指标进度')![7].value).toBe(warnings.join('\n'));
    const own = dataRows(sheet(await readWorkbook(feedback), '校验提示'));
    expect(own.map((c) => [c[1].value, c[4].value]).filter(([t]) => t === '指标进度')).toEqual(warnings.map((w) => ['指标进度', w]));
  });

  it('marks a figure changed since the issued bulletin with its footnote, the value still a number, the note as the PDF words it', async () => {
    const wb = await readWorkbook(bulletin);
    const main = sheet(wb, '主要目标');
    const row = dataRows(main).find((c) => c[1].value === '新增耕地')!;
    const now = (await withReadWarehouse(db, (wh) => wh.one<{ actual: number }>(
      "select actual from mart_indicator_progress where period = ? and is_city and indicator_code = 'new_farmland'", [PERIOD])))!.actual;
    expect(now).toBeCloseTo(before + 1234.5, 6);
    expect(row[4].value).toBe(now);
    expect(row[4].numFmt).toMatch(/^#,##0\.00"注\d+"$/);
    const notes = main.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(notes.some((n) => n.startsWith(`注${/注(\d+)/.exec(row[4].numFmt)![1]}：全市新增耕地为更正后数据，${issued}通报数为${quantity(before, '亩')}`))).toBe(true);
  });
});

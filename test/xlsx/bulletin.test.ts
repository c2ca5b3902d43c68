import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxMessages } from '../../pipelines/messages';
import { displayWidth } from '../../pipelines/query/width';
import { chineseNumber, STATUS_LABEL } from '../../reports/format';
import type { ProgressRow } from '../../reports/mart';
import { DEFAULT_CONFIG_PATH } from '../../reports/model/config';
import { STATUS_FILL } from '../../reports/format';
import { zipEntryNames } from '../../reports/xlsx';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';
import { readMarts, utcDay, utcMoment, type PeriodMarts } from './marts';
import { dataRows, fillOf, headers, own, readWorkbook, sheet, zipPart } from './read';

/**
 * The bulletin workbook of 2023Q3 (嘉兴港区 sent nothing), written by `nrp report --format xlsx`
 * from the sample year through the real ingest and build, read back with exceljs and its zip
 * parts, every value compared with the marts.
 */
const PERIOD = '2023Q3';
const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
const issuedOn: string = config.periods[PERIOD].issuedOn;

/** The formats the issue asks for: 亩 (and other amounts) to two decimals, % to one, counts whole. */
const expectedFormat = (unit: string) => (unit === '%' ? '0.0' : ['个', '条', '宗'].includes(unit) ? '#,##0' : '#,##0.00');

describe('nrp report --format xlsx: the city bulletin workbook', () => {
  const dir = tempDir('nrp-xlsx-bulletin-');
  let db = '';
  let file = '';
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  let m: PeriodMarts;
  const city = () => m.rows.filter((r) => r.is_city);
  const families = () => [...new Map(m.rows.filter((r) => r.main_target !== null).map((r) => [r.main_target!, r.main_target_title!])).entries()].sort((a, b) => a[0] - b[0]);

  beforeAll(async () => {
    db = await sampleWarehouse();
    m = await readMarts(db, PERIOD);
    const result = await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'xlsx', '--out', join(dir, 'a')]);
    expect(result.code, result.stderr).toBe(0);
    file = join(dir, 'a', `bulletin-${PERIOD}.xlsx`);
    expect(result.stderr).toContain(file);
    bytes = readFileSync(file);
    wb = await readWorkbook(file);
  });

  it('writes only the workbook (no PDF asked for, no temp file left) with the sheets in the bulletin’s order', () => {
    expect(readdirSync(join(dir, 'a'))).toEqual([`bulletin-${PERIOD}.xlsx`]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '主要目标',
      '各地完成情况',
      ...families().map(([n, title]) => xlsxMessages.sheet.family(chineseNumber(n), title)),
      '重点工作',
      '报送情况',
      '数据来源',
    ]);
  });

  it('主要目标: each main-target indicator of the city as the mart has it, numbers as numbers in the PDF’s formats', () => {
    const ws = sheet(wb, '主要目标');
    expect(headers(ws)).toEqual(['序号', '指标', '计量单位', '年度目标', '累计完成\n（实际值）', '完成率\n（%）', '序时进度\n（%）', '差值\n（个百分点）', '亮灯']);
    const expected = city().filter((r) => r.main_target !== null);
    const rows = dataRows(ws).slice(0, expected.length);
    expect(rows.map((c) => c[1].value)).toEqual(expected.map((r) => r.indicator_name));
    expected.forEach((r, i) => {
      const c = rows[i];
      expect(c[0].value).toBe(chineseNumber(r.main_target!));
      expect(c[2].value).toBe(r.unit_of_measure);
      expect(c[3].value).toBe(r.target);
      expect(c[4].value).toBe(r.actual);
      expect(c[4].numFmt).toBe(expectedFormat(r.unit_of_measure));
      // A line not to fall below or exceed carries ≥ / ≤ in its format, as the PDF prints it; the value stays a number.
      expect(c[3].numFmt).toBe(r.kind === 'cumulative' ? expectedFormat(r.unit_of_measure) : `"${r.direction === 'max' ? '≤' : '≥'}"${expectedFormat(r.unit_of_measure)}`);
      expect(c[5].value).toBe(r.kind === 'cumulative' ? r.completion_pct : null);
      expect(c[6].value).toBe(r.kind === 'cumulative' ? r.expected_pct : null);
      if (r.kind === 'cumulative') expect(c[7].value).toBe(r.gap_pp);
      else if (r.unit_of_measure === '%') expect(c[7].value as number).toBeCloseTo(r.actual! - r.target!, 9);
      else expect(c[7].value).toBeNull();
      for (const k of [5, 6]) expect(c[k].numFmt).toBe('0.0');
      expect(c[7].numFmt).toBe('+0.0;-0.0;0.0');
      expect(c[8].value).toBe(STATUS_LABEL[r.status]);
      expect(fillOf(c[8])).toBe(STATUS_FILL[r.status]);
    });
    // 嘉兴港区 sent nothing: said under the table as the bulletin says it.
    const notes = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(notes).toContain('嘉兴港区未按时报送，全市数据不含该区。');
  });

  it('各地完成情况: every unit × indicator figure, completion and light of the mart, the light as a word and as the PDF’s fill', () => {
    const ws = sheet(wb, '各地完成情况');
    const units = [...new Map(m.rows.map((r) => [r.unit_code, r])).values()].sort((a, b) => a.unit_order - b.unit_order);
    expect(headers(ws)).toEqual(['指标', '计量单位', '项目', '全市目标', ...units.map((u) => u.unit_short_name)]);
    const rows = dataRows(ws);
    let checked = 0;
    for (const r of m.rows) {
      const at = rows.findIndex((c) => own(c[0]) === r.indicator_name);
      expect(at, r.indicator_name).toBeGreaterThanOrEqual(0);
      const col = 4 + units.findIndex((u) => u.unit_code === r.unit_code);
      const lines = r.kind === 'cumulative' ? ['累计完成', '完成率（%）', '亮灯'] : ['实际值', '亮灯'];
      expect(rows.slice(at, at + lines.length).map((c) => c[2].value)).toEqual(lines);
      const value = rows[at][col];
      const light = rows[at + lines.length - 1][col];
      expect(value.value).toBe(r.status === 'missing' ? null : r.actual);
      expect(value.numFmt).toBe(expectedFormat(r.unit_of_measure));
      if (r.kind === 'cumulative') expect(rows[at + 1][col].value).toBe(r.status === 'missing' ? null : r.completion_pct);
      expect(light.value).toBe(STATUS_LABEL[r.status]);
      expect([fillOf(value), fillOf(light)]).toEqual([STATUS_FILL[r.status], STATUS_FILL[r.status]]);
      checked += 1;
    }
    expect(checked).toBe(m.rows.length);
    expect(m.rows.some((r) => r.status === 'missing')).toBe(true);
    expect(m.rows.some((r) => r.status === 'red')).toBe(true);
  });

  it('one sheet per main target: each indicator’s ranking table, units in rank order, every figure the mart’s', () => {
    for (const [n, title] of families()) {
      const ws = sheet(wb, xlsxMessages.sheet.family(chineseNumber(n), title));
      expect(headers(ws)).toEqual(['排名', '单位', '目标', '累计完成\n（实际值）', '完成率\n（%）', '差值\n（个百分点）', '亮灯']);
      const rows = dataRows(ws);
      const indicators = [...new Set(m.rows.filter((r) => r.main_target === n).map((r) => r.indicator_code))];
      for (const code of indicators) {
        const of = m.rows.filter((r) => r.indicator_code === code);
        const at = rows.findIndex((c) => c[0].value === xlsxMessages.rankingCaption(of[0].indicator_name, of[0].unit_of_measure));
        expect(at, of[0].indicator_name).toBeGreaterThanOrEqual(0);
        const block = rows.slice(at + 1, at + 1 + of.length);
        const byName = new Map(block.map((c) => [c[1].value as string, c]));
        for (const r of of) {
          const c = byName.get(r.unit_name)!;
          expect(c, r.unit_name).toBeDefined();
          expect([c[0].value, c[2].value, c[3].value, c[4].value, c[6].value]).toEqual([
            r.rank, r.target, r.status === 'missing' ? null : r.actual, r.kind === 'cumulative' && r.status !== 'missing' ? r.completion_pct : null, STATUS_LABEL[r.status]]);
        }
        // Ranked units first, by rank; the aggregates last, in bold as in the PDF.
        const ranks = block.map((c) => c[0].value as number | null);
        const firstUnranked = ranks.findIndex((x) => x === null);
        const ranked = ranks.slice(0, firstUnranked < 0 ? undefined : firstUnranked) as number[];
        expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
        expect(ranks.slice(ranked.length).every((x) => x === null)).toBe(true);
        const aggregates = of.filter((r) => r.unit_kind === 'aggregate').map((r) => r.unit_name);
        expect(block.slice(-aggregates.length).map((c) => [c[1].value, c[1].font?.bold])).toEqual(aggregates.map((a) => [a, true]));
      }
    }
  });

  it('重点工作: every milestone of the period with its status, dates and progress as mart_key_task_progress has them', () => {
    const ws = sheet(wb, '重点工作');
    const rows = dataRows(ws).filter((c) => typeof c[1].value === 'number');
    expect(rows.length).toBe(m.milestones.length);
    m.milestones.forEach((k, i) => {
      const c = rows[i];
      expect(c[0].value).toBe(`${k.task_no}．${k.task_title}`);
      expect([c[1].value, c[2].value, c[3].value, c[4].value ?? '']).toEqual([k.milestone_no, k.milestone, k.lead, k.units_involved.join('、')]);
      expect(c[5].value).toEqual(utcDay(k.due_date));
      expect([c[6].value, c[7].value, c[8].value]).toEqual([k.schedule_pct, k.progress_pct, k.status_name]);
      expect(fillOf(c[8])).toBe(k.light === 'grey' ? STATUS_FILL.missing : STATUS_FILL[k.light]);
    });
    const sections = [...new Set(m.milestones.map((k) => `${k.section}、${k.section_title}`))];
    expect(dataRows(ws).filter((c) => c[1].type === ExcelJS.ValueType.Merge && sections.includes(c[0].value as string)).map((c) => c[0].value)).toEqual(sections);
  });

  it('报送情况 and 数据来源: who sent what, version, load time, file, sha256 and warnings, as mart_submission_status has them', () => {
    const status = dataRows(sheet(wb, '报送情况'));
    expect(status.length).toBeGreaterThanOrEqual(m.submissions.length);
    m.submissions.forEach((s, i) => {
      const c = status[i];
      expect([c[0].value, c[1].value, c[2].value, c[3].value, c[4].value, c[6].value, c[7].value]).toEqual([
        s.unit_name, s.table_name, s.arrived ? '已报送' : '未报送', s.version, s.version_count, s.row_count, s.warning_count]);
      expect(c[5].value).toEqual(s.loaded_at ? utcMoment(s.loaded_at) : null);
      expect(fillOf(c[2])).toBe(s.arrived ? undefined : STATUS_FILL.missing);
    });
    const arrived = m.submissions.filter((s) => s.arrived);
    const sources = dataRows(sheet(wb, '数据来源'));
    arrived.forEach((s, i) => {
      const c = sources[i];
      expect([c[0].value, c[1].value, c[2].value, c[3].value, c[4].value, c[6].value, c[7].value]).toEqual([
        s.unit_name, s.table_name, s.version, s.file_name, s.sha256, s.row_count, s.warnings.length ? s.warnings.join('\n') : null]);
      expect(c[5].value).toEqual(utcMoment(s.loaded_at!));
      expect(c[5].numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    });
  });

  it('every sheet: header rows frozen and repeated on each page, A4 landscape fitted to one page wide, sheet name and page in the footer', () => {
    const workbookXml = zipPart(bytes, 'xl/workbook.xml');
    for (const [i, ws] of wb.worksheets.entries()) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
      expect(ws.headerFooter.oddFooter).toMatch(/&A.*第 &P 页/);
      const xml = zipPart(bytes, `xl/worksheets/sheet${i + 1}.xml`);
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${ws.name}&apos;!$1:$3</definedName>`);
    }
    expect(sheet(wb, '各地完成情况').views[0]).toMatchObject({ xSplit: 3 });
  });

  it('breaks pages between blocks: an indicator’s lines in the matrix, a ranking’s caption with its table', () => {
    const breaksOf = (i: number) => [...zipPart(bytes, `xl/worksheets/sheet${i + 1}.xml`).matchAll(/<brk id="(\d+)"/g)].map((x) => Number(x[1]));
    const matrix = wb.worksheets.findIndex((w) => w.name === '各地完成情况');
    const breaks = breaksOf(matrix);
    expect(breaks.length).toBeGreaterThan(0);
    // The row after each break starts an indicator: its first line, its name in the merged cell.
    for (const after of breaks) {
      const next = wb.worksheets[matrix].getRow(after + 1);
      expect(['累计完成', '实际值'], `row ${after + 1}`).toContain(next.getCell(3).value);
      expect(own(next.getCell(1))).not.toBeNull();
    }
    let rankingBreaks = 0;
    for (const [i, ws] of wb.worksheets.entries()) {
      if (!ws.name.startsWith('（')) continue;
      for (const after of breaksOf(i)) {
        expect(ws.getRow(after + 1).getCell(2).type, `${ws.name} row ${after + 1}`).toBe(ExcelJS.ValueType.Merge);
        rankingBreaks += 1;
      }
    }
    expect(rankingBreaks).toBeGreaterThan(0);
  });

  it('columns fit their text: a cell that does not wrap is no wider than its column, a wrapped one has the lines it needs', () => {
    for (const ws of wb.worksheets) {
      for (const row of dataRows(ws)) {
        for (const cell of row) {
          const value = own(cell);
          if (typeof value !== 'string' || cell.isMerged) continue;
          const width = ws.getColumn(Number(cell.col)).width!;
          const longest = Math.max(...value.split('\n').map(displayWidth));
          if (cell.alignment?.wrapText) expect(ws.getRow(Number(cell.row)).height, `${ws.name}!${cell.address}`).toBeGreaterThanOrEqual(15 * Math.ceil(longest / width));
          else expect(longest, `${ws.name}!${cell.address} ${value}`).toBeLessThanOrEqual(width);
        }
      }
      headers(ws).forEach((h, c) => {
        expect(ws.getColumn(c + 1).width, `${ws.name} column ${c + 1}`).toBeGreaterThan(0);
        if (h && !ws.getRow(3).getCell(c + 1).isMerged) expect(Math.max(...h.split('\n').map(displayWidth)), `${ws.name} ${h}`).toBeLessThanOrEqual(ws.getColumn(c + 1).width!);
      });
    }
  });

  it('is the same bytes when written again, dated by the bulletin’s issue date (properties and zip entries), never the clock', async () => {
    const again = await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'xlsx', '--out', join(dir, 'b')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'b', `bulletin-${PERIOD}.xlsx`)).equals(bytes)).toBe(true);
    const core = zipPart(bytes, 'docProps/core.xml');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${issuedOn}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${issuedOn}T00:00:00Z</dcterms:modified>`);
    const [y, mo, d] = issuedOn.split('-').map(Number);
    const dosDate = ((y - 1980) << 9) | (mo << 5) | d;
    let eocd = bytes.length - 22;
    while (bytes.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
    let pos = bytes.readUInt32LE(eocd + 16);
    for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
      expect(bytes.readUInt16LE(pos + 14)).toBe(dosDate);
      pos += 46 + bytes.readUInt16LE(pos + 28) + bytes.readUInt16LE(pos + 30) + bytes.readUInt16LE(pos + 32);
    }
  });

  it('holds no formula, no external link, no macro and no link leaving the file', () => {
    const parts = zipEntryNames(bytes);
    expect(parts.filter((p) => /externalLink|vbaProject|activeX|embeddings|hyperlink/i.test(p))).toEqual([]);
    for (const part of parts.filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      const xml = zipPart(bytes, part);
      expect(xml, part).not.toMatch(/<f[ >]/);
      expect(xml, part).not.toContain('TargetMode="External"');
    }
  });
});

describe('nrp report --format: lists, units and refusals', () => {
  const dir = tempDir('nrp-xlsx-formats-');

  it('--format pdf,xlsx writes both; a one-unit edition shows the unit’s main targets, its own submissions and those of the divisions leading its tasks', async () => {
    const db = await sampleWarehouse();
    const both = await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'pdf,xlsx', '--unit', '海宁市', '--out', dir]);
    expect(both.code, both.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`bulletin-${PERIOD}-330481.pdf`, `bulletin-${PERIOD}-330481.xlsx`]);
    const m = await readMarts(db, PERIOD);
    const wb = await readWorkbook(join(dir, `bulletin-${PERIOD}-330481.xlsx`));
    const own_ = m.rows.filter((r) => r.unit_code === '330481' && r.main_target !== null);
    const main = dataRows(sheet(wb, '主要目标')).slice(0, own_.length);
    expect(main.map((c) => [c[1].value, c[4].value])).toEqual(own_.map((r: ProgressRow) => [r.indicator_name, r.actual]));
    expect(sheet(wb, '主要目标').getCell('A1').value).toBe(`2023年海宁市主要目标任务完成情况`);
    const units = new Set(dataRows(sheet(wb, '报送情况')).map((c) => c[0].value).filter((v) => typeof v === 'string' && !v.startsWith('说明') && !v.startsWith('本期')));
    // Key tasks: only those that name 海宁市; their lead divisions' reports are among the submissions shown, as in the PDF.
    const named = m.milestones.filter((k) => k.units_involved.includes('海宁市'));
    expect([...units]).toEqual(['海宁市', ...new Set(named.sort((a, b) => a.lead_order - b.lead_order).map((k) => k.lead))]);
    expect(dataRows(sheet(wb, '重点工作')).filter((c) => typeof c[1].value === 'number').length).toBe(named.length);
  });

  it('refuses an unknown format, and --issue without the PDF it records', async () => {
    const db = await sampleWarehouse();
    const unknown = await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'xlsx,docx', '--out', dir]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('docx')]);
    const issue = await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'xlsx', '--issue', '--out', dir]);
    expect([issue.code, issue.stderr]).toEqual([2, expect.stringContaining('--issue')]);
  });
});

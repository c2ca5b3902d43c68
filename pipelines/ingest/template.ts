import ExcelJS from 'exceljs';
import { periodCode, periodLabel, type Period } from '../period';
import { neutraliseFormula } from '../query/format-csv';
import { TABLES, type TableSpec } from './tables';

export interface TemplateIndicator {
  code: string;
  name: string;
  unit: string;
  kind: string;
  source: string;
}

/** Rows given a dropdown: the spec's lists, with the aliases people use. */
const LISTS: Record<string, string[]> = {
  supply_method: ['出让', '划拨', '挂牌出让', '拍卖出让', '招标出让', '协议出让'],
  land_use: ['工业', '商服', '住宅', '公共管理与公共服务', '交通运输', '其他'],
  is_stock: ['是', '否'],
  judgement: ['合法', '违法', '其他'],
};
const DATE_KEYS = new Set(['supply_date', 'agreed_start_date', 'agreed_completion_date', 'actual_start_date', 'actual_completion_date', 'extended_start_date', 'extended_completion_date']);
/** Rows prepared with dropdowns and formats below the header. */
const DATA_ROWS = 2000;

/** A cell's text, neutralised so that no spreadsheet reads it as a formula. */
export const text = (s: string) => neutraliseFormula(s);
const KIND_LABEL: Record<string, string> = { cumulative: '累计值', level: '期末存量', rate: '比率：填分子、分母' };

/** The title row, the header row on its fill, both frozen, and widths after the headers (a template may set its own after). */
export function titled(ws: ExcelJS.Worksheet, title: string, headers: string[]): void {
  ws.addRow([text(title)]).font = { bold: true, size: 14 };
  const header = ws.addRow(headers.map(text));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(10, h.length * 2 + 4)));
}

/** A drop-down of `values` in column `col`, from the first row under the header to `lastRow`. */
export function list(ws: ExcelJS.Worksheet, col: number, values: string[], lastRow = DATA_ROWS + 2): void {
  const letter = ws.getColumn(col).letter;
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${letter}3:${letter}${lastRow}`,
    { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: false },
  );
}

function detailSheet(wb: ExcelJS.Workbook, table: TableSpec, title: string, extraLists: Record<string, string[]>): void {
  const ws = wb.addWorksheet(table.name);
  titled(ws, title, table.columns.map((c) => c.header));
  table.columns.forEach((c, i) => {
    const values = extraLists[c.key] ?? LISTS[c.key];
    if (values) list(ws, i + 1, values);
    if (DATE_KEYS.has(c.key)) ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.key === 'parcel_id' || c.key === 'patch_id') ws.getColumn(i + 1).numFmt = '@';
  });
  totalRow(ws, table);
}

/**
 * The 合计 row under the prepared rows, since units add one anyway: each summed column (tables.ts)
 * as a SUM over the prepared rows. Its saved result is 0 (the sheet is empty), so a file saved
 * without recalculating still reads; Excel and WPS recalculate it when they open the file
 * (fullCalcOnLoad), and ingest reads it as a total row and checks it against the rows above.
 */
function totalRow(ws: ExcelJS.Worksheet, table: TableSpec): void {
  const row = ws.getRow(DATA_ROWS + 3);
  row.getCell(1).value = '合计';
  for (const s of table.summed) {
    const col = table.columns.findIndex((c) => c.key === s.key) + 1;
    const letter = ws.getColumn(col).letter;
    row.getCell(col).value = { formula: `SUM(${letter}3:${letter}${DATA_ROWS + 2})`, result: 0 };
  }
  row.font = { bold: true };
}

/** 填报信息, the cover sheet every template starts with: the submitter and the period prefilled, the rest for the clerk. */
export function addCoverSheet(wb: ExcelJS.Workbook, submitter: string, period: Period): void {
  const info = wb.addWorksheet('填报信息');
  info.addRow(['填报单位', text(submitter)]);
  info.addRow(['报告期', periodCode(period)]);
  info.addRow(['填报人', null]);
  info.addRow(['联系电话', null]);
  info.addRow(['填报日期', null]);
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 28;
  info.getColumn(1).font = { bold: true };
}

/**
 * The blank workbook for one unit and period: 填报信息 prefilled, 指标进度 listing the
 * catalogue (code, name, unit of measure), and the two detail sheets with title, header,
 * dropdowns for list values, date formats and a 合计 row. What a unit fills in is what ingest reads.
 */
export function buildTemplate(unitName: string, period: Period, indicators: TemplateIndicator[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nrp';
  wb.calcProperties.fullCalcOnLoad = true; // the 合计 rows' formulas are recalculated on opening
  addCoverSheet(wb, unitName, period);

  const [progress, land, patches] = TABLES;
  const ws = wb.addWorksheet(progress.name);
  titled(ws, `${unitName} ${periodLabel(period)} 自然资源和规划重点指标进度（累计至报告期末）`, ['指标代码', '指标名称', '计量单位', '累计完成', '分子', '分母', '备注']);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 34;
  for (const i of indicators) {
    const note = i.source !== 'summary' ? '可不填：由明细表计算' : KIND_LABEL[i.kind] ?? '';
    const row = ws.addRow([text(i.code), text(i.name), text(i.unit), null, null, null, null]);
    row.getCell(7).note = note;
  }
  detailSheet(wb, land, `${unitName} ${periodLabel(period)} 供地台账（截至报告期末仍在监管的全部地块）`, {});
  const batches = Array.from({ length: period.quarter }, (_, q) => `${period.year}Q${q + 1}`);
  detailSheet(wb, patches, `${unitName} ${periodLabel(period)} 卫片图斑（本年度截至报告期的各监测批次）`, { batch: batches });
  return wb;
}

import { parts, utcDate, type Day } from './dates';
import type { LedgerRow } from './ledger';
import type { Snapshot } from './model';
import type { PatchRow } from './patches';
import type { FormStyle } from './scenario';
import type { SummaryRow } from './summary';

/**
 * Snapshots → the grids a unit types: title rows, a header, data rows, with the unit's habits
 * (FormStyle) applied. Pure: the writers (xlsx.ts, csv.ts) only lay these grids out.
 */
export type Cell = string | number | Date | null;

export type TableName = '指标进度' | '供地台账' | '卫片图斑' | '重点工作进展';
export const TABLE_NAMES: readonly TableName[] = ['指标进度', '供地台账', '卫片图斑'];

export interface Grid {
  table: TableName;
  titles: string[];
  header: string[];
  rows: Cell[][];
  /** Columns holding dates (0-based), for the workbook's date format. */
  dateColumns: number[];
}

const Q_CN = ['一', '二', '三', '四'];

export function grids(s: Snapshot, style: FormStyle, year: number): Grid[] {
  const periodText = `${year}年第${Q_CN[s.quarter - 1]}季度`;
  const titles = (table: TableName, unitNote: string): string[] =>
    [`${s.unit.name}${periodText}${table}`, `填报单位：${s.unit.name}　　${unitNote}`, '（本表数据为年初至报告期末累计数）'].slice(0, style.titleRows);
  return [
    { table: '指标进度', titles: titles('指标进度', '计量单位见各行'), ...indicatorGrid(s.indicators, style) },
    { table: '供地台账', titles: titles('供地台账', '面积单位：亩　金额单位：万元'), ...ledgerGrid(s.ledger, style) },
    { table: '卫片图斑', titles: titles('卫片图斑', '面积单位：亩'), ...patchGrid(s.patches, style, year) },
  ];
}

const DETAIL_CODES = new Set(['commencement_rate', 'completion_rate', 'industrial_share', 'illegal_farmland_ratio']);

function indicatorGrid(rows: SummaryRow[], style: FormStyle): Omit<Grid, 'table' | 'titles'> {
  const header = [
    ...(style.serialColumn ? ['序号'] : []),
    ...(style.indicatorColumns !== 'name' ? ['指标代码'] : []),
    ...(style.indicatorColumns !== 'code' ? ['指标名称'] : []),
    '计量单位', '累计完成', '分子', '分母', '备注',
  ];
  const body = rows.map((r, i): Cell[] => {
    // Rounded to 2 decimals, a declared small rate (0.40 for 0.4047) would differ from the details
    // by more than 1%: units fill 累计完成 for their own summary rates only.
    const fill = r.kind === 'rate' && style.fillRateValue && r.denominator && !DETAIL_CODES.has(r.code);
    const rateValue = fill ? Math.round((10000 * r.numerator!) / r.denominator!) / 100 : null;
    return [
      ...(style.serialColumn ? [i + 1] : []),
      ...(style.indicatorColumns !== 'name' ? [r.code] : []),
      ...(style.indicatorColumns !== 'code' ? [r.name] : []),
      r.unitOfMeasure,
      r.kind === 'rate' ? rateValue : r.value,
      r.numerator,
      r.denominator,
      r.remark,
    ];
  });
  return { header, rows: body, dateColumns: [] };
}

function headerText(style: FormStyle, name: string, unit: string): string {
  if (style.header === 'halfwidth') return `${name}(${unit})`;
  if (style.header === 'linebreak') return `${name}\n（${unit}）`;
  return `${name}（${unit}）`;
}

const LEDGER_DATES = ['供地日期', '约定开工日期', '约定竣工日期', '实际开工日期', '实际竣工日期', '延期开工日期', '延期竣工日期'];

function ledgerGrid(rows: LedgerRow[], style: FormStyle): Omit<Grid, 'table' | 'titles'> {
  const serial = style.serialColumn ? 1 : 0;
  const header = [
    ...(style.serialColumn ? ['序号'] : []),
    '地块编号', '项目名称', '供地方式', '土地用途', headerText(style, '供地面积', '亩'), '是否存量',
    headerText(style, '成交价款', '万元'), ...LEDGER_DATES,
  ];
  const body = rows.map((p, i): Cell[] => [
    ...(style.serialColumn ? [i + 1] : []),
    p.id,
    p.project,
    p.methodLabel,
    style.landUseSuffix && i % 3 === 0 ? `${p.use}用地` : p.use,
    number(style, p.area, i, '亩'),
    p.stock ? '是' : '否',
    p.price === null ? null : number(style, p.price, i, null),
    date(style, p.supply),
    date(style, p.agreedStart),
    date(style, p.agreedEnd),
    date(style, p.actualStart),
    date(style, p.actualEnd),
    date(style, p.extStart),
    date(style, p.extEnd),
  ]);
  return { header, rows: body, dateColumns: LEDGER_DATES.map((_, k) => serial + 7 + k) };
}

function patchGrid(rows: PatchRow[], style: FormStyle, year: number): Omit<Grid, 'table' | 'titles'> {
  const header = ['图斑编号', '监测批次', headerText(style, '新增建设占用耕地面积', '亩'), headerText(style, '违法占用耕地面积', '亩'), '判定类型', '整改状态'];
  const body = rows.map((p, i): Cell[] => [
    p.id,
    style.batchLabel === 'chinese' ? `${year}年第${p.batch}季度` : `${year}Q${p.batch}`,
    number(style, p.occupied, i, '亩'),
    p.illegal === 0 ? 0 : number(style, p.illegal, i + 1, '亩'),
    p.judgement,
    p.status,
  ]);
  return { header, rows: body, dateColumns: [] };
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Every 4th value is written with the unit's habit; the others as plain numbers. */
function number(style: FormStyle, value: number, row: number, unit: string | null): Cell {
  if (row % 4 !== 1) return value;
  switch (style.numbers) {
    case 'plain':
      return value;
    case 'fullwidth':
      return String(value).replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]).replace('.', '．');
    case 'thousands':
      return value >= 1000 ? withThousands(value) : value;
    case 'unit':
      return unit ? `${value}${unit}` : value;
  }
}

/** `12345.6` → `12,345.6` (no locale data involved: the same bytes everywhere). */
function withThousands(value: number): string {
  const [int, frac] = String(value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

function date(style: FormStyle, d: Day | null): Cell {
  if (d === null) return style.empty === '' ? null : style.empty;
  const { y, m, d: dd } = parts(d);
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (style.dates) {
    case 'cell':
      return utcDate(d);
    case 'iso':
      return `${y}-${p2(m)}-${p2(dd)}`;
    case 'slash':
      return `${y}/${m}/${dd}`;
    case 'chinese':
      return `${y}年${m}月${dd}日`;
    case 'dotted':
      return `${y}.${m}.${dd}`;
    case 'compact':
      return `${y}${p2(m)}${p2(dd)}`;
  }
}

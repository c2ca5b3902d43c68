/**
 * Display formats for the bulletin, and the one place they are decided: areas of 10,000 亩 and
 * more as 万亩 with two decimals, percentages with one decimal, differences of percentages in
 * 个百分点, ranks as 第N位, dates as 2023年7月20日. Figures in prose are not padded with zeros.
 * Values in the warehouse stay unrounded; only these functions round.
 */

import type { ProgressRow } from './mart';

/** Rounds half away from zero at `digits` decimals (toFixed rounds 1.005 down; figures must not). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Math.abs(value) * factor;
  // The epsilon absorbs binary noise such as 57.849999999999994 for a true 57.85: a few ulps of
  // the shifted value (relative 1e-12), never a real digit (1e-9 relative turned 1234567.894 into
  // 1234567.90 at two decimals: at 1e8 it is 0.1 of the last place).
  const rounded = Math.round(shifted + 1e-12 * Math.max(1, shifted)) / factor;
  return value < 0 ? -rounded : rounded;
}

/** Fixed decimals, with -0 shown as 0. */
export function fixed(value: number, digits: number): string {
  const r = roundTo(value, digits);
  return (Object.is(r, -0) ? 0 : r).toFixed(digits);
}

/** Up to `digits` decimals, trailing zeros dropped: 6000, 12.5, 0.35. */
export function trimmed(value: number, digits: number): string {
  const text = fixed(value, digits);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Units whose amounts switch to 万 above 10,000: 亩 → 万亩, 平方米 → 万平方米. */
const TEN_THOUSAND_UNITS = new Set(['亩', '平方米']);
/** Counts are whole: 个, 条, 宗. */
const COUNT_UNITS = new Set(['个', '条', '宗', '件', '处']);

/**
 * A quantity with its unit, as prose writes it: `2.31万亩`, `6000亩`, `12.35亿元`, `57.8%`, `3个`.
 * `null` is shown as `—` (no value).
 */
export function quantity(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '%') return percent(value);
  if (TEN_THOUSAND_UNITS.has(unit) && Math.abs(value) >= 10000) return `${fixed(value / 10000, 2)}万${unit}`;
  if (COUNT_UNITS.has(unit)) return `${trimmed(value, 0)}${unit}`;
  return `${trimmed(value, 2)}${unit}`;
}

/**
 * A target as prose states it, without padded zeros: `90%`, `4万亩`, `1.3万亩`, `190万亩`
 * (the work plan's own way; measured figures keep their fixed decimals).
 */
export function targetQuantity(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '%') return `${trimmed(value, 1)}%`;
  if (TEN_THOUSAND_UNITS.has(unit) && Math.abs(value) >= 10000) return `${trimmed(value / 10000, 2)}万${unit}`;
  return quantity(value, unit);
}

/** `57.8%` — one decimal, always (a percentage is read against others in a column). */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${fixed(value, 1)}%`;
}

/** The size of a gap in 个百分点, one decimal, no sign: `7.8个百分点`. */
export function points(value: number): string {
  return `${fixed(Math.abs(value), 1)}个百分点`;
}

/** `超序时进度7.8个百分点`, `滞后序时进度4.2个百分点`, `与序时进度持平`. */
export function gapPhrase(gapPp: number | null | undefined): string {
  if (gapPp === null || gapPp === undefined || !Number.isFinite(gapPp)) return '';
  const shown = roundTo(gapPp, 1);
  if (shown === 0) return '与序时进度持平';
  return `${shown > 0 ? '超' : '滞后'}序时进度${points(gapPp)}`;
}

/** A gap for a table cell: `+7.8`, `-4.2`, `0.0` (the column header says 个百分点). */
export function signedPoints(gapPp: number | null | undefined): string {
  if (gapPp === null || gapPp === undefined || !Number.isFinite(gapPp)) return '—';
  const text = fixed(gapPp, 1);
  return roundTo(gapPp, 1) > 0 ? `+${text}` : text;
}

/** `第3位` */
export function rank(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `第${value}位`;
}

/** `较上季度提升2位` / `较上季度下降1位` / `与上季度持平`. */
export function rankChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  if (now === before) return '排名与上季度持平';
  return now < before ? `较上季度提升${before - now}位` : `较上季度下降${now - before}位`;
}

/** `2023-07-20` → `2023年7月20日` (dates are configuration or data, never the clock). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2023-06-30` → `6月30日` in a bulletin of 2023; the year is written where it is another (`2024年3月31日`). */
export function monthDay(iso: string, year: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Number(m[1]) === year ? `${Number(m[2])}月${Number(m[3])}日` : chineseDate(iso);
}

/** `2023Q1` → `一季度` (a period named within its own year). */
export function quarterName(period: string): string {
  return `${chineseNumber(Number(period.slice(-1)))}季度`;
}

/** `2023-07-15 09:30:00` (a load time, as the warehouse stores it, to the second). */
export function timestamp(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+$/, '').slice(0, 19);
}

/** Chinese numerals for section headings: 1 → 一, 10 → 十, 12 → 十二. */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** `嘉自然资规通〔2023〕31号`: six-cornered brackets, no leading zeros, no 第. */
export function documentNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${serial}号`;
}

/** Names joined the Chinese way: 海盐县、嘉善县. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** Status words for the light column. */
export const STATUS_LABEL: Record<string, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  missing: '未报送',
  no_data: '无数据',
  no_target: '无目标',
};

/** A key-task light as a word: the indicators' words, and 灰灯 for a milestone not reported. */
export const LIGHT_LABEL: Record<'green' | 'yellow' | 'red' | 'grey', string> = {
  green: STATUS_LABEL.green,
  yellow: STATUS_LABEL.yellow,
  red: STATUS_LABEL.red,
  grey: '灰灯',
};

/**
 * Cell fills for the lights in tables (the PDF's annex matrix, the workbooks, the HTML page): pale,
 * because the words say the same, so print in black and white still reads.
 */
export const STATUS_FILL: Record<string, string | undefined> = {
  green: undefined,
  yellow: '#FFF2CC',
  red: '#F8D7D3',
  missing: '#E7E7E7',
};

/** Fills of a milestone's status cell by its light (the words say the status; grey is 未报送). */
export const KEY_TASK_FILL: Record<string, string | undefined> = {
  green: undefined,
  yellow: '#FFF2CC',
  red: '#F8D7D3',
  grey: '#E7E7E7',
};

/**
 * The gap a table shows, in 个百分点: completion − 序时进度 (gap_pp) for an amount; for a rate in %,
 * the value less its line (target_margin); none for a level (its margin is in 亩, said in prose).
 * Every edition's gap column: the PDF's and the page's as text (gapText), the workbook's as a number.
 */
export function tableGap(row: ProgressRow): number | null {
  if (row.kind === 'cumulative') return row.gap_pp;
  return row.unit_of_measure === '%' ? row.target_margin : null;
}

/** The gap column's text: `+7.8`, `-4.2`, `—`. */
export function gapText(row: ProgressRow): string {
  return signedPoints(tableGap(row));
}

/** The target column's text: `4万亩`, `≥40%`, `≤1%`; `—` where none is set. */
export function targetText(row: ProgressRow): string {
  if (row.target === null) return '—';
  const value = quantity(row.target, row.unit_of_measure);
  if (row.kind === 'cumulative') return value;
  return `${row.direction === 'max' ? '≤' : '≥'}${value}`;
}

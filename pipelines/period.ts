/**
 * Reporting periods: quarters written `2023Q2`. Every spelling the submission contract accepts
 * is parsed here, and nowhere else.
 */
export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** Full-width digits and letters to ASCII, inner spaces removed: `２０２３ｑ２` → `2023q2`. */
function narrow(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
}

/**
 * `2023Q2`, `2023-Q2`, `2023q2`, `2023年第二季度`, `2023年第2季度`, `2023年二季度`, `2023年2季度`,
 * `2023年1-6月` (also `1—6月`, `1至6月`). Returns undefined for anything else.
 */
export function parsePeriod(raw: string | null | undefined): Period | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = narrow(String(raw));
  let m = /^(\d{4})[-_]?[Qq]([1-4])$/.exec(text);
  if (m) return make(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(text);
  if (m && (text.includes('季') || text.includes('第'))) return make(Number(m[1]), CHINESE_DIGITS[m[2]]);
  m = /^(\d{4})年1[-—–~～至到]([0-9]{1,2})月(?:份)?$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month % 3 === 0 && month >= 3 && month <= 12) return make(Number(m[1]), month / 3);
  }
  return undefined;
}

function make(year: number, quarter: number): Period | undefined {
  if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) return undefined;
  return { year, quarter: quarter as Period['quarter'] };
}

export function periodCode(p: Period): string {
  return `${p.year}Q${p.quarter}`;
}

/** `2023Q2` → `2023-06-30` */
export function periodEnd(p: Period): string {
  const month = p.quarter * 3;
  const day = month === 6 || month === 9 ? 30 : 31;
  return `${p.year}-${String(month).padStart(2, '0')}-${day}`;
}

export function periodStart(p: Period): string {
  return `${p.year}-01-01`;
}

/** `2023年第二季度` */
export function periodLabel(p: Period): string {
  return `${p.year}年第${QUARTER_NAMES[p.quarter - 1]}季度`;
}

/** `2023年1-6月` */
export function periodMonthsLabel(p: Period): string {
  return `${p.year}年1-${p.quarter * 3}月`;
}

/** The previous quarter of the same year, or undefined for Q1 (figures are year-to-date). */
export function previousInYear(p: Period): Period | undefined {
  return p.quarter === 1 ? undefined : { year: p.year, quarter: (p.quarter - 1) as Period['quarter'] };
}

export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.quarter - b.quarter;
}

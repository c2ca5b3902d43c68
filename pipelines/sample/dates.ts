/**
 * Dates as whole days since 1970-01-01 (UTC), so that the generator adds days without time zones
 * getting in the way; ISO strings only at the edges.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function iso(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

export function parts(d: Day): { y: number; m: number; d: number } {
  const date = new Date(d * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** A UTC Date at midnight: exceljs writes it as that calendar day's serial. */
export function utcDate(d: Day): Date {
  return new Date(d * MS_PER_DAY);
}

export function quarterStart(year: number, quarter: number): Day {
  return day(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`);
}

export function quarterEnd(year: number, quarter: number): Day {
  return quarter === 4 ? day(`${year}-12-31`) : quarterStart(year, quarter + 1) - 1;
}

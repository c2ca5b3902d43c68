import iconv from 'iconv-lite';
import { parts } from './dates';
import type { Cell, Grid } from './tables';

/**
 * A table as the CSV a unit saves from Excel: title rows padded to the header's width (Excel pads
 * every row to the used range), CRLF line ends, dates as the cell shows them.
 */
export function csvText(grid: Grid): string {
  const width = grid.header.length;
  const lines: string[] = [];
  for (const title of grid.titles) lines.push([field(title), ...Array(width - 1).fill('')].join(','));
  lines.push(grid.header.map(field).join(','));
  for (const row of grid.rows) lines.push(row.map((c) => field(cellText(c))).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function csvBytes(grid: Grid, encoding: 'gbk' | 'utf8-bom'): Buffer {
  const text = csvText(grid);
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(text, 'utf8')]);
}

function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) {
    const { y, m, d } = parts(Math.round(c.getTime() / 86_400_000));
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return String(c);
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

import { isTextType, valueText, type ResultSet } from './result';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or CR) as a formula.
 * Text cells that start so get a leading apostrophe; numbers keep their minus sign.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header, UTF-8 with BOM so that Excel in Chinese opens it correctly. */
export function formatCsv(result: ResultSet): string {
  const text = result.types.map(isTextType);
  const lines = [result.names.map((n) => csvField(neutraliseFormula(n))).join(',')];
  for (const row of result.rows) {
    lines.push(row.map((v, i) => {
      const s = valueText(v);
      return csvField(text[i] ? neutraliseFormula(s) : s);
    }).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

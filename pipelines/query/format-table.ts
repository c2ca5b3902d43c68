import { isNumericType, valueText, type ResultSet } from './result';
import { displayWidth, padEndDisplay, padStartDisplay } from './width';

const MAX_CELL = 60;

/** A boxed text table, aligned by display width so that Chinese columns line up; numbers to the right. */
export function formatTable(result: ResultSet): string {
  const numeric = result.types.map(isNumericType);
  const cells = result.rows.map((row) => row.map((v) => (v === null ? 'NULL' : clip(oneLine(valueText(v))))));
  const widths = result.names.map((name, i) => Math.max(displayWidth(name), ...cells.map((r) => displayWidth(r[i]))));
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const line = (values: string[], alignRight: boolean[]) =>
    '│' + values.map((v, i) => ` ${alignRight[i] ? padStartDisplay(v, widths[i]) : padEndDisplay(v, widths[i])} `).join('│') + '│';
  const out = [
    rule('┌', '┬', '┐'),
    line(result.names, result.names.map(() => false)),
    rule('├', '┼', '┤'),
    ...cells.map((r) => line(r, numeric)),
    rule('└', '┴', '┘'),
  ];
  return out.join('\n') + '\n';
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '↵');
}

function clip(text: string): string {
  if (displayWidth(text) <= MAX_CELL) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > MAX_CELL - 1) break;
    out += ch;
  }
  return out + '…';
}

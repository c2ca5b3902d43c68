import { toJsonText } from '../warehouse/values';
import type { ResultSet } from './result';

/** An array of objects; numbers exact (see toJsonText). `select 42 as x` gives `[{"x":42}]`. */
export function formatJson(result: ResultSet): string {
  const keys = result.names.map((n) => JSON.stringify(n));
  const rows = result.rows.map((row) => `{${row.map((v, i) => `${keys[i]}:${toJsonText(v)}`).join(',')}}`);
  return `[${rows.join(',\n')}]\n`;
}

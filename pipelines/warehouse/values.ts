import {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * Rows as the rest of the code wants them: numbers (BIGINT and DECIMAL converted), strings,
 * booleans, dates as ISO strings (`2023-06-30`, `2023-06-30 10:15:00`), arrays, objects, null.
 * ISO strings rather than JS Dates keep the reports free of time-zone surprises.
 */
export type Plain = null | number | string | boolean | bigint | Plain[] | { [key: string]: Plain };
export type PlainRow = Record<string, Plain>;

export function toPlain(value: DuckDBValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value !== 'object') return value as Plain;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue || value instanceof DuckDBTimestampValue) return value.toString();
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(toPlain);
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, toPlain(v)]));
  }
  if (value instanceof DuckDBMapValue) {
    return Object.fromEntries(value.entries.map((e) => [String(toPlain(e.key)), toPlain(e.value)]));
  }
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('base64');
  return String(value);
}

export function toPlainRow(names: readonly string[], row: readonly DuckDBValue[]): PlainRow {
  const out: PlainRow = {};
  for (let i = 0; i < names.length; i++) out[names[i]] = toPlain(row[i]);
  return out;
}

/**
 * JSON text for one value, exact: BIGINT, HUGEINT and DECIMAL are written with all their digits
 * as JSON numbers (JSON has no precision limit; a reader that needs exactness can have it).
 * Dates and timestamps are ISO strings; non-finite doubles become null.
 */
export function toJsonText(value: DuckDBValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue) return JSON.stringify(value.toString());
  if (value instanceof DuckDBTimestampValue) return JSON.stringify(isoTimestamp(value.toString()));
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) {
    return `[${value.items.map(toJsonText).join(',')}]`;
  }
  if (value instanceof DuckDBStructValue) {
    return `{${Object.entries(value.entries).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  if (value instanceof DuckDBMapValue) {
    return `{${value.entries.map((e) => `${JSON.stringify(String(toPlain(e.key)))}:${toJsonText(e.value)}`).join(',')}}`;
  }
  if (value instanceof DuckDBBlobValue) return JSON.stringify(Buffer.from(value.bytes).toString('base64'));
  return JSON.stringify(String(value));
}

/** `2023-06-30 10:15:00.123` → `2023-06-30T10:15:00.123` (ISO 8601, no zone: DuckDB TIMESTAMP has none). */
function isoTimestamp(text: string): string {
  return text.replace(' ', 'T');
}

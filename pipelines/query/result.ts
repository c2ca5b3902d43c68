import { DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** A query's result as the formatters see it: names, DuckDB types and raw values, by row. */
export interface ResultSet {
  names: string[];
  types: DuckDBType[];
  rows: DuckDBValue[][];
}

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL, DuckDBTypeId.BIGNUM,
]);

export function isNumericType(type: DuckDBType): boolean {
  return NUMERIC.has(type.typeId);
}

export function isTextType(type: DuckDBType): boolean {
  return type.typeId === DuckDBTypeId.VARCHAR || type.typeId === DuckDBTypeId.ENUM;
}

/** The plain text of a value for table and CSV output (no quoting). */
export function valueText(value: DuckDBValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

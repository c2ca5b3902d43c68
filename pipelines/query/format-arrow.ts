import {
  Bool, DateDay, Float64, Int32, Int64, Table, TimestampMicrosecond, Utf8, tableToIPC, vectorFromArray,
  type DataType, type Vector,
} from 'apache-arrow';
import { DuckDBDateValue, DuckDBTimestampValue, DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { toJsonText, toPlain } from '../warehouse/values';
import type { ResultSet } from './result';

/**
 * An Arrow IPC file (the "file" format with footer), one column per result column. DuckDB types
 * map to the closest Arrow type; DECIMAL becomes Float64, nested types become JSON text.
 */
export function formatArrow(result: ResultSet): Uint8Array {
  const columns: Record<string, Vector> = {};
  result.names.forEach((name, i) => {
    const values = result.rows.map((row) => row[i]);
    columns[name] = column(result.types[i], values);
  });
  return tableToIPC(new Table(columns), 'file');
}

function column(type: DuckDBType, values: DuckDBValue[]): Vector {
  const arrowType = arrowTypeOf(type);
  return vectorFromArray(values.map((v) => convert(arrowType, v)), arrowType as DataType);
}

function arrowTypeOf(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return new Int32();
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return new Int64();
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
      return new Float64();
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIMESTAMP:
      return new TimestampMicrosecond();
    default:
      return new Utf8();
  }
}

function convert(type: DataType, value: DuckDBValue): unknown {
  if (value === null || value === undefined) return null;
  if (type instanceof Int64) return BigInt(value as number | bigint);
  if (type instanceof Int32 || type instanceof Float64) return Number(toPlain(value));
  if (type instanceof Bool) return value;
  if (type instanceof DateDay) return new Date((value as DuckDBDateValue).days * 86_400_000);
  if (type instanceof TimestampMicrosecond) return Number((value as DuckDBTimestampValue).micros / 1000n);
  if (typeof value === 'string') return value;
  const text = toJsonText(value);
  return text.startsWith('"') ? JSON.parse(text) : text;
}

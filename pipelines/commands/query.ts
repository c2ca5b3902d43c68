import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT, duckdbMessage } from '../errors';
import { writeFileAtomic, writeViaTemp } from '../fsutil';
import type { Io } from '../io';
import { queryMessages } from '../messages';
import { formatCsv } from '../query/format-csv';
import { formatJson } from '../query/format-json';
import { formatTable } from '../query/format-table';
import type { ResultSet } from '../query/result';
import { resolveDbPath, withReadWarehouse, type Warehouse } from '../warehouse';

const FORMATS = ['table', 'csv', 'json', 'arrow', 'parquet'] as const;
type Format = (typeof FORMATS)[number];

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('query', argv, {
    ...dbOption,
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    file: { type: 'string' },
    lake: { type: 'string' },
  }, { positionals: true });
  if (help) {
    io.stdout(queryMessages.help + '\n');
    return EXIT.ok;
  }
  const format = (values.format ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw CliError.usage(queryMessages.badFormat(format));
  if (positionals.length > 0 && values.file) throw CliError.usage(queryMessages.bothSql);
  const sql = values.file ? readSqlFile(resolve(io.cwd, values.file)) : positionals.join(' ');
  if (!sql.trim()) throw CliError.usage(queryMessages.needSql);
  if ((format === 'arrow' || format === 'parquet') && !values.out) throw CliError.usage(queryMessages.needOut(format));
  const out = values.out ? resolve(io.cwd, values.out) : undefined;
  if (values.lake && values.db) throw CliError.usage(queryMessages.lakeOrDb);
  // The lake's relations as views in a read-only scratch database: queried like the warehouse.
  const lake = values.lake ? resolve(io.cwd, values.lake) : undefined;
  const withLake = lake ? (await import('../lake')).withLakeReadOnly : undefined;
  const open = <T>(work: (wh: Warehouse) => Promise<T>): Promise<T> =>
    lake && withLake ? withLake(lake, work) : withReadWarehouse(resolveDbPath(values.db, io), work);

  return open(async (wh) => {
    if (format === 'parquet') {
      const rows = await exportParquet(wh, sql, out!);
      io.stderr(queryMessages.wrote(out!, rows) + '\n');
      return EXIT.ok;
    }
    const result = await runQuery(wh, sql);
    const body = await render(format, result);
    if (out) {
      writeFileAtomic(out, body);
      io.stderr(queryMessages.wrote(out, result.rows.length) + '\n');
    } else {
      io.stdout(typeof body === 'string' ? body : Buffer.from(body).toString('latin1'));
      if (format === 'table') io.stdout(queryMessages.rows(result.rows.length) + '\n');
    }
    return EXIT.ok;
  });
}

async function render(format: Exclude<Format, 'parquet'>, result: ResultSet): Promise<string | Uint8Array> {
  switch (format) {
    case 'table':
      return formatTable(result);
    case 'csv':
      return formatCsv(result);
    case 'json':
      return formatJson(result);
    case 'arrow':
      // apache-arrow is loaded only when asked for: it would slow every other query's start.
      return (await import('../query/format-arrow')).formatArrow(result);
  }
}

export async function runQuery(wh: Warehouse, sql: string): Promise<ResultSet> {
  try {
    const reader = await wh.connection.runAndReadAll(sql);
    return { names: reader.columnNames(), types: reader.columnTypes(), rows: reader.getRows() as ResultSet['rows'] };
  } catch (error) {
    throw queryError(error);
  }
}

/** Parquet straight from DuckDB: COPY (query) TO a temp file, renamed into place when complete. */
async function exportParquet(wh: Warehouse, sql: string, out: string): Promise<number> {
  const body = sql.trim().replace(/;+\s*$/, '');
  return writeViaTemp(out, async (tmp) => {
    try {
      const reader = await wh.connection.runAndReadAll(`copy (${body}) to '${tmp.replace(/'/g, "''")}' (format parquet)`);
      return Number(reader.getRows()[0]?.[0] ?? 0);
    } catch (error) {
      throw queryError(error);
    }
  });
}

function queryError(error: unknown): CliError {
  const detail = duckdbMessage(error);
  if (/read-only|read only/i.test(detail)) return new CliError(queryMessages.readOnly(detail), { cause: error });
  return new CliError(queryMessages.failed(detail), { cause: error });
}

function readSqlFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw CliError.usage(queryMessages.cannotReadFile(path));
  }
}

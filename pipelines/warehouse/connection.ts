import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { CliError, duckdbMessage } from '../errors';
import type { Io } from '../io';
import { warehouseMessages } from '../messages';
import { toPlainRow, type PlainRow } from './values';

export const DEFAULT_DB = 'data/warehouse.duckdb';

/** `--db FILE`, else `NRP_DB`, else `data/warehouse.duckdb`, relative to the working folder. */
export function resolveDbPath(flag: string | undefined, io: Pick<Io, 'env' | 'cwd'>): string {
  const chosen = flag ?? io.env.NRP_DB ?? DEFAULT_DB;
  return chosen === ':memory:' ? chosen : resolve(io.cwd, chosen);
}

export interface OpenOptions {
  readOnly?: boolean;
  /** How long to wait for another process's write lock, in ms (default: NRP_LOCK_TIMEOUT s, else 10 s). */
  lockTimeoutMs?: number;
}

/**
 * A thin handle on one DuckDB file: one instance, one connection, closed in `finally` by
 * `withWarehouse`. Rows come back as plain JS values (see values.ts).
 */
export class Warehouse {
  private closed?: (cleanly: boolean) => void;

  private constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Warehouse> {
    const readOnly = options.readOnly ?? false;
    if (path !== ':memory:' && !readOnly) mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = {};
    if (process.env.NRP_THREADS) config.threads = process.env.NRP_THREADS;
    if (readOnly) config.access_mode = 'READ_ONLY';
    const timeoutMs = options.lockTimeoutMs ?? lockTimeoutFromEnv();
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const instance = await DuckDBInstance.create(path, config);
        try {
          const connection = await instance.connect();
          return new Warehouse(path, readOnly, instance, connection);
        } catch (error) {
          instance.closeSync();
          throw error;
        }
      } catch (error) {
        const message = duckdbMessage(error);
        const holder = lockHolder(message);
        if (holder === undefined) throw unopenable(path, message, error);
        if (Date.now() >= deadline) {
          throw new CliError(warehouseMessages.locked(path, holder, Math.round(timeoutMs / 1000)), { cause: error });
        }
        // Another process writes: wait with a short, growing pause and try again.
        await sleep(Math.min(50 * 2 ** Math.min(attempt, 4), 500));
      }
    }
  }

  /** Run one or more statements; returns nothing. */
  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows of a query as plain objects: numbers, strings, booleans, Dates, arrays, null. */
  async all<T = PlainRow>(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    const names = reader.columnNames();
    return reader.getRows().map((row) => toPlainRow(names, row) as T);
  }

  async one<T = PlainRow>(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs `work` in one transaction: all of it lands, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('begin transaction');
    try {
      const result = await work();
      await this.connection.run('commit');
      return result;
    } catch (error) {
      try {
        await this.connection.run('rollback');
      } catch {
        // the transaction may already be aborted by the engine; the original error matters
      }
      throw error;
    }
  }

  /**
   * `then` runs once, after the database was closed (DuckDB checkpoints it on the way out), told
   * whether it closed cleanly.
   */
  whenClosed(then: (cleanly: boolean) => void): void {
    this.closed = then;
  }

  close(): void {
    const then = this.closed;
    this.closed = undefined;
    let cleanly = false;
    try {
      try {
        this.connection.closeSync();
      } finally {
        this.instance.closeSync();
      }
      cleanly = true;
    } finally {
      then?.(cleanly);
    }
  }
}

export async function withWarehouse<T>(path: string, options: OpenOptions, work: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await Warehouse.open(path, options);
  try {
    return await work(wh);
  } finally {
    wh.close();
  }
}

export function warehouseExists(path: string): boolean {
  return path !== ':memory:' && existsSync(path);
}

/**
 * A warehouse that does not open, said in plain words with what to do. Nothing is changed on
 * disk here: setting a log or a file aside is the explicit `nrp recover`.
 */
function unopenable(path: string, detail: string, cause: unknown): CliError {
  const firstLine = detail.split('\n')[0];
  if (/replaying WAL|write-ahead log|\.wal\b/i.test(detail)) {
    return new CliError(warehouseMessages.walUnreplayable(path), { cause, context: [firstLine, ...warehouseMessages.recoverHint(path)] });
  }
  if (path !== ':memory:' && existsSync(path) && /not a valid DuckDB|corrupt|checksum|Could not read enough bytes|IO Error/i.test(detail)) {
    return new CliError(warehouseMessages.fileUnreadable(path), { cause, context: [firstLine, ...warehouseMessages.rebuildHint(path)] });
  }
  return new CliError(warehouseMessages.cannotOpen(path, firstLine), { cause });
}

function lockTimeoutFromEnv(): number {
  const seconds = Number(process.env.NRP_LOCK_TIMEOUT);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 10_000;
}

/** DuckDB says: Could not set lock on file "…": Conflicting lock is held in /usr/bin/node (PID 123) by user root. */
function lockHolder(message: string): string | undefined {
  if (!/Could not set lock|Conflicting lock/i.test(message)) return undefined;
  const held = /held in (.+?)(?: by user|\.\s|$)/i.exec(message);
  const holder = held ? held[1].trim() : 'another process';
  const pid = /PID (\d+)/.exec(holder)?.[1];
  return pid ? `${holder}: ${commandLineOf(pid) ?? '?'}` : holder;
}

/** What the other process is, where the OS tells (Linux /proc): e.g. `node …/cli.js build`. */
function commandLineOf(pid: string): string | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return args.map((a) => (a.includes('/') ? basename(a) : a)).join(' ').slice(0, 120) || undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The one error type that reaches the user. It carries the exit code and the context lines
 * (file, cell, raw value …); only `cli.ts` prints it and exits.
 */
export const EXIT = {
  ok: 0,
  /** The work ran but something in it failed: a bad query, a rejected file, a failing data test. */
  failure: 1,
  /** The command was called wrongly: unknown option, missing argument. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly exitCode: number;
  readonly context: readonly string[];

  constructor(message: string, options: { exitCode?: number; context?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT.failure;
    this.context = options.context ?? [];
  }

  static usage(message: string, context: readonly string[] = []): CliError {
    return new CliError(message, { exitCode: EXIT.usage, context });
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

/** DuckDB errors arrive as plain Errors; keep only the message the engine wrote. */
export function duckdbMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

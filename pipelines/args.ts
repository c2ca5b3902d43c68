import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';
import { cliMessages } from './messages';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<V> {
  values: V;
  positionals: string[];
  help: boolean;
}

/**
 * node's parseArgs, with `--help` added to every command and its errors turned into usage
 * errors (exit 2) that point at the command's help.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  { positionals = false }: { positionals?: boolean } = {},
) {
  try {
    const { values, positionals: rest } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: positionals,
      strict: true,
    });
    const { help, ...own } = values as Record<string, unknown>;
    return { values: own as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K] extends { multiple: true } ? string[] : string }, positionals: rest, help: Boolean(help) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw CliError.usage(cliMessages.badOption(detail), [cliMessages.seeHelp(command)]);
  }
}

/** The `--db` option every warehouse command takes. */
export const dbOption = { db: { type: 'string' } } as const;

/** Levenshtein distance, for "did you mean" suggestions. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

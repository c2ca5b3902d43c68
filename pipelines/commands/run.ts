import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { EXIT } from '../errors';
import type { Io } from '../io';
import { runMessages } from '../messages';
import { DEFAULT_RUN_FORMATS, parseFormats } from '../run/formats';
import { formatSummary, runPipeline } from '../run/pipeline';
import { resolveDbPath } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('run', argv, {
    ...dbOption,
    period: { type: 'string', short: 'p', multiple: true },
    inbox: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    config: { type: 'string' },
    format: { type: 'string', short: 'f' },
    feedback: { type: 'boolean' },
  });
  if (help) {
    io.stdout(runMessages.help + '\n');
    return EXIT.ok;
  }
  const summary = await runPipeline(
    {
      dbPath: resolveDbPath(values.db, io),
      inbox: resolve(io.cwd, values.inbox ?? 'inbox'),
      outDir: resolve(io.cwd, values.out ?? 'out'),
      periods: (values.period as string[] | undefined) ?? [],
      configPath: values.config === undefined ? undefined : resolve(io.cwd, values.config),
      formats: parseFormats(values.format, DEFAULT_RUN_FORMATS),
      feedback: Boolean(values.feedback),
    },
    io,
  );
  if (values.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
  else io.stderr(formatSummary(summary));
  return summary.exitCode;
}

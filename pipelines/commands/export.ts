import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { exportLake } from '../lake';
import { lakeMessages } from '../messages/lake';
import { parsePeriod, periodCode } from '../period';
import { progress } from '../progress';
import { resolveDbPath, withReadWarehouse } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('export', argv, {
    ...dbOption,
    lake: { type: 'string' },
    period: { type: 'string', short: 'p', multiple: true },
    json: { type: 'boolean' },
  });
  if (help) {
    io.stdout(lakeMessages.exportHelp + '\n');
    return EXIT.ok;
  }
  if (!values.lake) throw CliError.usage(lakeMessages.needLake);
  const periods = values.period ? values.period.flatMap(quartersOf) : undefined;
  const summary = await withReadWarehouse(resolveDbPath(values.db, io), (wh) =>
    exportLake(wh, resolve(io.cwd, values.lake!), { periods, progress: progress(io, { quiet: Boolean(values.json) }) }),
  );
  if (values.json) {
    const relations = summary.manifest.relations.map((r) => ({ name: r.name, layer: r.layer, rows: r.rows, files: r.files.length }));
    io.stdout(JSON.stringify({ dir: summary.dir, periods: summary.periods, files: summary.files, bytes: summary.bytes, ms: summary.ms, relations }, null, 2) + '\n');
  } else {
    const mb = (summary.bytes / 2 ** 20).toFixed(1);
    io.stdout(lakeMessages.exported(summary.manifest.relations.length, summary.files, mb, summary.periods, summary.dir) + '\n');
  }
  return EXIT.ok;
}

/** `2023Q2` (any spelling the contract accepts), or a year: `2023` is its four quarters. */
function quartersOf(raw: string): string[] {
  if (/^\d{4}$/.test(raw.trim())) return [1, 2, 3, 4].map((q) => `${raw.trim()}Q${q}`);
  const period = parsePeriod(raw);
  if (!period) throw CliError.usage(lakeMessages.badPeriod(raw));
  return [periodCode(period)];
}

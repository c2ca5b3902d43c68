import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { buildFromLake, lakeOfBuild } from '../lake';
import { modelMessages } from '../messages';
import { lakeMessages } from '../messages/lake';
import { buildWarehouse, type BuildSummary } from '../models';
import { progress } from '../progress';
import { resolveDbPath, seedsDir, withWriteWarehouse } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('build', argv, { ...dbOption, json: { type: 'boolean' }, 'from-lake': { type: 'string' } });
  if (help) {
    io.stdout(modelMessages.buildHelp + '\n');
    return EXIT.ok;
  }
  const db = resolveDbPath(values.db, io);
  const shown = progress(io, { quiet: Boolean(values.json) });
  const fromLake = values['from-lake'];
  let summary: BuildSummary;
  if (fromLake) {
    summary = await buildFromLake(resolve(io.cwd, fromLake), db, { progress: shown });
  } else {
    summary = await withWriteWarehouse(db, async (wh) => {
      const source = await lakeOfBuild(wh);
      if (source) throw new CliError(lakeMessages.lakeBuildNeedsFromLake(db, source));
      return buildWarehouse(wh, { seedsDir: seedsDir(io.env), progress: shown });
    });
  }
  if (values.json) {
    io.stdout(JSON.stringify(summary, null, 2) + '\n');
  } else if (fromLake) {
    io.stdout(lakeMessages.builtFromLake(summary.models.length, summary.tests.length, summary.periods, (summary.ms / 1000).toFixed(1), resolve(io.cwd, fromLake), db) + '\n');
  } else {
    io.stdout(modelMessages.built(summary.models.length, summary.tests.length, summary.periods, (summary.ms / 1000).toFixed(1)) + '\n');
  }
  return EXIT.ok;
}

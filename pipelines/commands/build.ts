import { dbOption, parseCommandArgs } from '../args';
import { EXIT } from '../errors';
import type { Io } from '../io';
import { modelMessages } from '../messages';
import { buildWarehouse } from '../models';
import { progress } from '../progress';
import { resolveDbPath, seedsDir, withWriteWarehouse } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('build', argv, { ...dbOption, json: { type: 'boolean' } });
  if (help) {
    io.stdout(modelMessages.buildHelp + '\n');
    return EXIT.ok;
  }
  const summary = await withWriteWarehouse(resolveDbPath(values.db, io), (wh) =>
    buildWarehouse(wh, { seedsDir: seedsDir(io.env), progress: progress(io, { quiet: Boolean(values.json) }) }),
  );
  if (values.json) {
    io.stdout(JSON.stringify(summary, null, 2) + '\n');
  } else {
    io.stdout(modelMessages.built(summary.models.length, summary.tests.length, summary.periods, (summary.ms / 1000).toFixed(1)) + '\n');
  }
  return EXIT.ok;
}

import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { EXIT } from '../errors';
import type { Io } from '../io';
import { warehouseMessages } from '../messages';
import { recoverWarehouse } from '../recover';
import { resolveDbPath } from '../warehouse';

/** `nrp recover`: an explicit, non-destructive way back for a warehouse that does not open. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('recover', argv, { ...dbOption, inbox: { type: 'string' }, rebuild: { type: 'boolean' }, json: { type: 'boolean' } });
  if (help) {
    io.stdout(warehouseMessages.recoverHelp + '\n');
    return EXIT.ok;
  }
  const dbPath = resolveDbPath(values.db, io);
  const inbox = resolve(io.cwd, values.inbox ?? 'inbox');
  const summary = await recoverWarehouse({ dbPath, inbox, rebuild: Boolean(values.rebuild) });
  if (values.json) {
    io.stdout(JSON.stringify(summary, null, 2) + '\n');
    return EXIT.ok;
  }
  if (summary.state === 'healthy') {
    io.stdout(warehouseMessages.healthy(dbPath) + '\n');
    return EXIT.ok;
  }
  for (const s of summary.setAside) io.stdout(warehouseMessages.setAside(s.from, s.to) + '\n');
  io.stdout(warehouseMessages.recovered(summary.ingest?.accepted ?? null, inbox, summary.periods) + '\n');
  return summary.ingest && summary.ingest.rejected > 0 ? EXIT.failure : EXIT.ok;
}

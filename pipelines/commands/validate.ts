import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { formatReport, validateFiles } from '../ingest';
import { formatFile } from '../ingest/report';
import type { Io } from '../io';
import { ingestMessages } from '../messages';
import { resolveDbPath, warehouseExists } from '../warehouse';

/** Checks files on an in-memory warehouse with the seeds; the real one, if any, is only read. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('validate', argv, { ...dbOption, json: { type: 'boolean' } }, { positionals: true });
  if (help) {
    io.stdout(ingestMessages.validateHelp + '\n');
    return EXIT.ok;
  }
  if (positionals.length === 0) throw CliError.usage(ingestMessages.needPaths);
  const db = resolveDbPath(values.db, io);
  const report = await validateFiles(positionals.map((p) => resolve(io.cwd, p)), {
    historyDb: warehouseExists(db) ? db : undefined,
  });
  if (values.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else {
    for (const f of report.files) (f.status === 'rejected' ? io.stderr : io.stdout)(formatFile(f, true));
    io.stdout(formatReport({ ...report, files: [] }));
  }
  return report.rejected > 0 ? EXIT.failure : EXIT.ok;
}

import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { ingestFiles, formatReport } from '../ingest';
import { formatFile } from '../ingest/report';
import type { Io } from '../io';
import { ingestMessages } from '../messages';
import { resolveDbPath, withWriteWarehouse } from '../warehouse';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('ingest', argv, { ...dbOption, json: { type: 'boolean' } }, { positionals: true });
  if (help) {
    io.stdout(ingestMessages.ingestHelp + '\n');
    return EXIT.ok;
  }
  if (positionals.length === 0) throw CliError.usage(ingestMessages.needPaths);
  const paths = positionals.map((p) => resolve(io.cwd, p));
  const report = await withWriteWarehouse(resolveDbPath(values.db, io), (wh) =>
    ingestFiles(wh, paths, {
      onFile: values.json ? undefined : () => undefined,
    }),
  );
  if (values.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else {
    for (const f of report.files) (f.status === 'rejected' ? io.stderr : io.stdout)(formatFile(f, false));
    io.stdout(formatReport({ ...report, files: [] }));
  }
  return report.rejected > 0 ? EXIT.failure : EXIT.ok;
}

import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { runMessages, sampleMessages } from '../messages';
import { startPdfHelper } from '../run/helper';
import { formatSummary, runPipeline, type RunSummary } from '../run/pipeline';
import { resolveDbPath } from '../warehouse';

interface Manifest {
  /** The year the sample covers (its scenario's). */
  year: number;
  files: { path: string; expect: 'accepted' | 'rejected'; submitter?: 'unit' | 'division'; unit_code: string; note?: string }[];
  late_divisions?: { name: string; period: string }[];
  key_tasks?: { late: string; overdue: string; lagging: string[] };
}

/**
 * `npm start`: the sample year end to end. The sample's broken files are meant to be rejected,
 * so success here is "every file ended as MANIFEST.json says", not "nothing rejected"; the
 * summary says which rejections are expected and what the divisions' files are.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('demo', argv, {
    ...dbOption,
    inbox: { type: 'string' },
    out: { type: 'string', short: 'o' },
    seed: { type: 'string' },
  });
  if (help) {
    io.stdout(runMessages.demoHelp + '\n');
    return EXIT.ok;
  }
  const inbox = resolve(io.cwd, values.inbox ?? 'inbox');
  const outDir = resolve(io.cwd, values.out ?? 'out');
  // nrp run's PDF helper (run/helper.ts) starts now: it loads pdfmake on the other core while
  // this process writes the sample.
  const helper = startPdfHelper(io.env);
  let summary: RunSummary;
  let manifest: Manifest;
  try {
    const sample = await import('./sample');
    const sampleArgs = ['--out', inbox, ...(values.seed ? ['--seed', values.seed] : [])];
    const sampled = await sample.run(sampleArgs, io);
    if (sampled !== EXIT.ok) return sampled;
    manifest = JSON.parse(readFileSync(join(inbox, 'MANIFEST.json'), 'utf8')) as Manifest;
    summary = await runPipeline({ dbPath: resolveDbPath(values.db, io), inbox, outDir, periods: [String(manifest.year)], feedback: true, helper }, io);
  } finally {
    helper?.stop();
  }
  io.stderr(formatSummary(summary));

  const expected = new Map(manifest.files.map((f) => [f.path, f.expect]));
  for (const f of summary.ingest.files) {
    const rel = relative(inbox, f.path).split('\\').join('/');
    const want = expected.get(rel);
    // a file loaded by an earlier run is a duplicate now: as good as accepted
    const got = f.status === 'duplicate' ? 'accepted' : f.status;
    if (want && want !== got) throw new CliError(runMessages.demoUnexpected(rel, want, got));
  }
  const divisionFiles = manifest.files.filter((f) => f.submitter === 'division' && f.expect === 'accepted');
  if (manifest.key_tasks && divisionFiles.length > 0) {
    const silent = (manifest.late_divisions ?? []).map((d) => `${d.name} ${d.period}`).join('、');
    io.stderr(sampleMessages.demoDivisions(divisionFiles.length, new Set(divisionFiles.map((f) => f.unit_code)).size, manifest.key_tasks, silent) + '\n');
  }
  if (summary.ingest.rejected > 0) {
    io.stderr(runMessages.demoExpectedRejects(summary.ingest.rejected) + '\n');
    for (const f of manifest.files.filter((x) => x.expect === 'rejected')) io.stderr(sampleMessages.demoExpectedRejection(f.path, f.note ?? '') + '\n');
  }
  io.stderr(runMessages.demoDone(outDir) + '\n');
  return EXIT.ok;
}

import { join, resolve } from 'node:path';
import { parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { sampleMessages } from '../messages';
import { progress } from '../progress';
import { DEFAULT_SEED, generateSample, MANIFEST_NAME, SampleFolderError } from '../sample';
import { seedsDir } from '../warehouse/seeds';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('sample', argv, {
    out: { type: 'string', short: 'o' },
    seed: { type: 'string' },
    scale: { type: 'string' },
  }, { positionals: true });
  if (help) {
    io.stdout(sampleMessages.help + '\n');
    return EXIT.ok;
  }
  if (positionals.length > 0) throw CliError.usage(sampleMessages.noPositionals);
  const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber(values.seed, 0, Number.MAX_SAFE_INTEGER, sampleMessages.badSeed);
  const scale = values.scale === undefined ? 1 : wholeNumber(values.scale, 1, 10_000, sampleMessages.badScale);
  const outDir = resolve(io.cwd, values.out ?? 'inbox');
  const p = progress(io);
  p.stage(sampleMessages.stage(outDir));
  try {
    const manifest = await generateSample({ outDir, seed, scale, seedsDir: seedsDir(io.env), onFile: (done, total) => p.tick(done, total) });
    p.done(sampleMessages.done(manifest.files.length, manifest.files.filter((f) => f.expect === 'rejected').length, join(outDir, MANIFEST_NAME)));
  } catch (error) {
    if (error instanceof SampleFolderError) {
      throw new CliError(error.reason === 'not-empty' ? sampleMessages.folderNotEmpty(error.folder) : sampleMessages.notAFolder(error.folder));
    }
    throw error;
  }
  return EXIT.ok;
}

function wholeNumber(raw: string, min: number, max: number, message: (raw: string) => string): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw CliError.usage(message(raw));
  return n;
}

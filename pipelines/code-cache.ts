import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { projectPath } from './paths';

/**
 * V8's compiled code for vega's and vega-lite's single-file builds (reports/charts/umd.ts), kept
 * on disk between runs (`node_modules/.cache/nrp/code/*.v8`). Node 20 compiles every script from
 * source in every process, and each function again the first time it runs (Node 22 has
 * module.enableCompileCache; Node 20 does not). For the two largest scripts nrp loads that is
 * ~0.3 s of CPU per bulletin (BENCHMARKS.md); for the rest of node_modules a cache did not
 * measurably pay, so only these two scripts, which nrp compiles itself, use it.
 *
 * A script's cache is written once, when the command is done (`flushCodeCache`, cli.ts): it then
 * holds the functions the run compiled, not only the top level. A stale, foreign or corrupt
 * cache is rejected by V8 (`cachedDataRejected`) and written anew; a cache that cannot be
 * written (read-only install) only costs the speed-up. NRP_CODE_CACHE=0 turns it off,
 * NRP_CODE_CACHE_DIR moves it.
 */
const pending = new Map<string, Script>();

function cacheDir(): string {
  return process.env.NRP_CODE_CACHE_DIR || projectPath('node_modules', '.cache', 'nrp', 'code');
}

/** Cache file for a source file: its path, size and mtime, how it is wrapped, and the V8 version. */
function cacheFileFor(filename: string, wrapping: string): string | undefined {
  if (process.env.NRP_CODE_CACHE === '0') return undefined;
  try {
    const stat = statSync(filename);
    const key = createHash('sha1').update(`${filename}|${stat.size}|${stat.mtimeMs}|${wrapping}|${process.versions.v8}`).digest('hex').slice(0, 20);
    return join(cacheDir(), `${key}.v8`);
  } catch {
    return undefined;
  }
}

/**
 * Compiles `source` (the file's text wrapped as one function expression; `wrapping` names the
 * wrapper, since the same file wrapped otherwise is another script) with the cached code, if any.
 */
export function compileCached(source: string, filename: string, wrapping: string): Script {
  const cacheFile = cacheFileFor(filename, wrapping);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(source, { filename, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) pending.set(cacheFile, script);
  return script;
}

/** Writes the caches that were missing or stale, with every function compiled so far. */
export function flushCodeCache(): void {
  for (const [file, script] of pending) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      // read-only node_modules: run without the cache
    }
  }
  pending.clear();
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a package's single-file UMD build (vega's `build/vega.js`, vega-lite's
 * `build/vega-lite.min.js`) as a CommonJS-style function, with V8's compiled code kept on disk.
 *
 * Why: the ESM entry points pull in ~40 packages as separate modules; resolving, linking and
 * compiling them cost ~0.4 s CPU per process, the UMD files ~0.1 s, and ~0.03 s with the code
 * cache. Same versions, same code (the UMD files are built from the same sources by the
 * packages themselves), so the charts are byte-identical (test/charts compares the SVGs).
 *
 * The cache (`node_modules/.cache/nrp/*.v8`) is keyed by the file's path, size, mtime and the V8
 * version; a stale, foreign or corrupt cache is rejected by V8 (`cachedDataRejected`) and rewritten.
 * A cache that cannot be written (read-only install) only costs the speed-up.
 */
const requireHere = createRequire(__filename);

/** The node_modules folder Node would find `pkg` in from here (vega's `exports` hide package.json). */
function modulesDir(pkg: string): string {
  for (const dir of requireHere.resolve.paths(pkg) ?? []) if (existsSync(join(dir, pkg, 'package.json'))) return dir;
  throw new Error(`package ${pkg} not found`);
}

export function packageFile(pkg: string, file: string): string {
  return join(modulesDir(pkg), pkg, file);
}

function cacheDir(): string {
  return join(modulesDir('vega'), '.cache', 'nrp');
}

export function loadUmd<T>(file: string, deps: Record<string, unknown> = {}): T {
  const source = readFileSync(file, 'utf8');
  const stat = statSync(file);
  const key = createHash('sha1').update(`${file}|${stat.size}|${stat.mtimeMs}|${process.versions.v8}`).digest('hex').slice(0, 16);
  const cacheFile = join(cacheDir(), `umd-${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, module, require, define) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const factory = script.runInThisContext() as (e: object, m: object, r: (n: string) => unknown, d: undefined) => void;
  const mod = { exports: {} as Record<string, unknown> };
  const req = (name: string) => {
    if (name in deps) return deps[name];
    throw new Error(`${file} asks for ${name}, which is not provided`);
  };
  factory.call(mod.exports, mod.exports, mod, req, undefined);
  if (cachedData === undefined || script.cachedDataRejected) writeCache(cacheFile, script.createCachedData());
  return mod.exports as T;
}

function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // read-only node_modules: run without the cache
  }
}

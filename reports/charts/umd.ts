import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a package's single-file UMD build (vega's `build/vega.js`, vega-lite's
 * `build/vega-lite.min.js`) as a CommonJS-style function.
 *
 * Why: the ESM entry points pull in ~40 packages as separate modules; resolving, linking and
 * compiling them cost ~0.4 s CPU per process, the UMD files ~0.1 s. Same versions, same code
 * (the UMD files are built from the same sources by the packages themselves), so the charts are
 * byte-identical (test/charts compares the SVGs). A V8 code cache for these two files was
 * measured and removed (BENCHMARKS.md: it bought nothing for a bulletin).
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

export function loadUmd<T>(file: string, deps: Record<string, unknown> = {}): T {
  const source = readFileSync(file, 'utf8');
  const wrapped = `(function (exports, module, require, define) {${source}\n})`;
  const factory = new Script(wrapped, { filename: file }).runInThisContext() as (e: object, m: object, r: (n: string) => unknown, d: undefined) => void;
  const mod = { exports: {} as Record<string, unknown> };
  const req = (name: string) => {
    if (name in deps) return deps[name];
    throw new Error(`${file} asks for ${name}, which is not provided`);
  };
  factory.call(mod.exports, mod.exports, mod, req, undefined);
  return mod.exports as T;
}

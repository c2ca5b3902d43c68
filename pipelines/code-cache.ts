import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { projectPath } from './paths';

/**
 * V8's compiled code for the packages nrp loads, kept on disk between runs
 * (`node_modules/.cache/nrp/code/*.v8`). Node 20 compiles every module from source in every
 * process, and then compiles each function again the first time it is called; for pdfmake,
 * pdfkit, fontkit and vega that is a good part of a cold `nrp report`. (Node 22 has this built
 * in as module.enableCompileCache; Node 20 does not.)
 *
 * A script's cache is written once, when the work is done (`flushCodeCache`): it then holds the
 * functions the run compiled, not only the module's top level, so the next run skips compiling
 * them too. A stale, foreign or corrupt cache is rejected by V8 (`cachedDataRejected`) and
 * written anew; a cache that cannot be written (read-only install) only costs the speed-up. The
 * cache changes how fast code starts, never what it does.
 */
interface Pending {
  file: string;
  script: Script;
}

const pending = new Map<string, Pending>();

/** NRP_CODE_CACHE_DIR moves the cache (the tests use a temp folder); NRP_CODE_CACHE=0 turns the module hook off. */
function cacheDir(): string {
  return process.env.NRP_CODE_CACHE_DIR || projectPath('node_modules', '.cache', 'nrp', 'code');
}

/** Cache file for a source file: its path, size and mtime, how it is wrapped, and the V8 version. */
function cacheFileFor(filename: string, wrapping: string): string | undefined {
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
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) pending.set(cacheFile, { file: cacheFile, script });
  return script;
}

/** Writes the caches that were missing or stale, with every function compiled so far. */
export function flushCodeCache(): void {
  for (const { file, script } of pending.values()) {
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

type CompileFn = (this: Module & { require(id: string): unknown }, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: CompileFn };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

let installed = false;

/**
 * Routes the CommonJS modules of node_modules through the cache from now on. Files that use
 * `import()` (which a vm.Script cannot serve without a callback) or start with `#!` keep Node's
 * own loader, and so does everything outside node_modules.
 */
export function installCodeCache(): void {
  if (installed || process.env.NRP_CODE_CACHE === '0') return;
  installed = true;
  const M = Module as unknown as ModuleInternals;
  const original = M.prototype._compile;
  const modules = `${sep}node_modules${sep}`;
  M.prototype._compile = function (content, filename) {
    if (!filename.includes(modules) || !filename.endsWith('.js') && !filename.endsWith('.cjs') || content.startsWith('#!') || content.includes('import(')) {
      return original.call(this, content, filename);
    }
    const fn = compileCached(M.wrap(content), filename, 'cjs').runInThisContext({ displayErrors: true }) as (
      exports: unknown, require: unknown, module: unknown, filename: string, dirname: string,
    ) => unknown;
    return fn.call(this.exports, this.exports, requireFor(this, M), this, filename, dirname(filename));
  };
}

/** The `require` a module gets from Node, for a module compiled here. */
function requireFor(mod: Module & { require(id: string): unknown }, M: ModuleInternals) {
  const req = (id: string) => mod.require(id);
  const resolve = (request: string, options?: unknown) => M._resolveFilename(request, mod, false, options);
  resolve.paths = (request: string) => M._resolveLookupPaths(request, mod);
  return Object.assign(req, { resolve, main: require.main, extensions: M._extensions, cache: M._cache });
}

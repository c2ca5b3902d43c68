import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project root holds `seeds/` and `sql/`. The code runs both from `pipelines/` (ts-node,
 * vitest) and from `dist/pipelines/` (the compiled `nrp`), so walk up to our package.json.
 */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'nrp') return dir;
      } catch {
        // an unreadable package.json is not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`nrp: cannot find the project root above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

export function projectPath(...parts: string[]): string {
  return resolve(PROJECT_ROOT, ...parts);
}

export const SEEDS_DIR = projectPath('seeds');
export const SQL_DIR = projectPath('sql');

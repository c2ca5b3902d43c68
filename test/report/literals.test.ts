import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';

/**
 * Units, indicators and the plan year are seed rows, never code: the reports library and the
 * commands that drive it hold no unit code, no indicator code and no year outside comments
 * (reports/bulletin.config.json is configuration and may). Checked on the code with comments
 * stripped, so a help example or a comment may still say 2023Q2.
 */
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
const OWN = [
  ...files(projectPath('reports')),
  ...files(projectPath('pipelines', 'run')),
  ...['report', 'charts', 'run', 'demo', 'status', 'submissions'].map((c) => projectPath('pipelines', 'commands', `${c}.ts`)),
];
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('no codes, names or years in the reports code', () => {
  it('finds no unit code, indicator code or year in code', () => {
    const codes = readFileSync(projectPath('seeds', 'indicators.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[1]).filter(Boolean);
    const units = readFileSync(projectPath('seeds', 'units.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
    const found: string[] = [];
    for (const file of OWN) {
      const text = code(readFileSync(file, 'utf8'));
      for (const word of [...codes, ...units, '2023', '2024']) {
        if (new RegExp(`(^|[^A-Za-z0-9_])${word}($|[^A-Za-z0-9_])`).test(text)) found.push(`${file.slice(projectPath('').length)}: ${word}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('finds no unit or division name in code, the city name included (the work plan is named in configuration)', () => {
    const rows = (seed: string) => readFileSync(projectPath('seeds', seed), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
    const names = [
      ...rows('units.csv').flatMap((r) => [r[1], ...r[2].split('|'), r[7]]),
      ...rows('divisions.csv').flatMap((r) => [r[2], ...r[3].split('|')]),
    ].filter((n) => n && n.length > 1);
    expect(names).toContain('嘉兴市');
    const found: string[] = [];
    for (const file of OWN) {
      const text = code(readFileSync(file, 'utf8'));
      for (const name of new Set(names)) if (text.includes(name)) found.push(`${file.slice(projectPath('').length)}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});

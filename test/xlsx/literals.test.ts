import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';

/**
 * test/report/literals.test.ts checks reports/ (reports/xlsx with it) and pipelines/run; the same
 * rule for the feedback command: no unit code, indicator code or plan year outside comments.
 */
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('no codes or years in nrp feedback', () => {
  it('finds no unit code, indicator code or year in pipelines/commands/feedback.ts', () => {
    const codes = readFileSync(projectPath('seeds', 'indicators.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[1]).filter(Boolean);
    const units = readFileSync(projectPath('seeds', 'units.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
    const text = code(readFileSync(projectPath('pipelines', 'commands', 'feedback.ts'), 'utf8'));
    const found = [...codes, ...units, '2023', '2024'].filter((word) => new RegExp(`(^|[^A-Za-z0-9_])${word}($|[^A-Za-z0-9_])`).test(text));
    expect(codes.length).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });
});

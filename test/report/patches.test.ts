import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';

/**
 * The PDF depends on pdfmake's layout and on a replaced internal of fontkit (reports/pdf/engine.ts:
 * shaping off for the Noto SC faces). Both packages are pinned to exact versions, and the file the
 * patch reaches into is fingerprinted here: an upgrade fails this test loudly, naming the patch
 * to re-check, instead of quietly changing the PDF or losing the speed-up. After re-checking the
 * patch against the new code (and the bench), update the version and the fingerprint below.
 */
const requireHere = createRequire(__filename);
const modules = projectPath('node_modules');
const PINNED = { pdfmake: '0.3.11', fontkit: '2.0.4' } as const;
const FINGERPRINTS: { file: string; patch: string; sha256: string }[] = [
  { file: 'fontkit/dist/main.cjs', patch: 'reports/pdf/fonts.ts (disableCjkShaping)', sha256: '1cac5f3c126952095df9cb84bd2bef8230c7133ee1aeb119b2de85d3053fd245' },
];
const sha = (file: string) => createHash('sha256').update(readFileSync(join(modules, file))).digest('hex');

describe('pdfmake and fontkit, whose internals the PDF patches replace', () => {
  it('are pinned to exact versions in package.json and package-lock.json, and those are installed', () => {
    const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(projectPath('package-lock.json'), 'utf8'));
    for (const [name, version] of Object.entries(PINNED)) {
      expect(pkg.dependencies[name], `package.json ${name}`).toBe(version);
      expect(lock.packages[''].dependencies[name], `package-lock.json ${name}`).toBe(version);
      expect(lock.packages[`node_modules/${name}`].version).toBe(version);
      expect(JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version, `installed ${name}`).toBe(version);
    }
  });

  for (const f of FINGERPRINTS) {
    it(`${f.file} is the code ${f.patch} was written against`, () => {
      expect(sha(f.file), `${f.file} changed: re-check ${f.patch} against it, then update the fingerprint`).toBe(f.sha256);
    });
  }
});

describe('the shaping patch', () => {
  it('turns OpenType shaping off for the Noto SC faces only, through the getter fontkit 2.0.4 has', async () => {
    const fontkit = requireHere('fontkit') as { create(b: Buffer): object; openSync(p: string): { _layoutEngine: { engine: unknown } } };
    const proto = Object.getPrototypeOf(fontkit.create(Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])));
    expect(typeof Object.getOwnPropertyDescriptor(proto, '_layoutEngine')?.get).toBe('function');
    const { FONT_FILES } = await import('../../reports/pdf/fonts');
    const { pdfEngine } = await import('../../reports/pdf/engine');
    pdfEngine();
    expect(fontkit.openSync(FONT_FILES.serifRegular)._layoutEngine.engine).toBeNull();
    expect(fontkit.openSync(FONT_FILES.sansBold)._layoutEngine.engine).toBeNull();
    // Any other face keeps its shaping (Roboto comes with pdfmake).
    expect(fontkit.openSync(join(modules, 'pdfmake/build/fonts/Roboto/Roboto-Regular.ttf'))._layoutEngine.engine).not.toBeNull();
  });
});

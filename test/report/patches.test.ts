import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';

/**
 * The PDF's speed-ups replace internals of pdfmake and fontkit (reports/pdf/engine.ts lists them).
 * Those packages are pinned to exact versions, and the files each patch reaches into are
 * fingerprinted here: an upgrade fails this test loudly, naming the patch to re-check, instead
 * of quietly changing the PDF or losing the speed-up. After re-checking the patch against the new
 * code (and the bench), update the version and the fingerprint below.
 */
const requireHere = createRequire(__filename);
const modules = projectPath('node_modules');
const PINNED = { pdfmake: '0.3.11', fontkit: '2.0.4' } as const;
const FINGERPRINTS: { file: string; patch: string; sha256: string }[] = [
  { file: 'pdfmake/js/StyleContextStack.js', patch: 'reports/pdf/style-lookup.ts', sha256: '618e1825a4ef4fafd448800541c68b8282ca56975bea44f613eefbaa966405dc' },
  { file: 'pdfmake/js/Renderer.js', patch: 'reports/pdf/inlines.ts', sha256: '23e76f678fa202cf4ddc1ac8b286822d3a91d3b0a3771a363056ca563fa2d443' },
  { file: 'pdfmake/js/SVGMeasure.js', patch: 'reports/pdf/svg-measure.ts', sha256: 'f7b3e8a6fbd5d7bddb66a3e3b7e601dcd423449c43c6f1b8cdd921868e5390e9' },
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

describe('each patch', () => {
  it('style lookup: answers as pdfmake’s own lookup does, extends and overrides included', async () => {
    const Stack = (requireHere('pdfmake/js/StyleContextStack') as { default: new (d: object, s?: object) => StackLike }).default as unknown as StackClass;
    const original = { get: Stack.prototype.getProperty, static: Stack.getStyleProperty };
    const dictionary = { base: { fontSize: 10, color: 'red' }, derived: { extends: 'base', bold: true }, table: { extends: ['base', 'derived'], fontSize: 8 } };
    const cases: [unknown, string[], string][] = [
      [{ text: 'a', style: 'derived' }, ['table'], 'fontSize'],
      [{ text: 'a', style: ['base', 'derived'] }, [], 'bold'],
      [{ text: 'a', color: 'blue' }, ['base'], 'color'],
      ['plain', ['derived', 'table'], 'color'],
      [{ text: 'a' }, [], 'alignment'],
    ];
    const answers = () =>
      cases.map(([item, pushed, property]) => {
        const stack = new Stack(dictionary, { alignment: 'left' });
        for (const p of pushed) stack.push(p);
        return [stack.getProperty(property), Stack.getStyleProperty(item, stack, property, 'default')];
      });
    const before = answers();
    const { installFastStyleLookup } = await import('../../reports/pdf/style-lookup');
    installFastStyleLookup();
    expect(Stack.prototype.getProperty).not.toBe(original.get);
    expect(Stack.getStyleProperty).not.toBe(original.static);
    expect(answers()).toEqual(before);
  });

  it('SVG measure: reads and rewrites only the root tag, leaving the drawing as it was', async () => {
    const proto = (requireHere('pdfmake/js/SVGMeasure') as { default: { prototype: { measureSVG(s: string): object; writeDimensions(s: string, d: object): string } } }).default.prototype;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="440" height="280"><g transform="translate(4,4)"><text>全市</text></g></svg>';
    const before = proto.measureSVG(svg);
    const { installSvgRootMeasure } = await import('../../reports/pdf/svg-measure');
    installSvgRootMeasure();
    expect(proto.measureSVG(svg)).toEqual(before);
    const rewritten = proto.writeDimensions(svg, { width: 220, height: 140 });
    expect(rewritten).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="220" height="140" viewBox="0 0 440 280"><g transform="translate(4,4)"><text>全市</text></g></svg>');
  });

  it('joined inlines and shaping off: a paragraph of Chinese is a few text runs, not one per character', async () => {
    const { renderPdf } = await import('../../reports/pdf/engine');
    const { FONTS } = await import('../../reports/pdf/styles');
    const text = '全市国有土地供应总量2.31万亩，完成年度目标的57.8%，超序时进度7.8个百分点。'.repeat(4);
    const pdf = await renderPdf({ content: [{ text }], defaultStyle: { font: FONTS.body, fontSize: 16 }, compress: false } as never);
    const runs = (pdf.toString('latin1').match(/\bBT\b/g) ?? []).length;
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThan(20); // ~170 characters on about 6 lines
    const fontkit = requireHere('fontkit') as { openSync(p: string): { _layoutEngine: { engine: unknown } } };
    const { FONT_FILES } = await import('../../reports/pdf/fonts');
    expect(fontkit.openSync(FONT_FILES.serifRegular)._layoutEngine.engine).toBeNull();
  });
});

interface StackLike {
  push(entry: unknown): void;
  getProperty(property: string): unknown;
}
interface StackClass {
  new (dictionary: object, defaultStyle?: object): StackLike;
  prototype: StackLike;
  getStyleProperty(item: unknown, stack: StackLike, property: string, defaultValue: unknown): unknown;
}

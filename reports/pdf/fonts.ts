import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { FONTS } from './styles';

/**
 * The faces come from npm (@expo-google-fonts), never from the system, and pdfkit embeds only
 * the glyphs used (subsets). They are named by their real paths rather than put into pdfmake's
 * virtual file system: the chart SVGs ask pdfkit for a font by the name pdfmake gives them, and
 * pdfkit itself knows nothing of that virtual file system. The local-access policy (engine.ts)
 * lets pdfmake read these four files and nothing else.
 */
const requireHere = createRequire(__filename);
const packageDir = (name: string) => dirname(requireHere.resolve(`${name}/package.json`));
const serif = packageDir('@expo-google-fonts/noto-serif-sc');
const sans = packageDir('@expo-google-fonts/noto-sans-sc');

export const FONT_FILES = {
  serifRegular: join(serif, '400Regular', 'NotoSerifSC_400Regular.ttf'),
  serifBold: join(serif, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  sansRegular: join(sans, '400Regular', 'NotoSansSC_400Regular.ttf'),
  sansBold: join(sans, '700Bold', 'NotoSansSC_700Bold.ttf'),
} as const;

const F = FONT_FILES;
export const FONT_DICTIONARY: TFontDictionary = {
  [FONTS.body]: { normal: F.serifRegular, bold: F.serifBold, italics: F.serifRegular, bolditalics: F.serifBold },
  [FONTS.title]: { normal: F.serifBold, bold: F.serifBold, italics: F.serifBold, bolditalics: F.serifBold },
  // Also the family the chart SVGs name, so that their text is set in the same face.
  [FONTS.heading]: { normal: F.sansRegular, bold: F.sansBold, italics: F.sansRegular, bolditalics: F.sansBold },
};

const ALLOWED = new Set<string>(Object.values(FONT_FILES));

/** Files pdfmake may read: only our four font files (anything else is refused). */
export function isFontFile(path: string): boolean {
  return ALLOWED.has(path);
}

let shapingOff = false;

/**
 * Turns off OpenType shaping (GSUB/GPOS) for our Noto SC faces, once per process. pdfmake
 * measures CJK text a character at a time, and fontkit runs the whole OpenType machinery for
 * each: that was most of the PDF's time. Chinese text needs no shaping (no ligatures, no
 * contextual forms; the SC faces' default glyphs are the Simplified forms), so glyphs and
 * advances are the same; only kerning between Latin digits is lost (the test compares widths).
 * fontkit exposes no switch, so the shared font prototype's layout engine loses its OpenType
 * engine for these faces only; every other font keeps shaping.
 */
export function disableCjkShaping(): void {
  if (shapingOff) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fontkit = require('fontkit') as { create(buffer: Buffer): object };
  // An empty TrueType header is enough to reach the class every TrueType font shares.
  const proto = Object.getPrototypeOf(fontkit.create(Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))) as object;
  const original = Object.getOwnPropertyDescriptor(proto, '_layoutEngine');
  if (!original?.get) return; // another fontkit: keep shaping rather than guess
  const getter = original.get;
  Object.defineProperty(proto, '_layoutEngine', {
    configurable: true,
    get(this: { postscriptName?: string }) {
      const engine = getter.call(this) as { engine?: unknown };
      if (/^NotoS(ans|erif)SC-/.test(this.postscriptName ?? '')) engine.engine = null;
      return engine;
    },
  });
  shapingOff = true;
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { FONTS } from './styles';

/**
 * The faces come from npm (@expo-google-fonts), never from the system, and pdfkit embeds only
 * the glyphs used (subsets). They are named by their real paths rather than put into pdfmake's
 * virtual file system: the chart SVGs ask pdfkit for a font by the name pdfmake gives them, and
 * pdfkit itself knows nothing of that virtual file system. The local-access policy (render.ts)
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

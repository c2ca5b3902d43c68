import { readFileSync } from 'node:fs';
import { FONT_FILES } from '../pdf/fonts';
import { sfntToWoff } from './woff';

/**
 * The page's faces, the PDF's own, cut down to the characters the page shows and inlined as
 * data: URLs, so the page looks the same on a PC without any CJK font and fetches nothing:
 *  - Noto Sans SC (黑体 stand-in): tables, charts, headings, controls; it has every character
 *    the page or its data can show, and stands behind the serif faces in the CSS, so a character
 *    either serif subset lacks is still drawn by an embedded face;
 *  - Noto Serif SC (仿宋 stand-in): the text, outside tables and figures;
 *  - Noto Serif SC bold (小标宋 stand-in): the masthead, the title, the （一） headings and the
 *    annexes' titles.
 * Bold sans (headings, table heads) is the browser's emboldened regular: a fourth face of every
 * character would cost a third of the page's bytes.
 *
 * harfbuzz's subsetter (subset-font, WebAssembly) keeps the glyphs of those characters; no
 * OpenType layout features are kept and no glyph closure is made (Chinese text needs no shaping:
 * no ligatures, and the SC faces' default glyphs are the Simplified forms), which halves the
 * subset; WOFF (zlib, woff.ts) takes it to about two thirds. Not WOFF2: its Brotli takes about a
 * second per face.
 */
export interface Face {
  family: 'Noto Serif SC' | 'Noto Sans SC';
  weight: 400 | 700;
  file: string;
  /** Which characters it carries: every one the page shows, the text's, or the titles'. */
  covers: 'all' | 'text' | 'titles';
}

export const FACES: Face[] = [
  { family: 'Noto Sans SC', weight: 400, file: FONT_FILES.sansRegular, covers: 'all' },
  { family: 'Noto Serif SC', weight: 400, file: FONT_FILES.serifRegular, covers: 'text' },
  { family: 'Noto Serif SC', weight: 700, file: FONT_FILES.serifBold, covers: 'titles' },
];

/** Characters every page may show beyond its own text: printable ASCII, and what Vega and the script write (−, …, arrows). */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '−…▲▼⇅·×，。：；、（）';

/** The distinct characters of `texts` and ALWAYS, sorted by code point (so the subset is the same for the same text). */
export function glyphSet(...texts: string[]): string {
  // A bitmap of the Basic Multilingual Plane (a Set of every character of a few MB of text took
  // ~70 ms a page); characters beyond it, rare here, in a Set.
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  const add = (t: string) => {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        astral.add(t.codePointAt(i)!);
        i++;
      } else if (c >= 32) bmp[c] = 1;
    }
  };
  add(ALWAYS);
  texts.forEach(add);
  const codes: number[] = [];
  for (let c = 0; c < bmp.length; c++) if (bmp[c]) codes.push(c);
  return String.fromCodePoint(...codes, ...[...astral].sort((a, b) => a - b));
}

const tagsOut = (html: string) => html.replace(/<[^>]*>/g, ' ');

/** The article's text set in the serif: outside tables and figures (which are sans). */
export function bodyText(html: string): string {
  return tagsOut(html.replace(/<table[\s\S]*?<\/table>/g, '').replace(/<figure[\s\S]*?<\/figure>/g, ''));
}

/** The article's text set in bold serif: masthead, title, （一） headings, annex titles (page.css). */
export function titleText(html: string): string {
  const found = html.match(/<(p class="issuer"|h1 class="doc-title"|h3|h2 class="annex-title")[^>]*>[\s\S]*?<\/(p|h1|h3|h2)>/g) ?? [];
  return tagsOut(found.join(' '));
}

type SubsetFont = (font: Buffer, text: string, options: Record<string, unknown>) => Promise<Buffer>;

/** One face cut down to `chars`, as WOFF bytes. */
export async function subsetFace(face: Face, chars: string): Promise<Buffer> {
  // Loaded here: only the HTML needs harfbuzz's WebAssembly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const subsetFont = require('subset-font') as SubsetFont;
  const sfnt = await subsetFont(readFileSync(face.file), chars, { targetFormat: 'sfnt', keepFeatures: [], noLayoutClosure: true });
  return sfntToWoff(sfnt);
}

/** The @font-face rules for `faces`, each with its subset inline. */
export function fontFaceCss(faces: { face: Face; bytes: Buffer }[]): string {
  return faces
    .map(({ face, bytes }) => `@font-face{font-family:"${face.family}";font-weight:${face.weight};font-style:normal;font-display:block;src:url(data:font/woff;base64,${bytes.toString('base64')}) format("woff")}`)
    .join('\n');
}

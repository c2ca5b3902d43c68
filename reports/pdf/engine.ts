import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { disableCjkShaping, FONT_DICTIONARY, isFontFile } from './fonts';
import { installInlineJoining } from './inlines';
import { installSvgRootMeasure } from './svg-measure';
import { installFastStyleLookup } from './style-lookup';
import { TABLE_LAYOUT } from './styles';

interface PdfMake {
  setFonts(fonts: unknown): void;
  addTableLayouts(layouts: unknown): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/**
 * The replacements of pdfmake and fontkit internals made for speed, each in its own module with
 * a test that fails when the pinned library changes under it (test/report/patches.test.ts), and
 * each measured in bench/report.bench.ts: what it saves is in BENCHMARKS.md.
 */
export const PDF_PATCHES = {
  /** fonts.ts: no OpenType shaping for the Noto SC faces. */
  shaping: disableCjkShaping,
  /** inlines.ts: a line's same-style characters drawn as one text run. */
  inlines: installInlineJoining,
  /** svg-measure.ts: a chart's size read from its root tag, not from two XML parses. */
  svgMeasure: installSvgRootMeasure,
  /** style-lookup.ts: style properties looked up without allocating. */
  styleLookup: installFastStyleLookup,
} as const;
export type PdfPatch = keyof typeof PDF_PATCHES;

let engine: PdfMake | undefined;

/**
 * pdfmake, configured once per process: our font files only, no URL ever fetched, no other local
 * file read (both policies refuse), the bureau's table layout, and the patches (all of them but
 * in the benchmark, which measures each).
 */
export function pdfEngine(patches: readonly PdfPatch[] = Object.keys(PDF_PATCHES) as PdfPatch[]): PdfMake {
  if (engine) return engine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pm = require('pdfmake') as PdfMake;
  for (const patch of patches) PDF_PATCHES[patch]();
  pm.setFonts(FONT_DICTIONARY);
  pm.addTableLayouts({ bulletin: TABLE_LAYOUT });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => isFontFile(path));
  engine = pm;
  return pm;
}

/** The PDF's bytes. Deterministic: the definition fixes the dates the PDF carries (and its ID derives from them). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfEngine().createPdf(doc).getBuffer();
}

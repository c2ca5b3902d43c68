import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { disableCjkShaping, FONT_DICTIONARY, isFontFile } from './fonts';
import { TABLE_LAYOUT } from './styles';

interface PdfMake {
  setFonts(fonts: unknown): void;
  addTableLayouts(layouts: unknown): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/**
 * The replacements of library internals made for speed, each with a test that fails when the
 * pinned library changes under it (test/report/patches.test.ts) and measured in
 * bench/report.bench.ts (BENCHMARKS.md). One is left: three pdfmake patches (style lookup, SVG
 * measuring, joining text runs) were measured and removed, as they bought nothing measurable.
 */
export const PDF_PATCHES = {
  /** fonts.ts: no OpenType shaping for the Noto SC faces (fontkit). */
  shaping: disableCjkShaping,
} as const;
export type PdfPatch = keyof typeof PDF_PATCHES;

let engine: PdfMake | undefined;

/**
 * pdfmake, configured once per process: our font files only, no URL ever fetched, no other local
 * file read (both policies refuse), the bureau's table layout, and the patches (all of them but
 * in the benchmark, which measures them).
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

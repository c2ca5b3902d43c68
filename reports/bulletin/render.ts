import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { attachDrawings, installDeferredCharts } from './deferred-svg';
import { disableCjkShaping, FONT_DICTIONARY, isFontFile } from './fonts';
import { installInlineJoining } from './inlines';
import { installSvgRootMeasure } from './svg-measure';
import { installFastStyleLookup } from './style-lookup';
import type { ChartDrawings } from './model';
import { TABLE_LAYOUT } from './styles';

interface PdfMake {
  setFonts(fonts: unknown): void;
  addTableLayouts(layouts: unknown): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | undefined;

/**
 * pdfmake, configured once per process: our font files only, no URL ever
 * fetched, no other local file read (both policies refuse), the bureau's table layout.
 */
function pdfmake(): PdfMake {
  if (engine) return engine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pm = require('pdfmake') as PdfMake;
  disableCjkShaping();
  installInlineJoining();
  installSvgRootMeasure();
  installFastStyleLookup();
  installDeferredCharts();
  pm.setFonts(FONT_DICTIONARY);
  pm.addTableLayouts({ bulletin: TABLE_LAYOUT });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => isFontFile(path));
  engine = pm;
  return pm;
}

/** Loads and configures pdfmake now (while the chart worker draws), instead of at the first render. */
export function preparePdf(): void {
  pdfmake();
}

/**
 * The PDF's bytes. Deterministic: the definition fixes the dates the PDF carries (and its ID
 * derives from them). `drawings` gives the SVG of each chart the document places (figures.ts),
 * asked for when its page is drawn.
 */
export async function renderPdf(doc: TDocumentDefinitions, drawings?: ChartDrawings): Promise<Buffer> {
  const engine = pdfmake();
  if (drawings) attachDrawings(doc.content, drawings);
  return engine.createPdf(doc).getBuffer();
}

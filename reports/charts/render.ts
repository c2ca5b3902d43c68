import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { vegaTextWidth } from './measure';
import { FONT_FAMILY, FONT_FILES } from './theme';
import type { VlSpec } from './types';
import { loadUmd, packageFile } from './umd';

/**
 * Spec → SVG → PNG, headless: vega-lite compiles, a Vega View with `renderer: 'none'` writes
 * SVG (no browser, no canvas), resvg rasterises with the bundled font and no system fonts, so
 * the same spec gives the same bytes on every machine.
 */

type VegaModule = typeof import('vega');
type VegaLiteModule = { compile(spec: unknown, options?: unknown): { spec: unknown } };

let engines: Promise<{ vega: VegaModule; vl: VegaLiteModule }> | undefined;

/**
 * vega and vega-lite from their single-file UMD builds (see umd.ts: a fraction of the cost of
 * loading their ESM entry points, module by module). Same code, same output.
 */
function loadEngines() {
  engines ??= (async () => {
    const vega = loadUmd<VegaModule>(packageFile('vega', 'build/vega.js'));
    const vl = loadUmd<VegaLiteModule>(packageFile('vega-lite', 'build/vega-lite.min.js'), { vega });
    // Real glyph advances instead of Vega's 0.8 em guess (see measure.ts).
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth;
    return { vega, vl };
  })();
  return engines;
}

export interface RenderOptions {
  /** Overrides the spec's width (px = pt); only for specs that have a top-level width. */
  width?: number;
}

export async function renderSvg(spec: VlSpec, options: RenderOptions = {}): Promise<string> {
  const { vega, vl } = await loadEngines();
  const sized = options.width !== undefined && 'width' in spec ? { ...spec, width: options.width } : spec;
  const compiled = vl.compile(sized).spec;
  const view = new vega.View(vega.parse(compiled as never), { renderer: 'none' });
  try {
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions extends RenderOptions {
  /** Pixels per SVG px: 1 px = 1 pt, so scale 300/72 gives 300 dpi. Default 3 (216 dpi). */
  scale?: number;
}

export async function renderPng(spec: VlSpec, options: PngOptions = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(spec, options), options.scale ?? 3);
}

/** Rasterises an SVG written by renderSvg with the bundled font only. */
export function svgToPng(svg: string, scale = 3): Buffer {
  // Loaded here: the bulletin draws SVG only and need not load the native rasteriser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require('@resvg/resvg-js') as { Resvg: typeof ResvgClass };
  const resvg = new Resvg(svg, {
    background: '#FFFFFF',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

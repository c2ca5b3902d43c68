import type { ChartDrawings } from './model';
import { rewriteRoot, rootTag } from './svg-measure';

/**
 * Charts drawn into the PDF when their page is drawn, not when the document is laid out.
 * figures.ts gives each chart node an empty SVG of the chart's box (all the layout needs) and
 * the chart's id; renderPdf hands every such node the function that returns the drawing
 * (attachDrawings), and pdfmake's renderer, on reaching the node, draws that SVG instead, sized
 * to the node's box exactly as pdfmake would have sized it (writeDimensions, svg-measure.ts).
 * The drawing may still be in the making in a worker thread then: the function waits for it
 * (chart-job.ts), while everything before it on the pages is already drawn.
 */
interface ChartNode {
  svg: string;
  nrpChart?: string;
  nrpDraw?: ChartDrawings;
  _width: number;
  _height: number;
}

let installed = false;

export function installDeferredCharts(): void {
  if (installed) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const proto = (require('pdfmake/js/Renderer') as { default: { prototype: { renderSVG(node: ChartNode): void } } }).default.prototype;
  const { renderSVG } = proto;
  proto.renderSVG = function (node) {
    if (node.nrpChart === undefined) return renderSVG.call(this, node);
    if (!node.nrpDraw) throw new Error(`chart ${node.nrpChart}: no drawing given to the renderer`);
    const drawing = node.nrpDraw(node.nrpChart);
    const tag = rootTag(drawing);
    if (!tag) throw new Error(`chart ${node.nrpChart}: the drawing is not an SVG`);
    return renderSVG.call(this, { ...node, svg: rewriteRoot(drawing, tag, { width: node._width, height: node._height }) });
  };
  installed = true;
}

/** Gives every chart node of a document's content the function that returns its drawing. */
export function attachDrawings(content: unknown, drawings: ChartDrawings): void {
  if (Array.isArray(content)) {
    for (const item of content) attachDrawings(item, drawings);
  } else if (content !== null && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    if (typeof node.nrpChart === 'string') node.nrpDraw = drawings;
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') attachDrawings(value, drawings);
  }
}

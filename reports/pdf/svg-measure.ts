/**
 * pdfmake parses every SVG into an XML tree twice before drawing it (once to read its size,
 * once to write the laid-out size back, re-serialising the whole tree), and svg-to-pdfkit then
 * parses the string a third time to draw it. For the bulletin's eleven Vega charts the first two
 * parses were a quarter of a second. Only the root `<svg …>` tag is read or changed, so this
 * reads and rewrites that tag alone and leaves the rest of the string as Vega wrote it
 * (svg-to-pdfkit ignores whitespace between elements, so the drawing is the same).
 * Strings that do not start with an `<svg` root tag are left to pdfmake's own parser.
 */
interface Dimensions {
  width: number | undefined;
  height: number | undefined;
}
interface SvgMeasureProto {
  measureSVG(svg: unknown): Dimensions;
  writeDimensions(svg: unknown, dimensions: { width: number; height: number }): unknown;
}

const ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<svg\b[^>]*>/;

export function rootTag(svg: unknown): string | undefined {
  return typeof svg === 'string' ? ROOT.exec(svg)?.[0] : undefined;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag)?.[1];
}

/** pdfmake's stripUnits: the leading number, undefined for bad input. */
function stripUnits(value: string | undefined): number | undefined {
  const n = parseFloat(value as string);
  return Number.isNaN(n) ? undefined : n;
}

export function measureRoot(tag: string): Dimensions {
  let width = stripUnits(attribute(tag, 'width'));
  let height = stripUnits(attribute(tag, 'height'));
  const viewBox = attribute(tag, 'viewBox');
  if ((width === undefined || height === undefined) && viewBox !== undefined) {
    const parts = viewBox.split(/[,\s]+/);
    if (parts.length !== 4) throw new Error(`Unexpected svg viewBox format, should have 4 entries but found: '${viewBox}'`);
    width ??= stripUnits(parts[2]);
    height ??= stripUnits(parts[3]);
  }
  return { width, height };
}

export function rewriteRoot(svg: string, tag: string, dimensions: { width: number; height: number }): string {
  let head = tag;
  if (attribute(head, 'viewBox') === undefined) {
    head = head.replace(/\s*\/?>$/, (end) => ` viewBox="0 0 ${stripUnits(attribute(tag, 'width'))} ${stripUnits(attribute(tag, 'height'))}"${end}`);
  }
  for (const name of ['width', 'height'] as const) {
    const value = `${dimensions[name]}`;
    const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
    head = re.test(head) ? head.replace(re, `$1"${value}"`) : head.replace(/\s*\/?>$/, (end) => ` ${name}="${value}"${end}`);
  }
  return head + svg.slice(tag.length);
}

let installed = false;

export function installSvgRootMeasure(): void {
  if (installed) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const proto = (require('pdfmake/js/SVGMeasure') as { default: { prototype: SvgMeasureProto } }).default.prototype;
  const { measureSVG, writeDimensions } = proto;
  proto.measureSVG = function (svg) {
    const tag = rootTag(svg);
    return tag ? measureRoot(tag) : measureSVG.call(this, svg);
  };
  proto.writeDimensions = function (svg, dimensions) {
    const tag = rootTag(svg);
    return tag ? rewriteRoot(svg as string, tag, dimensions) : writeDimensions.call(this, svg, dimensions);
  };
  installed = true;
}

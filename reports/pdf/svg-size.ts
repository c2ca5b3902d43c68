/**
 * A drawing's size, read from its root `<svg …>` tag (width and height, else the viewBox), the way
 * pdfmake's SVGMeasure reads it, without parsing the whole drawing: the bulletin sizes each chart
 * it places from its drawing (figures.ts).
 */
export interface Dimensions {
  width: number | undefined;
  height: number | undefined;
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


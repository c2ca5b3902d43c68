import { FONT_FAMILY, INK, SIZES } from './theme';
import type { Chart } from './types';

/**
 * A chart file: the figure's drawing (draw.ts) with the chart's title and notes set above it,
 * as Vega-Lite would have set them (title in bold, the notes in smaller grey lines), so that a
 * chart copied out of `out/charts/` explains itself without the bulletin's caption.
 */
const PAD = 4;
const TITLE_BASELINE = PAD + 11;
const NOTE_FIRST_BASELINE = PAD + 27;
const NOTE_LINE = 12;
const GAP = 8;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Title {
  text: string;
  subtitle?: string[];
}

export function framedSvg(chart: Chart, drawing: string): string {
  const title = chart.spec.title as Title | undefined;
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<svg\b[^>]*>/.exec(drawing);
  if (!title || !root) return drawing;
  const width = Number(/\swidth="([\d.]+)"/.exec(root[0])?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root[0])?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) return drawing;
  const notes = title.subtitle ?? [];
  const top = (notes.length ? NOTE_FIRST_BASELINE + NOTE_LINE * (notes.length - 1) : TITLE_BASELINE) + GAP;
  const text = (y: number, size: number, color: string, content: string, bold = false) =>
    `<text x="${PAD}" y="${y}" font-family="${FONT_FAMILY}" font-size="${size}px"${bold ? ' font-weight="bold"' : ''} fill="${color}">${escapeXml(content)}</text>`;
  const inner = root[0]
    .replace(/^\s*(?:<\?xml[^>]*\?>\s*)?/, '')
    .replace(/\s(?:x|y)="[^"]*"/g, '')
    .replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  const total = top + height;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect width="${width}" height="${total}" fill="#FFFFFF"/>`,
    text(TITLE_BASELINE, SIZES.title, INK.text, title.text, true),
    ...notes.map((line, i) => text(NOTE_FIRST_BASELINE + NOTE_LINE * i, SIZES.subtitle, INK.muted, line)),
    inner + drawing.slice(root.index + root[0].length),
    '</svg>',
  ].join('');
}

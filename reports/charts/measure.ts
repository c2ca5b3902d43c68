import { createRequire } from 'node:module';
import { FONT_FILES } from './theme';

/**
 * Text widths from the bundled font's real glyph advances. Vega lays text out with
 * `textMetrics.width`; without a canvas it guesses 0.8 em per character, which is too narrow
 * for CJK (1 em) and too wide for digits (0.55 em): labels then clip or collide. This replaces
 * the guess with the advances of Noto Sans SC, the face the SVG names and resvg draws with.
 */

interface Glyph { advanceWidth: number }
interface Font { unitsPerEm: number; glyphForCodePoint(cp: number): Glyph }

// fontkit comes with pdfmake (pdfkit); loaded lazily because the font file is 10 MB.
const fontkit = createRequire(__filename)('fontkit') as { openSync(path: string): Font };

const fonts = new Map<'regular' | 'bold', { font: Font; advances: Map<number, number> }>();

function face(weight: 'regular' | 'bold') {
  let entry = fonts.get(weight);
  if (!entry) {
    entry = { font: fontkit.openSync(FONT_FILES[weight]), advances: new Map() };
    fonts.set(weight, entry);
  }
  return entry;
}

function isBold(weight: unknown): boolean {
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
}

/** Width in px of `text` set at `fontSize` px in the regular or bold face. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const { font, advances } = face(bold ? 'bold' : 'regular');
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let advance = advances.get(cp);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(cp).advanceWidth;
      advances.set(cp, advance);
    }
    units += advance;
  }
  return (units / font.unitsPerEm) * fontSize;
}

/** The shape of Vega's `textMetrics.width(item, text)`: a scenegraph item and one line of its text. */
export function vegaTextWidth(item: { fontSize?: number | string; fontWeight?: unknown; text?: unknown }, text?: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? '' : String(text).trim();
  if (size <= 0 || !line) return 0;
  return textWidth(line, size, isBold(item.fontWeight));
}

/**
 * Lines that fit `width` px at `fontSize`: a line too long is broken after the last Chinese
 * comma or semicolon that keeps the first part within the width (else hard at the width), so a
 * subtitle never runs past the type area.
 */
export function fitLines(lines: string[], fontSize: number, width: number): string[] {
  const out: string[] = [];
  for (let line of lines) {
    while (textWidth(line, fontSize) > width) {
      const chars = [...line];
      let fit = 0;
      while (fit < chars.length && textWidth(chars.slice(0, fit + 1).join(''), fontSize) <= width) fit++;
      let cut = fit;
      for (let k = fit; k > fit / 2; k--) {
        if ('，；、'.includes(chars[k - 1])) {
          cut = k;
          break;
        }
      }
      out.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
    if (line) out.push(line);
  }
  return out;
}

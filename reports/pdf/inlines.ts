/**
 * pdfmake draws every inline of a line with its own text operator, and for Chinese every
 * character is an inline (each is a break opportunity): a page of tables became thousands of
 * `BT … ET` fragments, most of the rendering time and of the file. Its renderer leaves this as a
 * TODO ("lines without differently styled inlines should be written to pdf as one stream"). This
 * does it: before a line is drawn, neighbouring inlines that touch (no justification gap) and
 * share every property that affects drawing are joined into one. With shaping off (fonts.ts) a
 * joined string advances exactly as its parts did, so positions do not move.
 */
interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  [key: string]: unknown;
}

/** Properties that must be equal for two inlines to be drawn as one. */
const SAME = ['font', 'fontSize', 'color', 'opacity', 'characterSpacing', 'sup', 'sub', 'fontFeatures', 'decoration', 'decorationStyle', 'decorationColor', 'background'];
/** Properties that tie an inline to its own position or target: never joined. */
const ALONE = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', 'justifyShift'];

export function joinInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last && canJoin(last, inline)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text, width: last.width + inline.width };
    } else {
      out.push(inline);
    }
  }
  return out;
}

function canJoin(a: Inline, b: Inline): boolean {
  // pdfmake sets absent properties to null or leaves them undefined: both mean none.
  if (ALONE.some((k) => b[k] != null && b[k] !== 0) || ALONE.some((k) => k !== 'justifyShift' && a[k] != null)) return false;
  if (SAME.some((k) => a[k] !== b[k])) return false;
  return Math.abs(a.x + a.width - b.x) < 1e-6;
}

let installed = false;

/** Wraps pdfmake's Renderer.renderLine once per process (see above). */
export function installInlineJoining(): void {
  if (installed) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Renderer = (require('pdfmake/js/Renderer') as { default: { prototype: { renderLine(line: { inlines: Inline[] }, x: number, y: number): void } } }).default;
  const original = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (line, x, y) {
    const joined = joinInlines(line.inlines);
    if (joined.length === line.inlines.length) return original.call(this, line, x, y);
    // Draw a shallow copy: the laid-out line (a Line object with methods) keeps its inlines.
    const copy = Object.create(Object.getPrototypeOf(line));
    Object.assign(copy, line, { inlines: joined });
    return original.call(this, copy, x, y);
  };
  installed = true;
}

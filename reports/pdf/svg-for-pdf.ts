/**
 * A Vega SVG trimmed for drawing into the PDF. svg-to-pdfkit builds an object for every element
 * and resolves every attribute, and Vega's SVG is written for browsers and screen readers: of
 * ~45 `<g>` in a chart most are bare wrappers, every group carries role/aria/class attributes,
 * and every mark group has an empty "foreground" path (display="none") and an invisible
 * "background" path. Here, without changing what is drawn:
 *  - attributes that do not draw (class, role, aria-*, pointer-events) are dropped;
 *  - `display="none"` paths are dropped;
 *  - background paths with neither fill nor stroke (own or inherited) are dropped;
 *  - `<g>` with no attributes left, or only an identity transform, are unwrapped (no style, no
 *    transform: their children draw the same without them).
 * The chart text stays text (still `<text>` elements set in the registered fonts).
 */
const NON_DRAWING = /\s(?:class|role|aria-[a-z]+|pointer-events)="[^"]*"/g;
const IDENTITY = /^\s*transform="translate\(0,\s*0\)"\s*$/;

interface Paint {
  fill: boolean;
  stroke: boolean;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Whether a tag sets fill or stroke to something visible, else what it inherits. */
function paint(tag: string, inherited: Paint): Paint {
  const fill = attr(tag, 'fill');
  const stroke = attr(tag, 'stroke');
  return {
    fill: fill === undefined ? inherited.fill : fill !== 'none' && fill !== 'transparent',
    stroke: stroke === undefined ? inherited.stroke : stroke !== 'none' && stroke !== 'transparent',
  };
}

export function svgForPdf(svg: string): string {
  const out: string[] = [];
  // One entry per open <g>: whether its tags were kept, and the paint its children inherit.
  // SVG's initial fill is black, stroke none.
  const stack: { kept: boolean; paint: Paint }[] = [];
  let current: Paint = { fill: true, stroke: false };
  for (const token of svg.split(/(<[^>]*>)/)) {
    if (!token.startsWith('<')) {
      out.push(token);
      continue;
    }
    if (token.startsWith('</g')) {
      const open = stack.pop();
      if (!open) return svg; // not the SVG we expect: leave it alone
      current = stack.length ? stack[stack.length - 1].paint : { fill: true, stroke: false };
      if (open.kept) out.push(token);
      continue;
    }
    if (token.startsWith('</') || token.startsWith('<?') || token.startsWith('<!')) {
      out.push(token);
      continue;
    }
    const tag = token.replace(NON_DRAWING, '');
    const name = /^<([a-zA-Z]+)/.exec(tag)?.[1];
    const selfClosing = tag.endsWith('/>');
    if (name === 'g' && !selfClosing) {
      const attrs = tag.slice(2, -1);
      const kept = attrs.trim() !== '' && !IDENTITY.test(attrs);
      const p = paint(tag, current);
      stack.push({ kept, paint: p });
      current = p;
      if (kept) out.push(tag);
      continue;
    }
    if (name === 'path' && selfClosing) {
      if (attr(tag, 'display') === 'none') continue;
      if (/\sclass="background"/.test(token)) {
        const p = paint(tag, current);
        if (!p.fill && !p.stroke) continue;
      }
    }
    out.push(tag);
  }
  return stack.length === 0 ? out.join('') : svg;
}

/**
 * HTML as strings, escaped in one place. Every text and attribute value that comes from data goes
 * through `text()` / `attrs()`, so a unit name or a warning with `<` or `"` in it can never become
 * markup. No DOM on the server: the page is written once, deterministically.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an element's content or a double-quoted attribute. */
export function text(value: string | number): string {
  return String(value).replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]);
}

export type AttrValue = string | number | boolean | null | undefined;

/** ` a="1" b` from `{ a: 1, b: true, c: false }`: false, null and undefined leave the attribute out. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${text(value)}"`;
  }
  return out;
}

/** An element whose children are already markup (`el('p', {}, text(s))`). */
export function el(tag: string, attributes: Record<string, AttrValue>, ...children: string[]): string {
  return `<${tag}${attrs(attributes)}>${children.join('')}</${tag}>`;
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as `\u003c`, so no string
 * in the data can close the block, and U+2028/2029 are escaped for old parsers.
 */
export function jsonBlock(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${text(id)}">${json}</script>`;
}

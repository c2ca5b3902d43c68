/**
 * pdfmake looks up some twenty style properties for every inline it measures, and for Chinese
 * every character is an inline: tens of thousands of lookups for the bulletin. Each lookup
 * pushes the item's styles onto the style stack, makes a closure and, per named style on the
 * stack, a `Set` (for `extends` cycles), and pops them again; that was about a third of the
 * layout time. These replacements give the same answers in the same order of precedence (the
 * item, then its own styles from last to first, then the stack from the top, then the default
 * style) without allocating; a named style with `extends` still takes pdfmake's own path.
 */
type Style = Record<string, unknown> & { extends?: string | string[] };
interface Stack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: unknown[];
  getProperty(property: string): unknown;
}
interface StackClass {
  prototype: Stack & { push(entry: unknown): void; pop(howMany?: number): void };
  getStyleProperty(item: unknown, stack: Stack | undefined, property: string, defaultValue: unknown): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

/** pdfmake's named-style lookup, `extends` included (used only when a style extends another). */
function fromExtendedStyle(dictionary: Stack['styleDictionary'], name: string, property: string, visited: Set<string>): unknown {
  if (visited.has(name)) return undefined;
  visited.add(name);
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromExtendedStyle(dictionary, parents[i], property, visited);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

function fromNamed(dictionary: Stack['styleDictionary'], name: string, property: string): unknown {
  const style = dictionary[name as string];
  if (!style) return undefined;
  const value = style[property];
  if (isValue(value)) return value;
  return style.extends ? fromExtendedStyle(dictionary, String(name), property, new Set()) : undefined;
}

/** One entry of the stack (a style name or an override object), as pdfmake's getProperty reads it. */
function fromEntry(dictionary: Stack['styleDictionary'], entry: unknown, property: string): unknown {
  if (isString(entry)) return fromNamed(dictionary, entry as string, property);
  return (entry as Record<string, unknown>)[property];
}

/**
 * The stack's answers are also remembered until it next changes (push or pop, the only ways
 * pdfmake changes it): a text node's characters are measured against the same stack.
 */
const answers = new WeakMap<Stack, Map<string, unknown>>();

function getProperty(this: Stack, property: string): unknown {
  let known = answers.get(this);
  if (known?.has(property)) return known.get(property);
  const value = lookUp(this, property);
  if (!known) answers.set(this, (known = new Map()));
  known.set(property, value);
  return value;
}

function lookUp(stack: Stack, property: string): unknown {
  const overrides = stack.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = fromEntry(stack.styleDictionary, overrides[i], property);
      if (isValue(value)) return value;
    }
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

function getStyleProperty(item: unknown, stack: Stack | undefined, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  let value: unknown;
  // pdfmake's autopush: strings and section nodes push nothing; other items push their style
  // names and then themselves (the item's own property was checked above).
  const node = item as { style?: unknown; section?: unknown };
  if (!isString(item) && typeof node.section === 'undefined' && node.style) {
    const styles = Array.isArray(node.style) ? node.style : [node.style];
    for (let j = styles.length - 1; j >= 0 && !isValue(value); j--) value = fromEntry(stack.styleDictionary, styles[j], property);
  }
  if (!isValue(value)) value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

let installed = false;

export function installFastStyleLookup(): void {
  if (installed) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const StyleContextStack = (require('pdfmake/js/StyleContextStack') as { default: StackClass }).default;
  const proto = StyleContextStack.prototype;
  const { push, pop } = proto;
  proto.push = function (entry) {
    answers.delete(this);
    push.call(this, entry);
  };
  proto.pop = function (howMany) {
    answers.delete(this);
    pop.call(this, howMany);
  };
  proto.getProperty = getProperty;
  StyleContextStack.getStyleProperty = getStyleProperty;
  installed = true;
}

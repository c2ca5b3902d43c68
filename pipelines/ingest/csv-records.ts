/**
 * Every record of a small CSV text, read in JavaScript, for files whose every record is plain
 * RFC 4180 (what Excel and WPS write): then the fields are exactly those DuckDB's read_csv gives
 * with ingest's options (quote and escape `"`, no trimming, an empty field or `""` null, fewer
 * fields padded with nulls), and the file joins the batch's other small tables in one statement
 * instead of a read_csv of its own. Anything else (a quote inside an unquoted field, a text after
 * a closing quote, an unclosed quote, a lone CR, line endings of both kinds, a record wider than
 * the header's first records) gives undefined: the file is read by read_csv, which says what it
 * makes of it.
 */
export function regularRecords(text: string, delimiter: string, width: number): (string | null)[][] | undefined {
  const out: (string | null)[][] = [];
  const d = delimiter.charCodeAt(0);
  let fields: (string | null)[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let ending: 'lf' | 'crlf' | undefined;
  const endLine = (kind: 'lf' | 'crlf') => {
    if (ending !== undefined && ending !== kind) return false;
    ending = kind;
    return true;
  };
  for (;;) {
    // one field, starting at i
    let value: string | null;
    if (text.charCodeAt(i) === 34) {
      let v = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return undefined; // unclosed
        if (text.charCodeAt(q + 1) === 34) {
          v += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        v += text.slice(from, q);
        i = q + 1;
        break;
      }
      value = v === '' ? null : v;
    } else {
      let j = i;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        if (c === 34) return undefined; // a quote inside an unquoted field
      }
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    fields.push(value);
    if (i >= text.length) {
      out.push(fields);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10 || !endLine('crlf')) return undefined;
      i += 2;
    } else if (c === 10) {
      if (!endLine('lf')) return undefined;
      i += 1;
    } else return undefined; // text after a closing quote
    if (fields.length > width) return undefined;
    out.push(fields);
    fields = [];
    if (i >= text.length) break;
  }
  if (out.length > 0 && out[out.length - 1].length > width) return undefined;
  return out;
}

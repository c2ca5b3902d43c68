/**
 * The header comment every model carries, read by the runner and applied with COMMENT ON so
 * that `nrp tables` and `nrp describe` show it:
 *
 *   -- description: What the relation holds (one line; `--   ` lines continue it)
 *   -- column <name>: What the column means
 *   -- materialized: table | view   (optional; staging defaults to view, the rest to table)
 *
 * The header is the leading block of `--` lines; other comment lines in it are free text.
 */
export type Materialization = 'table' | 'view';

export interface ModelHeader {
  description: string;
  columns: Map<string, string>;
  materialized?: Materialization;
}

export function parseHeader(sql: string): ModelHeader {
  const header: ModelHeader = { description: '', columns: new Map() };
  let last: { kind: 'description' } | { kind: 'column'; name: string } | undefined;
  for (const raw of sql.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      last = undefined;
      continue;
    }
    if (!line.startsWith('--')) break;
    const body = line.slice(2);
    const text = body.trim();
    let m: RegExpExecArray | null;
    if ((m = /^description:\s*(.*)$/i.exec(text))) {
      header.description = m[1].trim();
      last = { kind: 'description' };
    } else if ((m = /^column\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$/i.exec(text))) {
      header.columns.set(m[1], m[2].trim());
      last = { kind: 'column', name: m[1] };
    } else if ((m = /^materialized:\s*(table|view)\s*$/i.exec(text))) {
      header.materialized = m[1].toLowerCase() as Materialization;
      last = undefined;
    } else if (last && /^\s{2,}\S/.test(body)) {
      // continuation of the previous description or column line
      if (last.kind === 'description') header.description += ' ' + text;
      else header.columns.set(last.name, `${header.columns.get(last.name)} ${text}`);
    } else {
      last = undefined;
    }
  }
  return header;
}

/** SQL without `--` and block comments, so that names in comments are not taken for references. */
export function stripComments(sql: string): string {
  return sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
}

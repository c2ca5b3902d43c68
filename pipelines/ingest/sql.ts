import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_DIR } from '../paths';

const cache = new Map<string, string>();

/** `sql/ingest/<name>.sql` with `{{var}}` replaced; values are inserted as given (the caller quotes). */
export function ingestSql(name: string, vars: Record<string, string | number> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, 'ingest', `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in vars)) throw new Error(`sql/ingest/${name}.sql: no value for {{${key}}}`);
    return String(vars[key]);
  });
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

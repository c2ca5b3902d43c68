import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_DIR } from '../paths';
import type { Warehouse } from '../warehouse';
import { stripComments } from './header';

/**
 * The rule macros of `sql/macros/*.sql` (the KPI formulas every caller shares; see
 * sql/macros/kpi.sql for who calls them and why they live where they do).
 *
 * - persistent (default): `nrp build`, in its transaction, so that the staging views that call
 *   them can be expanded by any later connection;
 * - temp: ingest and the sample generator, which run without a build and must not change the
 *   warehouse's catalogue (a temp macro shadows the stored one of the same name).
 */
export interface MacroOptions {
  /** Folder holding macros/ (default: the project's sql/). */
  sqlDir?: string;
  temp?: boolean;
}

const STATEMENT = /^\s*create\s+or\s+replace\s+macro\s/i;

export function ruleMacrosSql(options: MacroOptions = {}): string {
  const dir = join(options.sqlDir ?? SQL_DIR, 'macros');
  if (!existsSync(dir)) return '';
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const parts: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    // Each statement must be one the temp rewrite below understands.
    for (const statement of stripComments(text).split(';')) {
      if (statement.trim() && !STATEMENT.test(statement)) {
        throw new Error(`sql/macros/${file}: every statement must be "create or replace macro …": ${statement.trim().slice(0, 60)}`);
      }
    }
    parts.push(options.temp ? text.replace(/\bcreate\s+or\s+replace\s+macro\b/gi, 'create or replace temp macro') : text);
  }
  return parts.join('\n');
}

export async function installRuleMacros(wh: Warehouse, options: MacroOptions = {}): Promise<void> {
  const sql = ruleMacrosSql(options);
  if (sql.trim()) await wh.run(sql);
}

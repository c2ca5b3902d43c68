import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { CliError } from '../errors';
import { modelMessages } from '../messages';
import { PROJECT_ROOT } from '../paths';
import { parseHeader, stripComments, type Materialization, type ModelHeader } from './header';

/** A file as users know it: `sql/marts/x.sql` inside the project, else the full path. */
export function displayPath(file: string): string {
  const rel = relative(PROJECT_ROOT, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** The model layers, in the order they may depend on each other. */
export const LAYERS = ['staging', 'intermediate', 'marts'] as const;
export type Layer = (typeof LAYERS)[number];

export interface Model {
  name: string;
  layer: Layer;
  file: string;
  /** The SELECT, as written (comments kept: DuckDB ignores them). */
  sql: string;
  header: ModelHeader;
  materialized: Materialization;
  /** Names of other models this one reads. */
  dependsOn: string[];
}

export interface DataTest {
  name: string;
  file: string;
  sql: string;
  description: string;
}

/** Staging models are thin views over the raw tables; the rest are tables (marts always). */
function defaultMaterialization(layer: Layer): Materialization {
  return layer === 'staging' ? 'view' : 'table';
}

function sqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
}

/** Reads `sql/{staging,intermediate,marts}/*.sql`; the file name is the relation name. */
export function discoverModels(sqlDir: string): Model[] {
  const models: Model[] = [];
  for (const layer of LAYERS) {
    const dir = join(sqlDir, layer);
    for (const fileName of sqlFiles(dir)) {
      const path = join(dir, fileName);
      const file = displayPath(path);
      const name = fileName.replace(/\.sql$/, '');
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new CliError(modelMessages.badName(file));
      const sql = readFileSync(path, 'utf8').trim().replace(/;\s*$/, '');
      const header = parseHeader(sql);
      if (!header.description) throw new CliError(modelMessages.noDescription(file));
      if (layer === 'marts' && header.materialized === 'view') throw new CliError(modelMessages.martView(file));
      models.push({ name, layer, file, sql, header, materialized: header.materialized ?? defaultMaterialization(layer), dependsOn: [] });
    }
  }
  const names = models.map((m) => m.name);
  for (const model of models) {
    const body = stripComments(model.sql);
    model.dependsOn = names.filter((other) => other !== model.name && new RegExp(`\\b${other}\\b`).test(body));
  }
  return orderModels(models);
}

/**
 * Dependency order (Kahn's algorithm), ties broken by layer then name so the order is stable.
 * A layer may not read a later layer, and a cycle is an error naming the files in it.
 */
export function orderModels(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  for (const model of models) {
    for (const dep of model.dependsOn) {
      const other = byName.get(dep)!;
      if (LAYERS.indexOf(other.layer) > LAYERS.indexOf(model.layer)) {
        throw new CliError(modelMessages.layerOrder(model.file, other.name, other.layer));
      }
    }
  }
  const ordered: Model[] = [];
  const done = new Set<string>();
  const key = (m: Model) => `${LAYERS.indexOf(m.layer)}:${m.name}`;
  let pending = [...models].sort((a, b) => key(a).localeCompare(key(b)));
  while (pending.length) {
    const ready = pending.find((m) => m.dependsOn.every((d) => done.has(d)));
    if (!ready) throw new CliError(modelMessages.cycle(pending.map((m) => m.file)));
    ordered.push(ready);
    done.add(ready.name);
    pending = pending.filter((m) => m !== ready);
  }
  return ordered;
}

/** `sql/tests/*.sql`: each a query that must return no rows; its first comment line says why. */
export function discoverTests(sqlDir: string): DataTest[] {
  const dir = join(sqlDir, 'tests');
  return sqlFiles(dir).map((fileName) => {
    const file = join(dir, fileName);
    const shown = displayPath(file);
    const sql = readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
    const header = parseHeader(sql);
    const firstComment = /^--\s*(.*)$/m.exec(sql)?.[1] ?? '';
    return { name: fileName.replace(/\.sql$/, ''), file: shown, sql, description: header.description || firstComment };
  });
}

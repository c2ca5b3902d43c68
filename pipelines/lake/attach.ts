import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError } from '../errors';
import { lakeMessages } from '../messages/lake';
import { Warehouse } from '../warehouse';
import { assertNoPendingCommit } from './commit';
import { readManifest, type LakeLayer, type LakeRelation, type Manifest } from './manifest';

/**
 * The lake as relations of a DuckDB database: each relation of the manifest a view over
 * read_parquet of the files the manifest lists (hive_partitioning, so that a filter on period
 * opens only that period's files), with the relation's and columns' descriptions as comments.
 */
export interface AttachOptions {
  /** Layers to attach (default: all). */
  layers?: readonly LakeLayer[];
  /**
   * Relations loaded as tables instead of views, in their file's order. A build loads the seeds
   * so: it reads them whole many times, and mart_main_targets orders a catalogue by the seed's
   * rowid, which only a table has. nrp_schema too, so that the build's file says its version.
   */
  asTables?: readonly string[];
}

/** Reads the lake's manifest after checking that no export is half-committed and every file is there whole. */
export function openManifest(lakeDir: string): { dir: string; manifest: Manifest } {
  const dir = resolve(lakeDir);
  const manifest = readManifest(dir);
  assertNoPendingCommit(dir);
  for (const file of manifest.relations.flatMap((r) => r.files)) {
    let size: number | undefined;
    try {
      size = statSync(join(dir, file.path)).size;
    } catch {
      size = undefined;
    }
    if (size !== file.bytes) throw new CliError(lakeMessages.fileChanged(file.path, file.bytes, size));
  }
  return { dir, manifest };
}

export async function attachLake(wh: Warehouse, dir: string, manifest: Manifest, options: AttachOptions = {}): Promise<void> {
  const asTables = new Set(options.asTables ?? []);
  const relations = manifest.relations.filter((r) => !options.layers || options.layers.includes(r.layer));
  // One script for all of them: a few hundred statements, one round trip.
  await wh.run(relations.flatMap((relation) => {
    const kind = asTables.has(relation.name) ? 'table' : 'view';
    return [
      `create or replace ${kind} ${relation.name} as ${relationSql(dir, relation)};`,
      `comment on ${kind} ${relation.name} is ${literal(relation.description)};`,
      ...relation.columns.map((c) => `comment on column ${relation.name}.${quoteIdent(c.name)} is ${literal(c.description)};`),
    ];
  }).join('\n'));
  await checkTypes(wh, relations);
}

/**
 * The relation's own columns in their order (the Hive `year` folder is not one of them; `period`
 * is read from the folder name, which equals the file's column). A relation without files (no
 * rows in any period) is an empty select of the manifest's types.
 */
export function relationSql(dir: string, relation: LakeRelation): string {
  const columns = relation.columns.map((c) => quoteIdent(c.name)).join(', ');
  if (relation.files.length === 0) {
    return `select ${relation.columns.map((c) => `cast(null as ${c.type}) as ${quoteIdent(c.name)}`).join(', ')} where false`;
  }
  const files = relation.files.map((f) => literal(join(dir, f.path))).join(', ');
  const hive = relation.partitioned_by.length
    ? `hive_partitioning = true, hive_types = {'year': INTEGER, 'period': VARCHAR}`
    : 'hive_partitioning = false';
  return `select ${columns} from read_parquet([${files}], ${hive})`;
}

/** INTEGER stays INTEGER, a list stays a list: what the manifest says is what a reader gets. */
async function checkTypes(wh: Warehouse, relations: LakeRelation[]): Promise<void> {
  const rows = await wh.all<{ relation: string; shape: string }>(
    `select table_name as relation, string_agg(column_name || ' ' || data_type, ', ' order by column_index) as shape
       from duckdb_columns() where schema_name = 'main' and database_name = current_database() group by table_name`);
  const found = new Map(rows.map((r) => [r.relation, r.shape]));
  for (const relation of relations) {
    const expected = relation.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    const shape = found.get(relation.name) ?? '';
    if (shape !== expected) throw new CliError(lakeMessages.typesDiffer(relation.name, `read ${shape}; manifest ${expected}`));
  }
}

/**
 * Runs `work` on the lake opened read-only, like `nrp query` on the warehouse: the views are made
 * in a scratch database file, which is then opened READ_ONLY, so a statement that writes is
 * refused by DuckDB exactly as it is on the warehouse. The scratch file is removed afterwards.
 */
export async function withLakeReadOnly<T>(lakeDir: string, work: (wh: Warehouse) => Promise<T>): Promise<T> {
  const { dir, manifest } = openManifest(lakeDir);
  const scratch = mkdtempSync(join(tmpdir(), 'nrp-lake-'));
  const file = join(scratch, 'lake.duckdb');
  try {
    const setup = await Warehouse.open(file);
    try {
      // One transaction: a few hundred statements, one write to the log instead of one each.
      await setup.transaction(() => attachLake(setup, dir, manifest));
      await setup.run('checkpoint');
    } finally {
      setup.close();
    }
    const wh = await Warehouse.open(file, { readOnly: true });
    try {
      return await work(wh);
    } finally {
      wh.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Always quoted: a column may be named like a keyword. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

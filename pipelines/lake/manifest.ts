import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors';
import { lakeMessages } from '../messages/lake';

/**
 * `DIR/_manifest.json`: what the lake holds, written last by every export (see commit.ts). Readers
 * (nrp query --lake, nrp build --from-lake) take the relations, columns, types and files from it,
 * never from a directory listing, so a file that is not in the manifest is never read.
 *
 * The same warehouse gives the same manifest bytes: no clock, relations and files in a fixed order.
 */
export const MANIFEST_FILE = '_manifest.json';
export const MANIFEST_FORMAT = 'nrp-lake';
export const MANIFEST_VERSION = 1;

export type LakeLayer = 'seed' | 'registry' | 'raw' | 'mart';
export const LAKE_LAYERS: readonly LakeLayer[] = ['seed', 'registry', 'raw', 'mart'];

export interface LakeColumn {
  name: string;
  /** DuckDB type as duckdb_columns() spells it: INTEGER, BIGINT, DOUBLE, DATE, VARCHAR[], … */
  type: string;
  description: string;
}

export interface LakeFile {
  /** Relative to the lake folder, `/`-separated. */
  path: string;
  /** The partition's period; null for a relation read whole. */
  period: string | null;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface LakeRelation {
  name: string;
  layer: LakeLayer;
  /** ['year', 'period'] (Hive folders year=YYYY/period=YYYYQn) or [] (one file, read whole). */
  partitioned_by: string[];
  description: string;
  columns: LakeColumn[];
  rows: number;
  files: LakeFile[];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  format_version: number;
  /** The warehouse's schema version (nrp_schema): the models read this lake only at the same version. */
  schema_version: number;
  /** The Parquet writer (its name is in every file's footer, so the bytes depend on it). */
  written_by: string;
  layout: string;
  relations: LakeRelation[];
}

export const LAYOUT =
  '<relation>/year=YYYY/period=YYYYQn/data.parquet for relations with a period (raw tables by their submission\'s period); ' +
  '<relation>/data.parquet for the seeds and nrp_schema';

export function manifestPath(dir: string): string {
  return join(dir, MANIFEST_FILE);
}

/** The manifest's text: stable key order (the object literals below), two-space indent. */
export function manifestText(manifest: Manifest): string {
  const ordered: Manifest = {
    format: manifest.format,
    format_version: manifest.format_version,
    schema_version: manifest.schema_version,
    written_by: manifest.written_by,
    layout: manifest.layout,
    relations: [...manifest.relations].sort(relationOrder).map((r) => ({
      name: r.name,
      layer: r.layer,
      partitioned_by: r.partitioned_by,
      description: r.description,
      columns: r.columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
      rows: r.rows,
      files: [...r.files].sort((a, b) => compare(a.path, b.path)).map((f) => ({
        path: f.path, period: f.period, rows: f.rows, bytes: f.bytes, sha256: f.sha256,
      })),
    })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

export function relationOrder(a: { layer: LakeLayer; name: string }, b: { layer: LakeLayer; name: string }): number {
  return LAKE_LAYERS.indexOf(a.layer) - LAKE_LAYERS.indexOf(b.layer) || compare(a.name, b.name);
}

/** Code-point order, not the locale's: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The manifest of a lake folder, or undefined where there is none yet. */
export function readManifestIfAny(dir: string): Manifest | undefined {
  const file = manifestPath(dir);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(lakeMessages.badManifest(file, error instanceof Error ? error.message : String(error)), { cause: error });
  }
  return checkManifest(file, parsed);
}

export function readManifest(dir: string): Manifest {
  const manifest = readManifestIfAny(dir);
  if (!manifest) throw new CliError(lakeMessages.noManifest(dir));
  return manifest;
}

/** Enough shape checking that a hand-edited or foreign file fails here, with its name, not later. */
function checkManifest(file: string, value: unknown): Manifest {
  const bad = (detail: string) => new CliError(lakeMessages.badManifest(file, detail));
  const m = value as Partial<Manifest>;
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) throw bad(`format is not "${MANIFEST_FORMAT}"`);
  if (typeof m.format_version !== 'number') throw bad('format_version is missing');
  if (m.format_version > MANIFEST_VERSION) throw new CliError(lakeMessages.newerLake(m.format_version, MANIFEST_VERSION));
  if (typeof m.schema_version !== 'number') throw bad('schema_version is missing');
  if (!Array.isArray(m.relations)) throw bad('relations is not a list');
  for (const r of m.relations) {
    if (!r || typeof r.name !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(r.name)) throw bad(`bad relation name ${JSON.stringify(r?.name)}`);
    if (!LAKE_LAYERS.includes(r.layer)) throw bad(`${r.name}: unknown layer ${JSON.stringify(r.layer)}`);
    if (!Array.isArray(r.columns) || r.columns.some((c) => typeof c?.name !== 'string' || typeof c?.type !== 'string')) {
      throw bad(`${r.name}: columns must be a list of {name, type}`);
    }
    if (!Array.isArray(r.files) || r.files.some((f) => typeof f?.path !== 'string' || f.path.includes('..') || f.path.startsWith('/'))) {
      throw bad(`${r.name}: files must be a list of paths inside the lake`);
    }
  }
  return m as Manifest;
}

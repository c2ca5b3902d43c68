import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from '../errors';
import { lakeMessages } from '../messages/lake';
import { buildWarehouse, type BuildSummary } from '../models';
import type { Progress } from '../progress';
import { currentSchemaVersion, SEED_TABLES, Warehouse } from '../warehouse';
import { attachLake, openManifest } from './attach';
import { processAlive } from '../fsutil';
import { manifestPath } from './manifest';

export interface LakeBuildOptions {
  progress?: Progress;
}

/** Where a database built from a lake records which lake and manifest it read. */
export const LAKE_SOURCE_TABLE = 'nrp_lake_source';

/**
 * `nrp build --from-lake DIR --db FILE`: the same models and data tests as `nrp build`, over the
 * lake instead of the warehouse's tables. FILE gets views over the lake's registry and raw files,
 * the seeds and nrp_schema as tables (read from the lake, not from seeds/), and the models' own
 * staging views, intermediate tables and marts; FILE is built whole in a temp file beside it and
 * renamed into place, so a failed or killed build leaves the previous FILE as it was.
 */
export async function buildFromLake(lakeDir: string, dbPath: string, options: LakeBuildOptions = {}): Promise<BuildSummary> {
  const { dir, manifest } = openManifest(lakeDir);
  const known = currentSchemaVersion();
  if (manifest.schema_version !== known) throw new CliError(lakeMessages.schemaDiffers(manifest.schema_version, known));
  const target = resolve(dbPath);
  if (existsSync(target)) await assertLakeBuild(target);
  removeAbandonedBuilds(target);
  const temp = `${target}${BUILDING}${process.pid}`;
  removeDatabase(temp);
  const manifestSha = createHash('sha256').update(readFileSync(manifestPath(dir))).digest('hex');
  try {
    const wh = await Warehouse.open(temp);
    let summary: BuildSummary;
    try {
      summary = await buildWarehouse(wh, {
        progress: options.progress,
        sources: async (w) => {
          await attachLake(w, dir, manifest, { layers: ['seed', 'registry', 'raw'], asTables: [...SEED_TABLES, 'nrp_schema'] });
          await w.run(`create or replace table ${LAKE_SOURCE_TABLE} as select ? as lake_dir, ? as manifest_sha256, cast(? as integer) as schema_version`,
            [dir, manifestSha, manifest.schema_version]);
          await w.run(`comment on table ${LAKE_SOURCE_TABLE} is 'Registry: the lake this database was built from (nrp build --from-lake): folder, sha256 of its _manifest.json, schema version'`);
        },
      });
    } finally {
      wh.close();
    }
    // A log left beside FILE belongs to the old file: replayed onto the new one it would corrupt it.
    rmSync(`${target}.wal`, { force: true });
    renameSync(temp, target);
    return summary;
  } finally {
    removeDatabase(temp);
  }
}

/** The lake a database was built from, or undefined for a warehouse (or a file that is neither). */
export async function lakeOfBuild(wh: Warehouse): Promise<string | undefined> {
  const exists = await wh.one<{ n: number }>(
    `select count(*) as n from duckdb_tables() where schema_name = 'main' and table_name = '${LAKE_SOURCE_TABLE}'`);
  if (!exists?.n) return undefined;
  return (await wh.one<{ lake_dir: string }>(`select lake_dir from ${LAKE_SOURCE_TABLE}`))?.lake_dir;
}

/** FILE may be replaced only if a lake build made it: never a warehouse that holds submissions. */
async function assertLakeBuild(path: string): Promise<void> {
  const wh = await Warehouse.open(path, { readOnly: true });
  try {
    const registry = await wh.one<{ n: number }>(
      `select count(*) as n from duckdb_tables() where schema_name = 'main' and table_name = 'submissions'`);
    if (registry?.n) throw new CliError(lakeMessages.notLakeBuild(path));
  } finally {
    wh.close();
  }
}

const BUILDING = '.lake-build-';

function removeAbandonedBuilds(target: string): void {
  const prefix = `${basename(target)}${BUILDING}`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) rmSync(join(dirname(target), name), { force: true });
  }
}

function removeDatabase(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

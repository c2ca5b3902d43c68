import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, duckdbMessage } from '../errors';
import { lakeMessages } from '../messages/lake';
import type { Progress } from '../progress';
import type { Warehouse } from '../warehouse';
import { schemaVersion } from '../warehouse/migrate';
import { fsyncFile } from '../fsutil';
import { commit, recoverLake, removeEmptyFolders, tempBeside, withLakeLock, type Commit } from './commit';
import { exportedRelations, partitionPath, partitionSql, PERIOD_PATTERN, periodsSql, type ExportedRelation } from './layout';
import { LAYOUT, MANIFEST_FORMAT, MANIFEST_VERSION, readManifestIfAny, type LakeFile, type LakeRelation, type Manifest } from './manifest';

export interface ExportOptions {
  /** Quarters to write (2023Q2); undefined: every period, the whole lake. */
  periods?: string[];
  progress?: Progress;
}

export interface ExportSummary {
  dir: string;
  manifest: Manifest;
  /** Periods whose partitions this export wrote (or removed). */
  periods: string[];
  files: number;
  bytes: number;
  ms: number;
}

/** Parquet writer settings: stated, not left to defaults that a DuckDB release may change. */
const PARQUET_OPTIONS = 'format parquet, compression zstd, row_group_size 122880';

/**
 * Writes the warehouse (opened read-only by the caller: one consistent state) into the lake folder
 * `dir`: see layout.ts for what goes where and commit.ts for how it lands.
 */
export async function exportLake(wh: Warehouse, lakeDir: string, options: ExportOptions = {}): Promise<ExportSummary> {
  const dir = resolve(lakeDir);
  const started = Date.now();
  return withLakeLock(dir, async () => {
    recoverLake(dir);
    const previous = readManifestIfAny(dir);
    const relations = await exportedRelations(wh);
    const version = await schemaVersion(wh);
    const partial = options.periods !== undefined;
    if (partial && previous) checkSameShape(previous, relations, version);

    const held = await warehousePeriods(wh, relations);
    const scope = new Set(partial ? options.periods : [...held, ...previousPeriods(previous)]);
    const tempFiles: string[] = [];
    const renames: Commit['renames'] = [];
    const written = new Map<string, LakeFile[]>();
    try {
      options.progress?.stage(lakeMessages.stageExport(relations.length));
      for (const [i, relation] of relations.entries()) {
        const files: LakeFile[] = [];
        const periods = relation.partitioning === 'none' ? [null] : [...scope].filter((p) => held.has(p)).sort();
        for (const period of periods) {
          const file = await writePartition(wh, dir, relation, period, tempFiles);
          if (!file) continue;
          files.push(file.entry);
          renames.push({ from: file.temp, to: file.entry.path });
        }
        written.set(relation.name, files);
        options.progress?.tick(i + 1, relations.length);
      }
      options.progress?.done();

      options.progress?.stage(lakeMessages.stageCommit);
      const manifest = nextManifest(previous, relations, written, scope, version, await writerName(wh));
      const kept = new Set(manifest.relations.flatMap((r) => r.files.map((f) => f.path)));
      const removes = (previous?.relations ?? []).flatMap((r) => r.files.map((f) => f.path)).filter((p) => !kept.has(p));
      commit(dir, { manifest, renames, removes });
      options.progress?.done();
      const files = manifest.relations.flatMap((r) => r.files);
      const touched = new Set(renames.map((r) => r.to));
      return {
        dir,
        manifest,
        periods: [...scope].sort(),
        files: touched.size,
        bytes: files.filter((f) => touched.has(f.path)).reduce((sum, f) => sum + f.bytes, 0),
        ms: Date.now() - started,
      };
    } catch (error) {
      for (const temp of tempFiles) rmSync(temp, { force: true });
      throw error;
    }
  });
}

/** A partial export keeps the lake's other periods: it must not mix schemas with them. */
function checkSameShape(previous: Manifest, relations: ExportedRelation[], version: number): void {
  if (previous.schema_version !== version) {
    throw new CliError(lakeMessages.partialNeedsSameShape(`the lake has schema version ${previous.schema_version}, the warehouse ${version}`));
  }
  const before = new Map(previous.relations.map((r) => [r.name, r]));
  const names = new Set(relations.map((r) => r.name));
  for (const relation of relations) {
    const old = before.get(relation.name);
    if (!old) throw new CliError(lakeMessages.partialNeedsSameShape(`${relation.name} is not in the lake`));
    const shape = (cols: { name: string; type: string }[]) => cols.map((c) => `${c.name} ${c.type}`).join(', ');
    if (shape(old.columns) !== shape(relation.columns)) {
      throw new CliError(lakeMessages.partialNeedsSameShape(`${relation.name} has other columns or types (lake: ${shape(old.columns)})`));
    }
  }
  const gone = previous.relations.filter((r) => !names.has(r.name)).map((r) => r.name);
  if (gone.length) throw new CliError(lakeMessages.partialNeedsSameShape(`the warehouse no longer has ${gone.join(', ')}`));
}

/** Every period any partitioned relation holds rows for; each must be of the form YYYYQn. */
async function warehousePeriods(wh: Warehouse, relations: ExportedRelation[]): Promise<Set<string>> {
  const periods = new Set<string>();
  for (const relation of relations) {
    if (relation.partitioning === 'none') continue;
    for (const { period } of await wh.all<{ period: string | null }>(periodsSql(relation))) {
      if (period === null || !PERIOD_PATTERN.test(period)) throw new CliError(lakeMessages.badPeriodValue(relation.name, String(period)));
      periods.add(period);
    }
  }
  return periods;
}

function previousPeriods(previous: Manifest | undefined): string[] {
  return (previous?.relations ?? []).flatMap((r) => r.files.map((f) => f.period)).filter((p): p is string => p !== null);
}

/** COPY one partition to a temp file beside its place; undefined (and no file) where it has no rows. */
async function writePartition(
  wh: Warehouse, dir: string, relation: ExportedRelation, period: string | null, tempFiles: string[],
): Promise<{ temp: string; entry: LakeFile } | undefined> {
  const path = partitionPath(relation.name, period);
  const target = join(dir, path);
  const temp = tempBeside(target);
  mkdirSync(dirname(target), { recursive: true });
  tempFiles.push(temp);
  let rows: number;
  try {
    const reader = await wh.connection.runAndReadAll(
      `copy (${partitionSql(relation, period)}) to '${temp.replace(/'/g, "''")}' (${PARQUET_OPTIONS})`);
    rows = Number(reader.getRows()[0]?.[0] ?? 0);
  } catch (error) {
    throw new CliError(lakeMessages.writeFailed(path, duckdbMessage(error)), { cause: error });
  }
  // A partition without rows is no partition (a relation read whole keeps its file: it carries the schema).
  if (rows === 0 && period !== null) {
    rmSync(temp, { force: true });
    removeEmptyFolders(dirname(target), dir);
    return undefined;
  }
  fsyncFile(temp);
  return { temp: `${dirname(path)}/${basename(temp)}`, entry: { path, period, rows, bytes: statSync(temp).size, sha256: sha256File(temp) } };
}

function nextManifest(
  previous: Manifest | undefined, relations: ExportedRelation[], written: Map<string, LakeFile[]>,
  scope: Set<string>, version: number, writer: string,
): Manifest {
  const before = new Map((previous?.relations ?? []).map((r) => [r.name, r]));
  const out: LakeRelation[] = relations.map((relation) => {
    // Partitions of periods outside this export stay as the lake has them.
    const kept = relation.partitioning === 'none' ? [] : (before.get(relation.name)?.files ?? []).filter((f) => f.period !== null && !scope.has(f.period));
    const files = [...kept, ...(written.get(relation.name) ?? [])];
    return {
      name: relation.name,
      layer: relation.layer,
      partitioned_by: relation.partitioning === 'none' ? [] : ['year', 'period'],
      description: relation.description,
      columns: relation.columns,
      rows: files.reduce((sum, f) => sum + f.rows, 0),
      files,
    };
  });
  return { format: MANIFEST_FORMAT, format_version: MANIFEST_VERSION, schema_version: version, written_by: writer, layout: LAYOUT, relations: out };
}

async function writerName(wh: Warehouse): Promise<string> {
  const row = await wh.one<{ v: string }>('select version() as v');
  return `DuckDB ${row?.v ?? '?'}`;
}

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Issue 18's "done when", on the sample year: `nrp sample` into a temp inbox, ingest, build,
 * `nrp export --lake`, `nrp build --from-lake` into another file; every mart compared row for row
 * and bit for bit, and every exported relation of the lake against the warehouse, with its types.
 * The sample's divisions' key-task reports come through the real ingest; the sample has no issued
 * bulletin, so one is added (as `nrp report --issue` leaves it) so that its columns travel too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest, withLakeReadOnly, type Manifest } from '../../pipelines/lake';
import { SCENARIO } from '../../pipelines/sample/scenario';
import { currentSchemaVersion, openForWrite } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { differingRows, fingerprint, withBoth } from './compare';

const root = tempDir('nrp-lake-roundtrip-');
const inbox = join(root, 'inbox');
const warehouse = join(root, 'warehouse.duckdb');
const lake = join(root, 'lake');
const lakeAgain = join(root, 'lake-again');
const fromLake = join(root, 'from-lake.duckdb');
let manifest: Manifest;

const MARTS = ['mart_indicator_progress', 'mart_key_task_progress', 'mart_key_task_summary', 'mart_main_targets', 'mart_submission_status', 'mart_unit_scorecard'];

beforeAll(async () => {
  expect((await nrp(['sample', '--out', inbox])).code).toBe(0);
  const folders = [...SCENARIO.rounds, SCENARIO.correctionRound].map((f) => join(inbox, f));
  const ingested = await nrp(['ingest', '--db', warehouse, ...folders]);
  expect(ingested.code, ingested.stderr).toBe(0);
  const wh = await openForWrite(warehouse);
  try {
    await wh.run(`insert into bulletin_issues values ('嘉自然资规通〔2023〕31号', '2023Q2', '330400', date '2023-07-20', 'bulletin-2023Q2.pdf', 'ab12', timestamp '2023-07-20 09:30:00')`);
  } finally {
    wh.close();
  }
  expect((await nrp(['build', '--db', warehouse])).code).toBe(0);
  // The published values are those of the build, as `nrp report --issue` records them.
  const again = await openForWrite(warehouse);
  try {
    await again.run(`insert into bulletin_published_values
                     select '嘉自然资规通〔2023〕31号', period, unit_code, indicator_code, actual, unit_of_measure
                     from mart_indicator_progress where period = '2023Q2' and unit_code = '330400'`);
  } finally {
    again.close();
  }
  const exported = await nrp(['export', '--lake', lake, '--db', warehouse]);
  expect(exported.code, exported.stderr).toBe(0);
  const built = await nrp(['build', '--from-lake', lake, '--db', fromLake]);
  expect(built.code, built.stderr).toBe(0);
  expect((await nrp(['export', '--lake', lakeAgain, '--db', warehouse])).code).toBe(0);
  manifest = readManifest(lake);
}, 900_000);

describe('nrp build --from-lake', () => {
  it('gives every mart of the warehouse build, row for row and bit for bit, with the same types', async () => {
    await withBoth(warehouse, fromLake, async (wh) => {
      for (const mart of MARTS) {
        const a = await fingerprint(wh, 'a', mart);
        expect(a.rows, mart).toBeGreaterThan(0);
        expect(await fingerprint(wh, 'b', mart), mart).toEqual(a);
        expect(await differingRows(wh, mart), mart).toEqual({ onlyA: 0, onlyB: 0 });
      }
      // The key-task reports reached the marts (else the key-task comparison proves little).
      const statuses = await wh.all<{ status_code: string }>(
        `select distinct status_code from b.mart_key_task_progress where status_code <> 'not_reported' order by 1`);
      expect(statuses.map((s) => s.status_code)).toEqual(['done_late', 'done_on_time', 'lagging', 'on_track', 'overdue']);
    });
  });

  it('keeps the types that matter: DATE, VARCHAR[], DOUBLE, INTEGER against BIGINT', async () => {
    await withBoth(warehouse, fromLake, async (wh) => {
      const types = await wh.all<{ c: string }>(
        `select table_name || '.' || column_name || ' ' || data_type as c from duckdb_columns()
          where database_name = 'b' and (table_name, column_name) in (
            ('mart_key_task_progress', 'due_date'), ('mart_key_task_progress', 'units_involved'),
            ('mart_indicator_progress', 'actual'), ('mart_indicator_progress', 'rank'),
            ('mart_submission_status', 'row_count'), ('mart_submission_status', 'loaded_at'))
          order by 1`);
      expect(types.map((t) => t.c)).toEqual([
        'mart_indicator_progress.actual DOUBLE', 'mart_indicator_progress.rank INTEGER',
        'mart_key_task_progress.due_date DATE', 'mart_key_task_progress.units_involved VARCHAR[]',
        'mart_submission_status.loaded_at TIMESTAMP', 'mart_submission_status.row_count BIGINT',
      ]);
    });
  });

  it('records the lake it read, and a plain nrp build of that file is refused', async () => {
    const query = await nrp(['query', '--db', fromLake, '--format', 'json', 'select lake_dir, schema_version from nrp_lake_source']);
    expect(JSON.parse(query.stdout)).toEqual([{ lake_dir: lake, schema_version: currentSchemaVersion() }]);
    const plain = await nrp(['build', '--db', fromLake]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(`--from-lake ${lake}`);
  });

  it('never replaces a warehouse', async () => {
    const refused = await nrp(['build', '--from-lake', lake, '--db', warehouse]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is a warehouse/);
  });
});

describe('nrp export --lake', () => {
  it('holds every seed, registry, raw and mart relation of the warehouse, same rows, same types', async () => {
    const names = manifest.relations.map((r) => `${r.layer}:${r.name}`);
    expect(names).toEqual(expect.arrayContaining([
      'seed:indicators', 'seed:units', 'seed:key_task_statuses', 'registry:submissions', 'registry:submission_versions',
      'registry:bulletin_issues', 'registry:bulletin_published_values', 'registry:nrp_schema', 'raw:raw_patches',
      'raw:raw_key_task_progress', ...MARTS.map((m) => `mart:${m}`),
    ]));
    expect(names.some((n) => /stg_|int_/.test(n))).toBe(false);
    await withLakeReadOnly(lake, async (wh) => {
      await wh.run(`attach '${warehouse}' as w (read_only)`);
      for (const relation of manifest.relations) {
        const diff = await wh.one<{ a: number; b: number }>(
          `select (select count(*) from (from w.${relation.name} except all from ${relation.name})) as a,
                  (select count(*) from (from ${relation.name} except all from w.${relation.name})) as b`);
        expect(diff, relation.name).toEqual({ a: 0, b: 0 });
        const types = await wh.all<{ db: string; c: string }>(
          `select database_name as db, string_agg(column_name || ' ' || data_type, ', ' order by column_index) as c
             from duckdb_columns() where table_name = ? and schema_name = 'main' group by 1 order by 1`, [relation.name]);
        expect(types.length, relation.name).toBe(2);
        expect(types[0].c, relation.name).toBe(types[1].c);
        const count = await wh.one<{ n: number }>(`select count(*) as n from ${relation.name}`);
        expect(relation.rows, relation.name).toBe(count?.n);
      }
    });
  });

  it('lays out Hive partitions by year and period, raw rows by their submission\'s period, seeds whole', () => {
    const files = (name: string) => manifest.relations.find((r) => r.name === name)!.files.map((f) => f.path);
    expect(files('raw_patches')).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4'].map((p) => `raw_patches/year=2023/period=${p}/data.parquet`));
    expect(files('raw_key_task_progress')).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4'].map((p) => `raw_key_task_progress/year=2023/period=${p}/data.parquet`));
    expect(files('bulletin_issues')).toEqual(['bulletin_issues/year=2023/period=2023Q2/data.parquet']);
    expect(files('indicators')).toEqual(['indicators/data.parquet']);
    expect(manifest.schema_version).toBe(currentSchemaVersion());
    expect(manifest.relations.find((r) => r.name === 'submissions')!.columns.find((c) => c.name === 'warnings'))
      .toEqual({ name: 'warnings', type: 'VARCHAR[]', description: 'Warnings raised at load (bilingual text, one per element)' });
  });

  it('names every file with its size and sha256, and no other file holds data', () => {
    const listed = new Set<string>();
    for (const file of manifest.relations.flatMap((r) => r.files)) {
      const bytes = readFileSync(join(lake, file.path));
      expect(bytes.length, file.path).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
      listed.add(file.path);
    }
    const onDisk = walk(lake).filter((p) => p.endsWith('.parquet'));
    expect(onDisk.sort()).toEqual([...listed].sort());
    expect(walk(lake).filter((p) => !p.endsWith('.parquet'))).toEqual(['_manifest.json']);
  });

  it('gives the same bytes for the same warehouse, every file and the manifest', () => {
    const a = walk(lake);
    expect(walk(lakeAgain)).toEqual(a);
    for (const p of a) expect(readFileSync(join(lakeAgain, p)).equals(readFileSync(join(lake, p))), p).toBe(true);
  });
});

describe('nrp query --lake', () => {
  it('answers like the warehouse, and a filter on period opens only that period\'s file', async () => {
    const sql = "select period, count(*) as n, sum(actual) as s from mart_indicator_progress group by period order by period";
    const fromWarehouse = await nrp(['query', '--db', warehouse, '--format', 'json', sql]);
    const fromTheLake = await nrp(['query', '--lake', lake, '--format', 'json', sql]);
    expect(fromTheLake.code, fromTheLake.stderr).toBe(0);
    expect(fromTheLake.stdout).toBe(fromWarehouse.stdout);
    const pruned = await nrp(['query', '--lake', lake, '--format', 'csv',
      "explain analyze select unit_code from mart_indicator_progress where period = '2023Q2'"]);
    expect(pruned.stdout).toMatch(/Total Files Read: 1\b/);
  });

  it('refuses a statement that writes, and --lake with --db', async () => {
    const write = await nrp(['query', '--lake', lake, 'create table t as select 1']);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/read-only/);
    const both = await nrp(['query', '--lake', lake, '--db', warehouse, 'select 1']);
    expect(both.code).toBe(2);
  });
});

/** Every file under `root`, as `/`-separated paths relative to it, sorted. */
function walk(root: string, dir: string = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(root, path));
    else if (statSync(path).isFile()) out.push(relative(root, path).split('\\').join('/'));
  }
  return out.sort();
}

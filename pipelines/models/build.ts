import { CliError, duckdbMessage } from '../errors';
import { modelMessages } from '../messages';
import { SQL_DIR } from '../paths';
import type { Progress } from '../progress';
import { loadSeeds, seedsDir as defaultSeedsDir, type Warehouse } from '../warehouse';
import { discoverModels, discoverTests, type DataTest, type Model } from './discover';
import { installRuleMacros } from './macros';

export interface BuildOptions {
  /** Folder holding staging/, intermediate/, marts/ and tests/ (default: the project's sql/). */
  sqlDir?: string;
  /** Folder of seed CSVs (default: NRP_SEEDS, else seeds/). */
  seedsDir?: string;
  /**
   * Makes what the models read besides their own output, inside the build's transaction.
   * Default: reload the seeds from seedsDir (the raw tables and the registry are the warehouse's).
   * A build over a lake gives views over its Parquet files instead (pipelines/lake/build.ts).
   */
  sources?: (wh: Warehouse) => Promise<void>;
  progress?: Progress;
}

export interface BuiltModel {
  name: string;
  layer: string;
  materialized: 'table' | 'view';
  /** Rows in a table; null for a view (counting would run it). */
  rows: number | null;
  ms: number;
}

export interface BuildSummary {
  models: BuiltModel[];
  tests: { name: string; ms: number }[];
  /** Periods the marts cover (from int_periods where that model exists). */
  periods: string[];
  ms: number;
}

/** How many failing rows a failing data test shows. */
const SAMPLE_ROWS = 5;

/**
 * Reloads the seeds, runs every model in dependency order and then every data test, all in ONE
 * transaction: a failing model or test throws a CliError naming the file (with sample rows for a
 * test), and the rollback leaves the previous seeds and marts as they were.
 */
export async function buildWarehouse(wh: Warehouse, options: BuildOptions = {}): Promise<BuildSummary> {
  const sqlDir = options.sqlDir ?? SQL_DIR;
  const models = discoverModels(sqlDir);
  const tests = discoverTests(sqlDir);
  const started = Date.now();
  const summary = await wh.transaction(async () => {
    options.progress?.stage(modelMessages.stageSeeds);
    if (options.sources) await options.sources(wh);
    else await loadSeeds(wh, options.seedsDir ?? defaultSeedsDir());
    // Stored (not temp) and before the models: the staging views call them when read later.
    await installRuleMacros(wh, { sqlDir });
    options.progress?.done();

    options.progress?.stage(modelMessages.stageModels(models.length));
    const built: BuiltModel[] = [];
    for (const [i, model] of models.entries()) {
      built.push(await runModel(wh, model));
      options.progress?.tick(i + 1, models.length);
    }
    await dropRetiredModels(wh, models);
    options.progress?.done();

    options.progress?.stage(modelMessages.stageTests(tests.length));
    const passed: BuildSummary['tests'] = [];
    const failures: string[] = [];
    for (const test of tests) {
      const t0 = Date.now();
      const failure = await runTest(wh, test);
      if (failure) failures.push(...failure);
      else passed.push({ name: test.name, ms: Date.now() - t0 });
    }
    if (failures.length) {
      throw new CliError(modelMessages.testsFailed(tests.length - passed.length, tests.length), { context: failures });
    }
    options.progress?.done();

    const periods = models.some((m) => m.name === 'int_periods')
      ? (await wh.all<{ period: string }>('select period from int_periods order by period_year, period_quarter')).map((r) => r.period)
      : [];
    return { models: built, tests: passed, periods, ms: Date.now() - started };
  });
  // The new models' tables and comments folded into the file at once, not left to the
  // write-ahead log (see warehouse/migrate.ts: every schema change is checkpointed).
  if (wh.path !== ':memory:') await wh.run('checkpoint');
  return summary;
}

async function existingKind(wh: Warehouse, name: string): Promise<'table' | 'view' | undefined> {
  const row = await wh.one<{ kind: 'table' | 'view' }>(
    `select 'table' as kind from duckdb_tables() where schema_name = 'main' and table_name = ?
     union all
     select 'view' from duckdb_views() where schema_name = 'main' and view_name = ? and not internal`,
    [name, name],
  );
  return row?.kind;
}

/**
 * A relation named like a model (stg_, int_, mart_) whose SQL file is gone was retired (e.g.
 * int_key_task_statuses, now the seed key_task_statuses): dropped, so that `nrp tables` and
 * whoever reads the warehouse never find a stale copy. Views first: they may read the tables.
 */
async function dropRetiredModels(wh: Warehouse, models: Model[]): Promise<void> {
  const current = new Set(models.map((m) => m.name));
  const rows = await wh.all<{ name: string; kind: 'table' | 'view' }>(
    `select view_name as name, 'view' as kind from duckdb_views() where schema_name = 'main' and not internal and not temporary
     union all
     select table_name, 'table' from duckdb_tables() where schema_name = 'main' and not temporary`,
  );
  for (const row of rows) {
    if (/^(stg|int|mart)_/.test(row.name) && !current.has(row.name)) await wh.run(`drop ${row.kind} if exists ${row.name}`);
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

async function runModel(wh: Warehouse, model: Model): Promise<BuiltModel> {
  const t0 = Date.now();
  const target = model.materialized;
  try {
    const existing = await existingKind(wh, model.name);
    if (existing && existing !== target) await wh.run(`drop ${existing} ${model.name}`);
    await wh.run(`create or replace ${target} ${model.name} as\n${model.sql}\n`);
  } catch (error) {
    throw new CliError(modelMessages.modelFailed(model.file), { cause: error, context: [duckdbMessage(error)] });
  }
  const columns = await wh.all<{ name: string }>(
    `select column_name as name from duckdb_columns() where schema_name = 'main' and table_name = ? order by column_index`,
    [model.name],
  );
  const actual = new Set(columns.map((c) => c.name));
  const undocumented = columns.map((c) => c.name).filter((c) => !model.header.columns.has(c));
  const stale = [...model.header.columns.keys()].filter((c) => !actual.has(c));
  if (undocumented.length || stale.length) {
    throw new CliError(modelMessages.columnsUndocumented(model.file), {
      context: [
        ...(undocumented.length ? [modelMessages.undocumented(undocumented)] : []),
        ...(stale.length ? [modelMessages.stale(stale)] : []),
      ],
    });
  }
  // One round trip for all the comments of a model: a build sets a few hundred of them.
  await wh.run([
    `comment on ${target} ${model.name} is ${literal(model.header.description)};`,
    ...[...model.header.columns].map(([column, meaning]) => `comment on column ${model.name}.${column} is ${literal(meaning)};`),
  ].join('\n'));
  let rows: number | null = null;
  if (target === 'table') {
    rows = (await wh.one<{ n: number }>(`select count(*) as n from ${model.name}`))?.n ?? 0;
  }
  return { name: model.name, layer: model.layer, materialized: target, rows, ms: Date.now() - t0 };
}

/** Runs one data test; returns the lines that describe its failure, or undefined when it passes. */
async function runTest(wh: Warehouse, test: DataTest): Promise<string[] | undefined> {
  let count: number;
  let sample: Record<string, unknown>[];
  try {
    count = (await wh.one<{ n: number }>(`select count(*) as n from (\n${test.sql}\n)`))?.n ?? 0;
    if (count === 0) return undefined;
    sample = await wh.all(`select * from (\n${test.sql}\n) limit ${SAMPLE_ROWS}`);
  } catch (error) {
    return [modelMessages.testError(test.file, duckdbMessage(error))];
  }
  return [
    modelMessages.testFailed(test.file, count, test.description),
    ...sample.map((row) => '    ' + formatRow(row)),
    ...(count > sample.length ? [`    … (${count - sample.length})`] : []),
  ];
}

function formatRow(row: Record<string, unknown>): string {
  return Object.entries(row)
    .map(([k, v]) => `${k}=${v === null || v === undefined ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

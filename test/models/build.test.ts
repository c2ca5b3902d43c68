/**
 * `nrp build` and buildWarehouse as a runner: order, comments, one transaction, failures that name
 * the file and leave the previous marts as they were. Rows are inserted as in ./warehouse.ts.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverModels } from '../../pipelines/models';
import { projectPath } from '../../pipelines/paths';
import { openForWrite } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { build, submitSummary, TEST_SEEDS } from './warehouse';

const scratch = tempDir('nrp-build-');
let copies = 0;
function copySql(): string {
  const dir = join(scratch, `sql-${++copies}`);
  cpSync(projectPath('sql'), dir, { recursive: true });
  return dir;
}

/** The CliError a build must throw (a build that passes fails the test). */
async function buildError(built: Promise<unknown>): Promise<Error & { context: string[] }> {
  return built.then(
    () => { throw new Error('the build passed'); },
    (e: unknown) => e as Error & { context: string[] },
  );
}

describe('model discovery', () => {
  it('orders models so that each runs after what it reads', () => {
    const models = discoverModels(projectPath('sql'));
    const position = new Map(models.map((m, i) => [m.name, i]));
    for (const m of models) for (const dep of m.dependsOn) expect(position.get(dep)!).toBeLessThan(position.get(m.name)!);
    expect(models.find((m) => m.name === 'mart_indicator_progress')!.dependsOn).toContain('int_indicator_status');
    expect(models.filter((m) => m.layer === 'marts').every((m) => m.materialized === 'table')).toBe(true);
  });

  it('refuses a cycle, naming the files', () => {
    const sql = copySql();
    writeFileSync(join(sql, 'intermediate', 'int_a.sql'), '-- description: a\nselect * from int_b');
    writeFileSync(join(sql, 'intermediate', 'int_b.sql'), '-- description: b\nselect * from int_a');
    expect(() => discoverModels(sql)).toThrow(/int_a\.sql.*int_b\.sql|cycle/s);
  });
});

describe('nrp build', () => {
  it('builds through the CLI, and nrp describe shows the model comments', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.duckdb');
    const wh = await openForWrite(db);
    await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 42 }]);
    wh.close();
    const built = await nrp(['build', '--db', db], { env: { NRP_SEEDS: TEST_SEEDS } });
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/2023Q1/);
    const described = await nrp(['describe', '--db', db, 'mart_indicator_progress']);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/gap_pp/);
    expect(described.stdout).toMatch(/completion_pct − expected_pct/);
    const tables = await nrp(['tables', '--db', db]);
    expect(tables.stdout).toMatch(/mart_indicator_progress\s+The KPI contract/);
    expect(tables.stdout).toMatch(/stg_land_supply\s+\(view\)/);
    const value = await nrp(['query', '--db', db, '--format', 'csv',
      "select actual from mart_indicator_progress where unit_code = '330400' and indicator_code = 'new_farmland'"]);
    expect(value.stdout.trim().split('\n').pop()).toBe('42');
  });

  it('a failing data test exits 1, names the file, shows failing rows and leaves the previous marts', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.duckdb');
    const wh = await openForWrite(db);
    await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 42 }]);
    wh.close();
    expect((await nrp(['build', '--db', db], { env: { NRP_SEEDS: TEST_SEEDS } })).code).toBe(0);
    // A Q2 row that ingest would reject (分子 > 分母: 150 %) slips in: assert_rates_in_range fails
    // for 海宁 and for 全市, which pools it.
    const wh2 = await openForWrite(db);
    await submitSummary(wh2, '330481', '2023Q2', [{ code: 'idle_land_disposal', numerator: 150, denominator: 100 }]);
    wh2.close();
    const failed = await nrp(['build', '--db', db], { env: { NRP_SEEDS: TEST_SEEDS } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/data tests failed/);
    expect(failed.stderr).toMatch(/sql\/tests\/assert_rates_in_range\.sql: 2 failing row/);
    expect(failed.stderr).toMatch(/unit_code=330481, indicator_code=idle_land_disposal, actual=150/);
    // The marts are those of the last good build: 2023Q1 only.
    const periods = await nrp(['query', '--db', db, '--format', 'csv', 'select distinct period from mart_indicator_progress']);
    expect(periods.stdout.trim().split('\n').slice(1)).toEqual(['2023Q1']);
  });

  it('a failing data test of another sql folder is reported with a sample of its rows', async () => {
    const wh = await openForWrite(':memory:');
    try {
      await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 42 }]);
      const sql = copySql();
      writeFileSync(join(sql, 'tests', 'assert_no_missing_units.sql'),
        "-- description: deliberately failing\nselect unit_code, period from mart_indicator_progress where status = 'missing' order by all");
      await expect(build(wh, { sqlDir: sql })).rejects.toMatchObject({
        message: expect.stringMatching(/1 of \d+ data tests failed/),
        context: expect.arrayContaining([
          expect.stringMatching(/assert_no_missing_units\.sql: \d+ failing row/),
          expect.stringMatching(/unit_code=330402, period=2023Q1/),
        ]),
      });
      // Nothing was built: the transaction rolled back.
      expect(await wh.all("select table_name from duckdb_tables() where table_name like 'mart_%'")).toEqual([]);
    } finally {
      wh.close();
    }
  });

  it('rolls back everything when a model fails, and names the model file', async () => {
    const wh = await openForWrite(':memory:');
    try {
      await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 42 }]);
      await build(wh);
      await submitSummary(wh, '330481', '2023Q1', [{ code: 'new_farmland', value: 77 }]);
      const sql = copySql();
      writeFileSync(join(sql, 'marts', 'mart_broken.sql'), '-- description: broken\nselect no_such_column from mart_indicator_progress');
      const error = await buildError(build(wh, { sqlDir: sql }));
      expect(error.message).toMatch(/mart_broken\.sql/);
      expect(error.context.join('\n')).toMatch(/no_such_column/);
      const row = await wh.one<{ actual: number }>(
        "select actual from mart_indicator_progress where unit_code = '330481' and indicator_code = 'new_farmland'");
      expect(row!.actual).toBe(42); // the mart from before, although the intermediate models ran again
      const tables = await wh.all("select table_name from duckdb_tables() where table_name = 'mart_broken'");
      expect(tables).toEqual([]);
    } finally {
      wh.close();
    }
  });

  it('catches seeds that disagree (a 市本级 member that is not a unit, a duplicated target)', async () => {
    const seeds = join(scratch, `seeds-${++copies}`);
    cpSync(TEST_SEEDS, seeds, { recursive: true });
    const units = readFileSync(join(seeds, 'units.csv'), 'utf8').replace(/^(SBJ,市本级,,aggregate,11,)[^,]*,/m, '$1330402|330499,');
    writeFileSync(join(seeds, 'units.csv'), units);
    writeFileSync(join(seeds, 'targets.csv'), readFileSync(join(seeds, 'targets.csv'), 'utf8') + '2023,new_farmland,330481,1,sample,dup\n');
    const wh = await openForWrite(':memory:');
    try {
      const error = await buildError(build(wh, { seedsDir: seeds }));
      const text = error.context.join('\n');
      expect(text).toMatch(/assert_seed_references\.sql: 2 failing row/);
      expect(text).toMatch(/unit_code=SBJ, detail=330499/);
      expect(text).toMatch(/more than one target, unit_code=330481, detail=2023 new_farmland/);
    } finally {
      wh.close();
    }
  });

  it('drops a relation named like a model whose file is gone (a retired model)', async () => {
    const wh = await openForWrite(':memory:');
    try {
      await wh.run(`create table int_key_task_statuses as select 1 as x; create view stg_retired as select 1 as x`);
      await build(wh);
      const left = await wh.all(`select table_name from duckdb_tables() where table_name in ('int_key_task_statuses', 'stg_retired')
                                 union all select view_name from duckdb_views() where view_name = 'stg_retired'`);
      expect(left).toEqual([]);
      expect((await wh.one<{ n: number }>('select count(*) as n from key_task_statuses'))?.n).toBe(6);
    } finally {
      wh.close();
    }
  });

  it('refuses a model whose columns are not all described', async () => {
    const wh = await openForWrite(':memory:');
    try {
      const sql = copySql();
      writeFileSync(join(sql, 'marts', 'mart_extra.sql'), '-- description: extra\n-- column a: described\nselect 1 as a, 2 as b');
      await expect(build(wh, { sqlDir: sql })).rejects.toMatchObject({
        message: expect.stringMatching(/mart_extra\.sql/),
        context: [expect.stringMatching(/\bb\b/)],
      });
    } finally {
      wh.close();
    }
  });
});

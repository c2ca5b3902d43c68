/**
 * The KPI rule macros (sql/macros/kpi.sql): installed where each caller needs them. The figures
 * they give are tested where the rules are (traps.test.ts, the ingest warnings, the sample).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installRuleMacros, ruleMacrosSql } from '../../pipelines/models';
import { ingestFiles } from '../../pipelines/ingest';
import { openForWrite, Warehouse } from '../../pipelines/warehouse';
import { nrpProcess, tempDir } from '../helpers';
import { submitLedger, TEST_SEEDS } from './warehouse';

const scratch = tempDir('nrp-macros-');

/** The KPI macros stored in a warehouse (temp ones are not). */
async function storedMacros(wh: Warehouse): Promise<string[]> {
  const rows = await wh.all<{ name: string }>(
    `select distinct function_name as name from duckdb_functions()
      where function_name like 'kpi\\_%' escape '\\' and schema_name = 'main' and database_name <> 'temp' order by 1`);
  return rows.map((r) => r.name);
}

describe('rule macros', () => {
  it('are stored by the build, so a view that calls them works in a later read-only process', async () => {
    const db = join(scratch, 'built.duckdb');
    const wh = await openForWrite(db);
    try {
      await submitLedger(wh, '330481', '2023Q1', [
        { id: 'A', area: 10, supplied: '2023-01-10', agreedStart: '2023-02-01', extendedStart: '2023-05-01', agreedCompletion: '2025-01-01' },
      ]);
      expect(await storedMacros(wh)).toEqual([]);
    } finally {
      wh.close();
    }
    const built = nrpProcess(['build', '--db', db], { env: { NRP_SEEDS: TEST_SEEDS } });
    expect(built.code, built.stderr).toBe(0);
    // stg_land_supply is a view calling kpi_due_date: another process expands it.
    const read = nrpProcess(['query', '--db', db, '--format', 'csv',
      "select cast(start_due_date as varchar) as d, kpi_rate(1, 4) as r from stg_land_supply"]);
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout.trim().split('\n').pop()).toBe('2023-05-01,25');
  });

  it('are temp macros for ingest: loading files leaves nothing in the catalogue', async () => {
    const dir = join(scratch, 'inbox');
    mkdirSync(dir, { recursive: true });
    // The ledger computes land_supply 1200 亩 (kpi_in_window) and commencement 1 / 1 (kpi_is_due,
    // kpi_is_done); 指标进度 declares 1500 and 1 / 1: the first is more than 1 % away → one warning.
    writeFileSync(join(dir, '海宁市_2023Q1_供地台账.csv'), [
      '地块编号,项目名称,供地方式,土地用途,供地面积（亩）,是否存量,成交价款（万元）,供地日期,约定开工日期,约定竣工日期,实际开工日期,实际竣工日期,延期开工日期,延期竣工日期',
      'G1,甲项目,出让,工业,1200,否,3000,2023-01-14,2023-02-01,2025-04-01,2023-02-10,,,',
    ].join('\n') + '\n');
    writeFileSync(join(dir, '海宁市_2023Q1_指标进度.csv'), [
      '指标代码,累计完成,分子,分母,备注', 'land_supply,1500,,,', 'commencement_rate,,1,1,',
    ].join('\n') + '\n');
    const wh = await openForWrite(join(scratch, 'ingested.duckdb'));
    try {
      const report = await ingestFiles(wh, [dir]);
      expect(report.accepted, JSON.stringify(report.files.map((f) => f.errors))).toBe(2);
      const warnings = report.files.flatMap((f) => f.warnings);
      expect(warnings.map((w) => [w.code, w.value])).toEqual([['declared_vs_computed', '1500']]);
      expect(await storedMacros(wh)).toEqual([]);
      // …while this connection has them (as ingest's warnings need them).
      expect(await wh.one('select kpi_rate(1, 8) as r')).toEqual({ r: 12.5 });
    } finally {
      wh.close();
    }
  });

  it('every statement must be create or replace macro, which the temp form rewrites', async () => {
    const text = ruleMacrosSql({ temp: true });
    expect(text).toMatch(/create or replace temp macro kpi_rate/);
    expect(text).not.toMatch(/create or replace macro/i);
    const sql = join(scratch, 'sql-bad');
    mkdirSync(join(sql, 'macros'), { recursive: true });
    writeFileSync(join(sql, 'macros', 'bad.sql'), '-- a table is not a macro\ncreate table t (x integer);\n');
    expect(() => ruleMacrosSql({ sqlDir: sql })).toThrow(/bad\.sql.*create or replace macro/);
    const wh = await Warehouse.open(':memory:');
    try {
      await installRuleMacros(wh, { temp: true });
      expect(await wh.one('select kpi_is_due(date \'2023-03-01\', null, date \'2023-01-01\', date \'2023-03-31\') as due')).toEqual({ due: true });
    } finally {
      wh.close();
    }
  });
});

describe('kpi_amount: totals that do not depend on the order of their rows', () => {
  it('every order of the same amounts gives the same bits, where fsum alone does not', async () => {
    const wh = await Warehouse.open(':memory:');
    try {
      await installRuleMacros(wh);
      // Three areas as typed (2 decimals): compensated summation ends in another last bit for some
      // of the six orders (found by trying random amounts); their exact total is 1240.11.
      const amounts = [189.82, 487.09, 563.2];
      await wh.run(`create table amounts as select * from (values ${amounts.map((a, i) => `(${i}, ${a})`).join(', ')}) t(i, amount)`);
      const orders = await wh.all<{ raw: number; total: number }>(`
        with perms(p) as (
          select [a.i, b.i, c.i] from amounts a, amounts b, amounts c where a.i <> b.i and a.i <> c.i and b.i <> c.i
        )
        select fsum(amount order by list_position(p, i)) as raw, kpi_amount(fsum(amount order by list_position(p, i))) as total
        from perms, amounts group by p`);
      expect(orders).toHaveLength(6);
      expect(new Set(orders.map((o) => o.raw)).size).toBeGreaterThan(1);
      expect(new Set(orders.map((o) => o.total))).toEqual(new Set([1240.11]));
    } finally {
      wh.close();
    }
  });
});

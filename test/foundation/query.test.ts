import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../pipelines/query/width';
import { projectPath } from '../../pipelines/paths';
import { Warehouse, migrate } from '../../pipelines/warehouse';
import { nrp, nrpProcess, tempDir } from '../helpers';

const dir = tempDir();
const db = join(dir, 'warehouse.duckdb');

describe('nrp query', () => {
  it('creates the warehouse on first use and returns the catalogue as JSON', async () => {
    const r = await nrp(['query', '--db', db, '--format', 'json', 'select code, city_target from indicators order by rowid']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { code: string; city_target: number | null }[];
    expect(rows).toHaveLength(37);
    expect(rows.find((x) => x.code === 'land_supply')!.city_target).toBe(40000);
    expect(rows.find((x) => x.code === 'farmland_area')!.city_target).toBeNull();
    expect(existsSync(db)).toBe(true);
  });

  it('records the schema version', async () => {
    const r = await nrp(['query', '--db', db, '--format', 'json', 'select max(version) as v from nrp_schema']);
    expect(JSON.parse(r.stdout)[0].v).toBeGreaterThanOrEqual(1);
  });

  it('json: select 42 as x prints [{"x":42}], exact DECIMAL and BIGINT, ISO dates', async () => {
    expect((await nrp(['query', '--db', db, '--format', 'json', 'select 42 as x'])).stdout.trim()).toBe('[{"x":42}]');
    const r = await nrp(['query', '--db', db, '--format', 'json',
      "select 12.30::decimal(10,2) as d, 9007199254740993::bigint as b, date '2023-06-30' as dt, timestamp '2023-06-30 08:01:02' as ts, null as n"]);
    expect(r.stdout.trim()).toBe('[{"d":12.30,"b":9007199254740993,"dt":"2023-06-30","ts":"2023-06-30T08:01:02","n":null}]');
    expect(JSON.parse(r.stdout)[0].d).toBe(12.3);
  });

  it('table: aligns Chinese text by display width', async () => {
    const r = await nrp(['query', '--db', db, "select name, code from units where code in ('330402','JXETDZ') order by display_order"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('│'));
    expect(lines).toHaveLength(3);
    const widths = new Set(lines.map(displayWidth));
    expect(widths.size).toBe(1);
    expect(r.stdout).toContain('嘉兴经济技术开发区');
    expect(r.stdout).toContain('(2 rows)');
  });

  it('csv: header, quoting, formula-looking text neutralised, negative numbers kept', async () => {
    const out = join(dir, 'q.csv');
    const r = await nrp(['query', '--db', db, '--format', 'csv', '--out', out, `select '=1+1' as f, 'a,b' as q, -5 as n, '@x' as at`]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8').replace(/^\ufeff/, '');
    expect(text).toBe(`f,q,n,at\r\n'=1+1,"a,b",-5,'@x\r\n`);
  });

  it('arrow: an IPC file that apache-arrow reads back with the same values', async () => {
    const out = join(dir, 'q.arrow');
    const r = await nrp(['query', '--db', db, '--format', 'arrow', '--out', out,
      "select code, city_target, main_target, date '2023-06-30' as d, true as b from indicators where code in ('land_supply','farmland_area') order by code"]);
    expect(r.code).toBe(0);
    const table = tableFromIPC(readFileSync(out));
    expect(table.numRows).toBe(2);
    expect(table.getChild('code')!.toArray()).toEqual(['farmland_area', 'land_supply']);
    expect(table.getChild('city_target')!.get(1)).toBe(40000);
    expect(table.getChild('city_target')!.get(0)).toBeNull();
    expect(table.getChild('main_target')!.get(1)).toBe(3);
    expect(new Date(table.getChild('d')!.get(0) as number).toISOString().slice(0, 10)).toBe('2023-06-30');
    expect(table.getChild('b')!.get(0)).toBe(true);
  });

  it('parquet: written through DuckDB and read back', async () => {
    const out = join(dir, 'q.parquet');
    const r = await nrp(['query', '--db', db, '--format', 'parquet', '--out', out, 'select code, city_target from indicators;']);
    expect(r.code).toBe(0);
    const wh = await Warehouse.open(':memory:');
    try {
      const rows = await wh.all<{ n: number; t: number }>(`select count(*) as n, sum(city_target) as t from read_parquet('${out}')`);
      const expected = await nrp(['query', '--db', db, '--format', 'json', 'select count(*) as n, sum(city_target) as t from indicators']);
      expect(rows).toEqual(JSON.parse(expected.stdout));
    } finally {
      wh.close();
    }
  });

  it('--file reads the SQL from a file', async () => {
    const file = join(dir, 'q.sql');
    writeFileSync(file, "select count(*) as n from units where kind = 'aggregate'");
    const r = await nrp(['query', '--db', db, '--format', 'json', '--file', file]);
    expect(JSON.parse(r.stdout)).toEqual([{ n: 2 }]);
  });

  it('refuses writes with a clear message and leaves the table intact', async () => {
    for (const sql of ['delete from indicators', 'drop table units', "insert into targets values (2023,'x','y',1,'s','n')", 'create table t(x int)']) {
      const r = await nrp(['query', '--db', db, sql]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('read-only');
      expect(r.stderr).toContain('只读');
    }
    const r = await nrp(['query', '--db', db, '--format', 'json', 'select (select count(*) from indicators) as i, (select count(*) from units) as u']);
    expect(JSON.parse(r.stdout)).toEqual([{ i: 37, u: 11 }]);
  });

  it('--db beats NRP_DB, which beats the default', async () => {
    const other = join(dir, 'other.duckdb');
    const viaEnv = await nrp(['query', '--format', 'json', 'select 1 as one'], { cwd: dir, env: { NRP_DB: other } });
    expect(viaEnv.code).toBe(0);
    expect(existsSync(other)).toBe(true);
    const viaDefault = await nrp(['query', '--format', 'json', 'select 1 as one'], { cwd: dir, env: {} });
    expect(viaDefault.code).toBe(0);
    expect(existsSync(join(dir, 'data', 'warehouse.duckdb'))).toBe(true);
  });
});

describe('exit codes of the real command', () => {
  it('a bad query prints DuckDB\'s message, exits 1, no stack trace', () => {
    const r = nrpProcess(['query', '--db', db, 'select * from no_such_table']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no_such_table/);
    expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('a reader that stops early (| head) ends it quietly: exit 0, nothing on stderr', async () => {
    const db = join(dir, 'pipe.duckdb');
    expect(nrpProcess(['query', '--db', db, 'select 1']).code).toBe(0);
    const child = spawn(process.execPath, [projectPath('dist/pipelines/cli.js'), 'query', '--db', db, '--format', 'csv', 'select * from range(2000000)'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('usage errors exit 2', () => {
    expect(nrpProcess(['query', '--db', db, '--format', 'xml', 'select 1']).code).toBe(2);
    expect(nrpProcess(['query', '--db', db]).code).toBe(2);
    expect(nrpProcess(['query', '--db', db, '--format', 'arrow', 'select 1']).code).toBe(2);
    expect(nrpProcess(['query', '--nope']).code).toBe(2);
    expect(nrpProcess(['frobnicate']).code).toBe(2);
    expect(nrpProcess([]).code).toBe(2);
  });

  it('--help lists the commands; <command> --help explains one', () => {
    const all = nrpProcess(['--help']);
    expect(all.code).toBe(0);
    for (const c of ['query', 'tables', 'describe']) expect(all.stdout).toContain(c);
    const one = nrpProcess(['query', '--help']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--format');
  });
});

describe('data dictionary', () => {
  it('nrp tables lists relations with descriptions; describe shows column meanings', async () => {
    const t = await nrp(['tables', '--db', db]);
    expect(t.code).toBe(0);
    for (const name of ['indicators', 'units', 'targets', 'submissions', 'raw_land_supply']) expect(t.stdout).toContain(name);
    expect(t.stdout).toMatch(/indicators\s+Seed: the indicator catalogue/);
    const d = await nrp(['describe', '--db', db, 'targets']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/source\s+VARCHAR\s+.*sample/);
    const bad = await nrp(['describe', '--db', db, 'indicator']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('indicators');
  });
});

describe('a warehouse left half-created', () => {
  it('migrated but without seeds (a process killed in between) gets its seeds on the next open', async () => {
    const half = join(dir, 'half.duckdb');
    const wh = await Warehouse.open(half);
    try {
      await migrate(wh);
    } finally {
      wh.close();
    }
    const r = await nrp(['query', '--db', half, '--format', 'json', 'select count(*) as n from indicators']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([{ n: 37 }]);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipelines/ingest';
import { ingestLimits } from '../../pipelines/ingest/limits';
import { openForWrite, type Warehouse } from '../../pipelines/warehouse';
import { nrp, nrpProcess, tempDir } from '../helpers';
import { baseCsv, baseWorkbook, csvBytes, csvName, TABLE_TITLES, workbookBytes, workbookName } from './fuzz/corpus';
import { anyCase, ARBITRARIES, KINDS, zipBombCase, type FuzzCase } from './fuzz/mutations';
import { apiTarget, cliTarget, runCase, type Target } from './fuzz/oracle';

// The CSV fast path is taken by 卫片图斑 files of 1 MB and more; the small ones here take it too,
// so that its limits are checked (NRP_CSV_FAST_MIN_BYTES, read at each file; passed to the CLI).
process.env.NRP_CSV_FAST_MIN_BYTES = '0';

/**
 * Hostile input (issue 9, item 3): valid workbooks and CSVs, mutated by fast-check in every way
 * of fuzz/mutations.ts, go through ingest. Never a crash or a stack trace, always a report
 * (accepted, or rejected with reasons in both languages), never a partial load (a rejected
 * file changes no table; the registry agrees with the raw tables), no non-finite number or NUL
 * loaded. The run is short and seeded (NRP_FUZZ_SEED, NRP_FUZZ_RUNS); fast-check prints the
 * seed and the failing case. The long run is bench/fuzz.bench.ts.
 */
const SEED = Number(process.env.NRP_FUZZ_SEED ?? 20231128);
const RUNS = Number(process.env.NRP_FUZZ_RUNS ?? 56); // 4 of each of the 14 kinds on average
const dir = tempDir('nrp-fuzz-');
let wh: Warehouse;
let api: Target;

beforeAll(async () => {
  wh = await openForWrite(join(dir, 'api.duckdb'));
  api = apiTarget(wh);
});
afterAll(() => wh?.close());

/** The property: runs the case and fails with its label and every violation found. */
async function holds(c: FuzzCase, target: Target): Promise<void> {
  const outcome = await runCase(c, target, dir);
  expect(outcome.violations, `${c.kind}: ${c.label} → ${outcome.status} [${outcome.errorCodes.slice(0, 5).join(', ')}]`).toEqual([]);
}

const cases = (kind: string) => `${kind} (seed ${SEED})`;

describe('hostile input', () => {
  it('the unmutated corpus is accepted (so that every mutation starts from a valid file)', async () => {
    const folder = join(dir, 'valid');
    mkdirSync(folder);
    writeFileSync(join(folder, workbookName), await workbookBytes(baseWorkbook()));
    for (const t of TABLE_TITLES) writeFileSync(join(folder, csvName(t)), csvBytes(baseCsv(t)));
    const report = await ingestFiles(wh, [folder]);
    expect(report.files.map((f) => `${f.file}: ${f.status} ${f.errors.map((e) => e.en).join('; ')}`.trim()).sort()).toEqual(
      [workbookName, ...TABLE_TITLES.map(csvName)].map((f) => `${f}: accepted`).sort(),
    );
  });

  it(cases(`${RUNS} mutated files of every kind through ingestFiles: a report, never a crash or a partial load`), async () => {
    await fc.assert(fc.asyncProperty(anyCase, (c) => holds(c, api)), { seed: SEED, numRuns: RUNS });
  });

  it(cases('one file of every kind through `nrp ingest --json`: exit 0 or 1, no internal error or stack trace'), async () => {
    const db = join(dir, 'cli.duckdb');
    (await openForWrite(db)).close();
    const cli = cliTarget(db);
    for (const kind of KINDS) {
      await fc.assert(fc.asyncProperty(ARBITRARIES[kind], (c) => holds(c, cli)), { seed: SEED + 1, numRuns: 1 });
    }
  });
});

describe('zip bombs are refused before anything inflates them', () => {
  it('a sheet declared to inflate 200 MB from a few hundred KB: the ratio limit, named with the value found and how to raise it', async () => {
    const c = zipBombCase('honest', 200);
    const outcome = await runCase(c, api, dir);
    expect(outcome.violations).toEqual([]);
    const folder = join(dir, 'bomb-text');
    mkdirSync(folder);
    writeFileSync(join(folder, c.fileName), await c.bytes());
    const r = await nrp(['ingest', '--db', join(dir, 'bomb.duckdb'), join(folder, c.fileName)], { cwd: folder });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/解压后膨胀 \d+ 倍，超过上限 100 倍/);
    expect(r.stderr).toMatch(/inflates \d+ times, over the limit of 100 .*NRP_MAX_UNZIP_RATIO/);
  });

  it('a sheet that lies about its size (declared 4 KB, inflates to 50 MB) is caught by inflating into a counter', async () => {
    expect((await runCase(zipBombCase('lying', 50), api, dir)).violations).toEqual([]);
  });

  it('parts within the ratio but past the total (NRP_MAX_UNZIP_MB lowered) are refused by the total', async () => {
    expect((await runCase(zipBombCase('total', 24), api, dir)).violations).toEqual([]);
  });
});

describe('size limits', () => {
  const land = () => csvBytes(baseCsv('供地台账', 5));

  it('the defaults: 200 MB, 5,000,000 rows, 32,767 characters, ratio 100, 2 GB inflated; each can be raised', () => {
    expect(ingestLimits({})).toEqual({ maxFileBytes: 200 * 2 ** 20, maxRows: 5_000_000, maxCellChars: 32_767, maxUnzipRatio: 100, maxInflatedBytes: 2048 * 2 ** 20 });
    expect(ingestLimits({ NRP_MAX_FILE_MB: '1024', NRP_MAX_ROWS: '2e7', NRP_MAX_CELL_CHARS: '100000', NRP_MAX_UNZIP_RATIO: '500', NRP_MAX_UNZIP_MB: '8192' }))
      .toEqual({ maxFileBytes: 1024 * 2 ** 20, maxRows: 20_000_000, maxCellChars: 100_000, maxUnzipRatio: 500, maxInflatedBytes: 8192 * 2 ** 20 });
  });

  it('rows over NRP_MAX_ROWS: rejected naming the table, the count and the variable; raised, the same file loads', async () => {
    const folder = join(dir, 'rows');
    mkdirSync(folder);
    const path = join(folder, csvName('供地台账'));
    writeFileSync(path, land());
    const db = join(dir, 'rows.duckdb');
    const low = nrpProcess(['ingest', '--db', db, path], { env: { NRP_MAX_ROWS: '4' } });
    expect(low.code).toBe(1);
    expect(low.stderr).toContain('数据行过多：5 行，超过上限 4 行');
    expect(low.stderr).toContain('too many rows in 供地台账: 5, over the limit of 4; to accept it, raise the limit with the environment variable NRP_MAX_ROWS');
    expect(nrpProcess(['ingest', '--db', db, path], { env: { NRP_MAX_ROWS: '5' } }).code).toBe(0);
  });

  it('a workbook sheet over NRP_MAX_ROWS stops being read at the limit', async () => {
    const folder = join(dir, 'rows-xlsx');
    mkdirSync(folder);
    const path = join(folder, workbookName);
    writeFileSync(path, await workbookBytes(baseWorkbook(60, ['卫片图斑'])));
    const before = await wh.one('select count(*) as n from raw_patches');
    process.env.NRP_MAX_ROWS = '20';
    try {
      const f = (await ingestFiles(wh, [path])).files[0];
      expect(f.status).toBe('rejected');
      expect(f.errors.map((e) => [e.code, e.sheet])).toEqual([['too_many_rows', '卫片图斑']]);
      expect(f.errors[0].en).toContain('too many rows in 卫片图斑: > 20, over the limit of 20');
    } finally {
      delete process.env.NRP_MAX_ROWS;
    }
    expect(await wh.one('select count(*) as n from raw_patches')).toEqual(before);
  });

  it('a file over NRP_MAX_FILE_MB is refused before it is read', async () => {
    const folder = join(dir, 'size');
    mkdirSync(folder);
    const path = join(folder, workbookName);
    writeFileSync(path, await workbookBytes(baseWorkbook()));
    const r = nrpProcess(['ingest', '--db', join(dir, 'size.duckdb'), path], { env: { NRP_MAX_FILE_MB: '0.005' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/文件过大：0\.0\d+ MB，超过上限 0\.005 MB/);
    expect(r.stderr).toContain('NRP_MAX_FILE_MB');
  });

  it('a 100,000-character cell is rejected at its address with its length; the report quotes 40 characters of it', async () => {
    const folder = join(dir, 'long');
    mkdirSync(folder);
    const m = baseWorkbook(5, ['供地台账']);
    m.sheets[1].rows[3][1] = '长'.repeat(100_000);
    const path = join(folder, workbookName);
    writeFileSync(path, await workbookBytes(m));
    const before = await wh.one('select count(*) as n from raw_land_supply');
    const f = (await ingestFiles(wh, [path])).files[0];
    expect(f.status).toBe('rejected');
    expect(f.errors.map((e) => [e.code, e.cell, e.value?.length])).toEqual([['cell_too_long', '供地台账!B4', 41]]);
    expect(f.errors[0].en).toContain('项目名称 cell too long: 100000 characters, over the limit of 32767');
    expect(await wh.one('select count(*) as n from raw_land_supply')).toEqual(before);
  });

  it('a NUL past the first 64 KB of a CSV (where the binary sniff does not look) is refused at its cell', async () => {
    const folder = join(dir, 'late-nul');
    mkdirSync(folder);
    const m = baseCsv('供地台账', 5);
    for (let i = 0; i < 2000; i++) m.rows.push([`P${i}`, `项目${i}`, '出让', '工业', '10', '否', '500', '2023-02-01', '2023-05-01', '2024-05-01', null, null, null, null]);
    m.rows[1900][1] = 'a\u0000b';
    const bytes = csvBytes(m);
    expect(bytes.indexOf(0)).toBeGreaterThan(65536);
    writeFileSync(join(folder, csvName('供地台账')), bytes);
    const f = (await ingestFiles(wh, [join(folder, csvName('供地台账'))])).files[0];
    expect(f.status).toBe('rejected');
    expect(f.errors.map((e) => [e.code, e.cell])).toEqual([['nul_in_cell', 'B1901']]);
  });

  it('a plain 卫片图斑 CSV (read on the fast path) with a cell over the limit or a NUL is refused at that cell, and loads nothing', async () => {
    // The fast path tests cell sizes in its own check and reads a suspect file again as text,
    // where the limits are checked in full: the same errors as for any other file.
    const before = await wh.one('select count(*) as n from raw_patches');
    for (const [name, value, code, length] of [
      ['long-patch', '长'.repeat(40_000), 'cell_too_long', 41],
      ['nul-patch', 'a\u0000b', 'nul_in_cell', undefined],
    ] as const) {
      const folder = join(dir, name);
      mkdirSync(folder);
      // 3,000 rows: the NUL lies past the first 64 KB, where the binary sniff does not look
      const m = baseCsv('卫片图斑', 3000);
      m.rows[2900][5] = value;
      const bytes = csvBytes(m);
      expect(bytes.indexOf(0) === -1 || bytes.indexOf(0) > 65536).toBe(true);
      writeFileSync(join(folder, csvName('卫片图斑')), bytes);
      const f = (await ingestFiles(wh, [join(folder, csvName('卫片图斑'))])).files[0];
      expect(f.status).toBe('rejected');
      expect(f.errors.map((e) => [e.code, e.cell, ...(length ? [e.value?.length] : [])])).toEqual([[code, 'F2901', ...(length ? [length] : [])]]);
    }
    expect(await wh.one('select count(*) as n from raw_patches')).toEqual(before);
  });

  it('a cell limit below 24 characters also holds for the numbers a plain 卫片图斑 CSV has typed on the fast path', async () => {
    // read_csv parses the areas itself on the fast path; a number typed with 15 characters is
    // still a cell over a limit of 10.
    const folder = join(dir, 'low-cell-limit');
    mkdirSync(folder);
    const path = join(folder, csvName('卫片图斑'));
    const m = baseCsv('卫片图斑', 5);
    m.rows[3][2] = '12345678.123456';
    writeFileSync(path, csvBytes(m));
    const db = join(dir, 'low-cell-limit.duckdb');
    const low = nrpProcess(['ingest', '--db', db, '--json', path], { env: { NRP_MAX_CELL_CHARS: '10' } });
    expect(low.code).toBe(1);
    const report = JSON.parse(low.stdout) as { files: { errors: { code: string; cell: string }[] }[] };
    expect(report.files[0].errors.map((e) => [e.code, e.cell])).toContainEqual(['cell_too_long', 'C4']);
    expect(nrpProcess(['ingest', '--db', db, path], { env: { NRP_MAX_CELL_CHARS: '100' } }).code).toBe(0);
  });

  it('a bad limit value is a usage error naming the variable', async () => {
    const r = nrpProcess(['ingest', '--db', join(dir, 'bad.duckdb'), dir], { env: { NRP_MAX_ROWS: 'lots' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NRP_MAX_ROWS="lots" is not a positive number (default 5000000)');
  });
});

describe('the compiled CLI on broken workbooks', () => {
  it('a workbook cut at every tenth of its length: exit 1, a reason, no stack trace, nothing loaded', async () => {
    const bytes = await workbookBytes(baseWorkbook());
    const folder = join(dir, 'cut');
    mkdirSync(folder);
    for (let i = 1; i <= 9; i++) writeFileSync(join(folder, `海宁市_2023Q2_${i}0.xlsx`), bytes.subarray(0, Math.floor((bytes.length * i) / 10)));
    const db = join(dir, 'cut.duckdb');
    const r = nrpProcess(['ingest', '--db', db, '--json', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
    const report = JSON.parse(r.stdout) as { rejected: number; files: { errors: { code: string }[] }[] };
    expect(report.rejected).toBe(9);
    expect(report.files.every((f) => f.errors.length > 0)).toBe(true);
    const q = nrpProcess(['query', '--db', db, '--format', 'csv', 'select count(*) as n from submissions']);
    expect(q.stdout.trim().split('\n').pop()).toBe('0');
  });
});

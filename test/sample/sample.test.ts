import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateSample, MANIFEST_NAME, type Manifest } from '../../pipelines/sample';
import { readSampleSeeds } from '../../pipelines/sample/seeds';
import { SEEDS_DIR } from '../../pipelines/paths';
import { nrp, tempDir } from '../helpers';
import ExcelJS from 'exceljs';
import { parseCsv, readDeclared, zipEntryTimes, type DeclaredRow } from './read-back';

/** Every file under dir, as relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

const seeds = readSampleSeeds(SEEDS_DIR, 2023);
const root = tempDir('nrp-sample-');
const first = join(root, 'a');
const second = join(root, 'b');
const other = join(root, 'other-seed');
let manifest: Manifest;
let declared: DeclaredRow[];

beforeAll(async () => {
  for (const [dir, seed] of [[first, DEFAULT_SEED], [second, DEFAULT_SEED], [other, 7]] as const) {
    const r = await nrp(['sample', '--out', dir, '--seed', String(seed)]);
    expect(r.code, r.stderr).toBe(0);
  }
  manifest = JSON.parse(readFileSync(join(first, MANIFEST_NAME), 'utf8'));
  declared = await readDeclared(first, manifest, new Map(seeds.indicators.map((i) => [i.name, i.code])));
}, 240_000);

describe('nrp sample: determinism', () => {
  it('writes the same bytes for the same seed, file by file', () => {
    const a = tree(first);
    const b = tree(second);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  it('pins every zip entry of every workbook to its fill-in day, not to when it was generated', () => {
    const today = new Date().toISOString().slice(0, 10);
    const workbooks = [...tree(first)].filter(([p]) => p.endsWith('.xlsx'));
    expect(workbooks.length).toBeGreaterThan(20);
    for (const [path, bytes] of workbooks) {
      const times = zipEntryTimes(bytes);
      expect(new Set(times).size, path).toBe(1);
      expect(times[0] >= '2023-04-01' && times[0] < '2024-02-01', `${path}: ${times[0]}`).toBe(true);
      expect(times[0].startsWith(today)).toBe(false);
    }
  });

  it('writes different figures for a different seed, under the same file names', () => {
    const a = tree(first);
    const c = tree(other);
    expect([...c.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([p, bytes]) => p !== MANIFEST_NAME && !bytes.equals(c.get(p)!));
    expect(differing.length).toBe(a.size - 1);
  });

  it('replaces an earlier sample in the same folder but refuses a folder of other files', async () => {
    const again = await nrp(['sample', '--out', first]);
    expect(again.code, again.stderr).toBe(0);
    expect([...tree(first).keys()]).toEqual([...tree(second).keys()]);
    const foreign = join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, '南湖区_2023Q1.xlsx'), 'a real submission');
    const r = await nrp(['sample', '--out', foreign]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not empty/);
    expect(readFileSync(join(foreign, '南湖区_2023Q1.xlsx'), 'utf8')).toBe('a real submission');
  }, 120_000);

  it('rejects a bad --seed or --scale as a usage error', async () => {
    expect((await nrp(['sample', '--out', join(root, 'u'), '--seed', 'abc'])).code).toBe(2);
    expect((await nrp(['sample', '--out', join(root, 'u'), '--scale', '0'])).code).toBe(2);
  });
});

describe('nrp sample: the story it tells', () => {
  const periods = ['2023Q1', '2023Q2', '2023Q3', '2023Q4'];

  it('has every unit for every quarter but the late one, plus a correction and two broken files', () => {
    const accepted = manifest.files.filter((f) => f.expect === 'accepted' && f.submitter === 'unit');
    const pairs = new Set(accepted.map((f) => `${f.unit_code} ${f.period}`));
    expect(pairs.size).toBe(4 * 9 - 1);
    const late = manifest.late[0];
    expect(pairs.has(`${late.unit_code} ${late.period}`)).toBe(false);
    expect(manifest.files.filter((f) => f.expect === 'rejected' && f.submitter === 'unit')).toHaveLength(2);
    const corrected = manifest.files.filter((f) => f.supersedes);
    expect(corrected.length).toBeGreaterThan(0);
    for (const c of corrected) expect(c.path > c.supersedes!).toBe(true); // path order = arrival order
    expect(manifest.files.some((f) => f.encoding === 'gbk')).toBe(true);
  });

  it('never lets a cumulative or level value, numerator or denominator decrease over the quarters', () => {
    const kind = new Map(seeds.indicators.map((i) => [i.code, i.kind]));
    const series = new Map<string, DeclaredRow[]>();
    for (const r of declared) {
      const key = `${r.unit} ${r.indicator}`;
      series.set(key, [...(series.get(key) ?? []), r]);
    }
    expect(series.size).toBeGreaterThan(150);
    for (const [key, rows] of series) {
      rows.sort((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period));
      for (let i = 1; i < rows.length; i++) {
        const [prev, cur] = [rows[i - 1], rows[i]];
        if (kind.get(cur.indicator) !== 'rate') expect(cur.value!, `${key} ${cur.period}`).toBeGreaterThanOrEqual(prev.value!);
        else {
          expect(cur.numerator!, `${key} ${cur.period}`).toBeGreaterThanOrEqual(prev.numerator!);
          expect(cur.denominator!, `${key} ${cur.period}`).toBeGreaterThanOrEqual(prev.denominator!);
        }
      }
    }
  });

  it('declares the rows the spec requires: 累计完成 for cumulative and level, 分子 ≤ 分母 > 0 for rates', () => {
    const kind = new Map(seeds.indicators.map((i) => [i.code, i.kind]));
    for (const r of declared) {
      if (kind.get(r.indicator) === 'rate') {
        expect(r.denominator!, `${r.unit} ${r.period} ${r.indicator}`).toBeGreaterThan(0);
        expect(r.numerator!).toBeLessThanOrEqual(r.denominator!);
        expect(r.numerator!).toBeGreaterThanOrEqual(0);
      } else expect(r.value, `${r.unit} ${r.period} ${r.indicator}`).not.toBeNull();
    }
  });

  it('takes coastline figures from the coastal units only, and from all of them', () => {
    const coastal = new Set(seeds.units.filter((u) => u.coastal).map((u) => u.code));
    const coast = declared.filter((r) => r.indicator.includes('coastline'));
    expect(coast.length).toBeGreaterThan(0);
    for (const r of coast) expect(coastal.has(r.unit), `${r.unit} ${r.indicator}`).toBe(true);
    expect(new Set(coast.map((r) => r.unit))).toEqual(coastal);
  });

  it('has the city end the year near its summary targets, with units on both sides of theirs', () => {
    const q4 = declared.filter((r) => r.period === '2023Q4');
    const kind = new Map(seeds.indicators.map((i) => [i.code, i.kind]));
    for (const code of ['new_farmland', 'greening_area', 'inefficient_land_redevelopment', 'new_construction_quota']) {
      expect(kind.get(code)).toBe('cumulative');
      const targets = seeds.targets.get(code)!;
      const rows = q4.filter((r) => r.indicator === code);
      const city = rows.reduce((s, r) => s + r.value!, 0) / targets.get('330400')!;
      expect(city, code).toBeGreaterThan(0.9);
      expect(city, code).toBeLessThan(1.15);
      const ratios = rows.map((r) => r.value! / targets.get(r.unit)!);
      expect(Math.min(...ratios), code).toBeLessThan(1);
      expect(Math.max(...ratios), code).toBeGreaterThan(1);
    }
  });
});

describe('nrp sample: the divisions\' reports', () => {
  const divisionFiles = () => manifest.files.filter((f) => f.submitter === 'division');

  it('has every division for every quarter but the silent one, a correction and a broken draft', () => {
    const accepted = divisionFiles().filter((f) => f.expect === 'accepted');
    const pairs = new Set(accepted.map((f) => `${f.unit_code} ${f.period}`));
    expect(pairs.size).toBe(4 * 16 - 1);
    const silent = manifest.late_divisions[0];
    expect(pairs.has(`${silent.code} ${silent.period}`)).toBe(false);
    const corrected = divisionFiles().filter((f) => f.supersedes);
    expect(corrected).toHaveLength(1);
    expect(corrected[0].path > corrected[0].supersedes!).toBe(true);
    const broken = divisionFiles().filter((f) => f.expect === 'rejected');
    expect(broken).toHaveLength(1);
    expect(broken[0].note).toMatch(/重点工作进展!E\d+.*重点工作进展!D\d+/);
    expect(manifest.key_tasks.lagging.length).toBeGreaterThan(1);
  });

  it('uses every form the contract allows: CSV UTF-8 and GBK, workbooks with and without 填报信息, aliases, codes, Chinese dates, 完成, 进行中, 85%', async () => {
    const files = divisionFiles();
    expect(new Set(files.map((f) => `${f.format} ${f.encoding ?? ''}`))).toEqual(new Set(['csv utf-8', 'csv gbk', 'xlsx ']));
    expect(files.some((f) => f.path.endsWith('_重点工作进展.xlsx'))).toBe(true);
    expect(files.some((f) => f.format === 'xlsx' && !f.path.endsWith('_重点工作进展.xlsx'))).toBe(true);
    const fileUnits = new Set(files.map((f) => f.path.split('/')[1].split('_')[0]));
    expect(fileUnits.has('规划处')).toBe(true); // an alias
    expect(fileUnits.has('D09')).toBe(true); // a code
    const texts: string[] = [];
    for (const f of files.filter((x) => x.expect === 'accepted')) {
      const bytes = readFileSync(join(first, ...f.path.split('/')));
      if (f.format === 'csv') texts.push(...parseCsv(f.encoding === 'gbk' ? require('iconv-lite').decode(bytes, 'gbk') : bytes.toString('utf8')).flat());
      else {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        expect(wb.getWorksheet('重点工作进展'), f.path).toBeDefined();
        expect(wb.getWorksheet('填报信息') === undefined, f.path).toBe(f.path.endsWith('_重点工作进展.xlsx'));
        wb.getWorksheet('重点工作进展')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      }
    }
    for (const word of ['已完成', '完成', '已办结', '推进中', '进行中', '正在推进', '未启动', '未开始']) expect(texts, word).toContain(word);
    expect(texts.some((t) => /^\d+%$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t))).toBe(true);
    expect(texts.some((t) => /^[０-９]+$/.test(t))).toBe(true);
  });
});

describe('the writers for big tables', () => {
  it('streams workbooks and switches to UTF-8 CSV above the row limit, deterministically and with the same figures', async () => {
    // Limits lowered so that scale 1 takes the paths that --scale takes for benchmarks.
    const options = { seed: DEFAULT_SEED, scale: 1, seedsDir: SEEDS_DIR, streamAbove: 0, workbookRowLimit: 380 };
    const a = await generateSample({ ...options, outDir: join(root, 'big-a') });
    const b = await generateSample({ ...options, outDir: join(root, 'big-b') });
    expect(b).toEqual(a);
    for (const f of a.files) {
      const bytes = readFileSync(join(root, 'big-a', ...f.path.split('/')));
      expect(bytes.equals(readFileSync(join(root, 'big-b', ...f.path.split('/')))), f.path).toBe(true);
      if (f.format === 'xlsx') expect(new Set(zipEntryTimes(bytes)).size, f.path).toBe(1);
      if (f.encoding === 'utf-8') expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    }
    const big = a.files.filter((f) => f.encoding === 'utf-8' && f.submitter === 'unit');
    expect(big.length).toBeGreaterThan(0);
    for (const f of big) expect(f.path).toMatch(/_(指标进度|供地台账|卫片图斑)\.csv$/);
    expect(a.files.some((f) => f.format === 'xlsx' && f.expect === 'accepted')).toBe(true);
    const names = new Map(seeds.indicators.map((i) => [i.name, i.code]));
    const key = (rows: DeclaredRow[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(key(await readDeclared(join(root, 'big-a'), a, names))).toEqual(key(declared));
  }, 300_000);
});

/**
 * Re-exporting periods, and how an export lands: other periods untouched, the commit record rolled
 * forward after a crash, readers that refuse a half-committed or altered lake, one export at a time.
 * Small hand-built warehouses (rows as ingest leaves them: test/models/warehouse.ts) keep it quick.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest, type Manifest } from '../../pipelines/lake';
import { recoverLake, tempBeside } from '../../pipelines/lake/commit';
import { projectPath } from '../../pipelines/paths';
import { openForWrite } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { build, submitLedger, submitSummary } from '../models/warehouse';
import { differingRows, withBoth } from './compare';

const root = tempDir('nrp-lake-periods-');
const warehouse = join(root, 'warehouse.duckdb');

async function submitQuarter(period: string, farmland: number): Promise<void> {
  const wh = await openForWrite(warehouse);
  try {
    await submitSummary(wh, '330481', period, [{ code: 'new_farmland', value: farmland }, { code: 'idle_land_disposal', numerator: 9, denominator: 10 }]);
    await submitLedger(wh, '330402', period, [
      { id: `G-${period}`, area: 12.34, supplied: '2023-01-10', agreedStart: '2023-02-01', agreedCompletion: '2025-01-01', price: 99.5 },
    ]);
    await build(wh);
  } finally {
    wh.close();
  }
}

beforeAll(async () => {
  for (const [i, p] of ['2023Q1', '2023Q2', '2023Q3'].entries()) await submitQuarter(p, 100 * (i + 1));
}, 120_000);

/** path → [inode, mtime, sha] of every file under the lake. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.set(relative(dir, p).split('\\').join('/'), `${s.ino}:${s.mtimeMs}:${readFileSync(p).toString('base64')}`);
      }
    }
  };
  walk(dir);
  return out;
}

describe('nrp export --lake --period', () => {
  it('replaces that period\'s partitions only; a build over the lake still equals the warehouse\'s', async () => {
    const lake = join(root, 'lake-partial');
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    const before = snapshot(lake);
    const rowsBefore = readManifest(lake).relations.find((r) => r.name === 'raw_indicator_progress')!.rows;
    // 海宁市 resubmits 2023Q2; the warehouse is rebuilt.
    const wh = await openForWrite(warehouse);
    try {
      await submitSummary(wh, '330481', '2023Q2', [{ code: 'new_farmland', value: 250 }]);
      await build(wh);
    } finally {
      wh.close();
    }
    const partial = await nrp(['export', '--lake', lake, '--period', '2023Q2', '--db', warehouse]);
    expect(partial.code, partial.stderr).toBe(0);
    const after = snapshot(lake);
    for (const [path, state] of before) {
      if (/period=2023Q[13]\//.test(path)) expect(after.get(path), path).toBe(state); // same inode, time, bytes
    }
    const changed = [...after].filter(([p, s]) => before.get(p) !== s).map(([p]) => p);
    expect(changed.filter((p) => p.includes('period=')).every((p) => p.includes('period=2023Q2/'))).toBe(true);
    expect(changed).toEqual(expect.arrayContaining([
      'raw_indicator_progress/year=2023/period=2023Q2/data.parquet', 'submissions/year=2023/period=2023Q2/data.parquet',
      'mart_indicator_progress/year=2023/period=2023Q2/data.parquet', '_manifest.json',
    ]));
    expect(readManifest(lake).relations.find((r) => r.name === 'raw_indicator_progress')!.rows).toBe(rowsBefore + 1);
    const fromLake = join(root, 'partial-build.duckdb');
    expect((await nrp(['build', '--from-lake', lake, '--db', fromLake])).code).toBe(0);
    await withBoth(warehouse, fromLake, async (both) => {
      expect(await differingRows(both, 'mart_indicator_progress')).toEqual({ onlyA: 0, onlyB: 0 });
    });
  });

  it('takes a year for its quarters, and refuses to mix schemas with the lake\'s other periods', async () => {
    const lake = join(root, 'lake-year');
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    const year = await nrp(['export', '--lake', lake, '--period', '2023', '--db', warehouse, '--json']);
    expect(year.code, year.stderr).toBe(0);
    expect(JSON.parse(year.stdout).periods).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    const manifest = JSON.parse(readFileSync(join(lake, '_manifest.json'), 'utf8')) as Manifest;
    writeFileSync(join(lake, '_manifest.json'), JSON.stringify({ ...manifest, schema_version: manifest.schema_version - 10 }));
    const refused = await nrp(['export', '--lake', lake, '--period', '2023Q2', '--db', warehouse]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/schema version/);
    expect((await nrp(['export', '--lake', lake, '--period', 'Q9', '--db', warehouse])).code).toBe(2);
  });
});

describe('how an export lands', () => {
  it('a commit record left by a crash is refused by readers and rolled forward by the next export', async () => {
    const lake = join(root, 'lake-crash');
    const next = join(root, 'lake-next');
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    await submitQuarter('2023Q3', 999);
    expect((await nrp(['export', '--lake', next, '--db', warehouse])).code).toBe(0);
    // The state a crash leaves after step 2: every new file complete beside its place, the record
    // written, half of the renames done.
    const target = readManifest(next);
    const old = readManifest(lake);
    const oldBytes = new Map(old.relations.flatMap((r) => r.files).map((f) => [f.path, f.sha256]));
    const renames = target.relations.flatMap((r) => r.files).filter((f) => oldBytes.get(f.path) !== f.sha256).map((f) => {
      const temp = tempBeside(join(lake, f.path));
      cpSync(join(next, f.path), temp);
      return { from: relative(lake, temp).split('\\').join('/'), to: f.path };
    });
    expect(renames.length).toBeGreaterThan(3);
    writeFileSync(join(lake, '_commit.json'), JSON.stringify({ manifest: target, renames, removes: [] }));
    for (const r of renames.slice(0, Math.floor(renames.length / 2))) renameSync(join(lake, r.from), join(lake, r.to));
    const refused = await nrp(['query', '--lake', lake, 'select 1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/_commit\.json/);
    recoverLake(lake);
    expect(existsSync(join(lake, '_commit.json'))).toBe(false);
    for (const f of target.relations.flatMap((r) => r.files)) {
      expect(readFileSync(join(lake, f.path)).equals(readFileSync(join(next, f.path))), f.path).toBe(true);
    }
    expect(readFileSync(join(lake, '_manifest.json'), 'utf8')).toBe(readFileSync(join(next, '_manifest.json'), 'utf8'));
  });

  it('an export killed at any moment leaves the old lake, or one the next export finishes, never a mix', async () => {
    const reference = join(root, 'lake-reference');
    expect((await nrp(['export', '--lake', reference, '--db', warehouse])).code).toBe(0);
    const lake = join(root, 'lake-killed');
    const cli = projectPath('dist/pipelines/cli.js');
    for (let i = 0; i < 6; i++) {
      const child = spawn(process.execPath, [cli, 'export', '--lake', lake, '--db', warehouse], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 150 + i * 250))]);
      child.kill('SIGKILL');
      await exited;
      // Whatever the moment: readers see a whole lake, or are told an export must be finished.
      const read = await nrp(['query', '--lake', lake, 'select count(*) from submissions']);
      if (read.code !== 0) expect(read.stderr).toMatch(/_commit\.json|not a lake/);
      else for (const f of readManifest(lake).relations.flatMap((r) => r.files)) {
        expect(createHash('sha256').update(readFileSync(join(lake, f.path))).digest('hex'), f.path).toBe(f.sha256);
      }
    }
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    const files = (dir: string) => [...snapshot(dir).keys()].sort();
    expect(files(lake)).toEqual(files(reference));
    for (const f of files(reference)) expect(readFileSync(join(lake, f)).equals(readFileSync(join(reference, f))), f).toBe(true);
  });

  it('readers refuse a file that is not the one the manifest names, and a folder that is no lake', async () => {
    const lake = join(root, 'lake-altered');
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    const file = readManifest(lake).relations.find((r) => r.name === 'raw_land_supply')!.files[0];
    truncateSync(join(lake, file.path), file.bytes - 10);
    const altered = await nrp(['query', '--lake', lake, 'select 1']);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toContain(file.path);
    const none = await nrp(['query', '--lake', dirname(lake), 'select 1']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/not a lake/);
  });

  it('one export at a time: a live writer\'s lock is respected, a dead one\'s taken over', async () => {
    const lake = join(root, 'lake-locked');
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    writeFileSync(join(lake, '.nrp-export.lock'), String(process.pid));
    const locked = await nrp(['export', '--lake', lake, '--db', warehouse]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(`PID ${process.pid}`);
    writeFileSync(join(lake, '.nrp-export.lock'), '2147483646');
    expect((await nrp(['export', '--lake', lake, '--db', warehouse])).code).toBe(0);
    expect(existsSync(join(lake, '.nrp-export.lock'))).toBe(false);
  });
});

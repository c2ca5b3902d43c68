import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../pipelines/paths';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';

const dir = tempDir();

/** Starts a process that holds the write lock, resolves once it holds it. */
function holdLock(db: string, ms: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'lock-holder.js'), db, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(child));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', () => resolve())));
}

describe('one writer at a time', () => {
  it('a second nrp waits a bounded time, then names the process that holds the warehouse', async () => {
    const db = join(dir, 'held.duckdb');
    expect(nrpProcess(['query', '--db', db, 'select 1']).code).toBe(0); // create it
    const holder = await holdLock(db, 8000);
    try {
      const started = Date.now();
      const r = nrpProcess(['query', '--db', db, 'select 1'], { env: { NRP_LOCK_TIMEOUT: '1' } });
      const waited = Date.now() - started;
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`PID ${holder.pid}`);
      expect(r.stderr).toContain('另一进程');
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(waited).toBeGreaterThanOrEqual(900);
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
    // the holder was killed while holding the lock: the warehouse still opens and is intact
    const after = nrpProcess(['query', '--db', db, '--format', 'json', 'select count(*) as n from indicators']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([{ n: 37 }]);
  });

  it('a second nrp that waits long enough gets in once the writer is done', async () => {
    const db = join(dir, 'released.duckdb');
    expect(nrpProcess(['query', '--db', db, 'select 1']).code).toBe(0);
    const holder = await holdLock(db, 1500);
    try {
      const r = nrpProcess(['query', '--db', db, '--format', 'json', 'select count(*) as n from held'], { env: { NRP_LOCK_TIMEOUT: '30' } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([{ n: 0 }]);
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
  });
});

describe('two writers at once', () => {
  it('two nrp ingest started together both finish: the second waits for the first, nothing is lost', async () => {
    const db = join(dir, 'two-writers.duckdb');
    const inbox = join(dir, 'two');
    mkdirSync(inbox, { recursive: true });
    const units = ['南湖区', '秀洲区'];
    for (const unit of units) {
      const rows = ['图斑编号,监测批次,新增建设占用耕地面积（亩）,违法占用耕地面积（亩）,判定类型'];
      for (let i = 0; i < 20000; i++) rows.push(`${unit}-${i},2023Q1,1.5,0,合法`);
      writeFileSync(join(inbox, `${unit}_2023Q1_卫片图斑.csv`), rows.join('\n') + '\n');
    }
    expect(nrpProcess(['query', '--db', db, 'select 1']).code).toBe(0);
    const start = (unit: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [projectPath('dist/pipelines/cli.js'), 'ingest', '--db', db, join(inbox, `${unit}_2023Q1_卫片图斑.csv`)], {
          stdio: 'ignore', env: { ...process.env, CI: 'true', NRP_LOCK_TIMEOUT: '60' },
        });
        child.on('exit', (code) => resolve(code));
      });
    const codes = await Promise.all(units.map(start));
    expect(codes).toEqual([0, 0]);
    const r = nrpProcess(['query', '--db', db, '--format', 'json', 'select count(*) as snapshots, sum(row_count) as rows, (select count(*) from raw_patches) as raw from submissions']);
    expect(JSON.parse(r.stdout)).toEqual([{ snapshots: 2, rows: 40000, raw: 40000 }]);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
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

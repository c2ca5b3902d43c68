import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrp, tempDir } from '../helpers';

const dir = tempDir();
const db = join(dir, 'w.duckdb');

/** A 64 KiB file system, so that "the disk is full" really happens. Needs root (CI runs as root). */
function tinyFileSystem(): string | undefined {
  const mountPoint = join(dir, 'tiny');
  mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return mountPoint;
}

describe('safe output', () => {
  it('an output path that cannot be a folder gives a clear error and no file', async () => {
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    const r = await nrp(['query', '--db', db, '--format', 'csv', '--out', join(notAFolder, 'out.csv'), 'select 1 as x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).toContain('cannot write');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  // Mounting needs root (CI runs as root); elsewhere the case above still covers the error path.
  const tiny = tinyFileSystem();
  it.skipIf(tiny === undefined)('a full disk gives a clear error and leaves no half-written file (needs root to mount a 64 KiB tmpfs)', async () => {
    if (tiny === undefined) throw new Error('unreachable: skipped without a tiny file system');
    try {
      const out = join(tiny, 'big.csv');
      const r = await nrp(['query', '--db', db, '--format', 'csv', '--out', out, "select repeat('嘉兴', 50) as t from range(10000)"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('磁盘已满');
      expect(r.stderr).toContain('the disk is full');
      expect(readdirSync(tiny)).toEqual([]);
      const parquet = await nrp(['query', '--db', db, '--format', 'parquet', '--out', join(tiny, 'big.parquet'), 'select random() as r, range as i from range(1000000)']);
      expect(parquet.code).toBe(1);
      expect(readdirSync(tiny)).toEqual([]);
    } finally {
      execFileSync('umount', [tiny], { stdio: 'ignore' });
    }
  });
});

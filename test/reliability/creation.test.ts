import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';

const dir = tempDir('nrp-creation-');

/** The pid of a process that has ended: its temp files are leftovers of a kill. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('a new warehouse appears whole', () => {
  it('is created in a temporary file and linked into place: no temporary file is left', () => {
    const db = join(dir, 'new.duckdb');
    expect(nrpProcess(['query', '--db', db, 'select count(*) from units']).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}.wal`)).toBe(false); // checkpointed before it was put in place
  });

  it("a killed creation's or write's temporary files are removed by the next writing command, even once the warehouse exists; a running one's are not", () => {
    const db = join(dir, 'w.duckdb');
    expect(nrpProcess(['query', '--db', db, 'select 1']).code).toBe(0);
    const dead = deadPid();
    const abandoned = [`${db}.creating-${dead}`, `${db}.creating-${dead}.wal`, `${db}.writing-${dead}`, `${db}.writing-${dead}.wal`];
    const running = [`${db}.creating-${process.pid}`, `${db}.writing-${process.pid}`];
    const others = [`${db}2.writing-${dead}`, `${db}.wal.unreplayable-1`];
    for (const f of [...abandoned, ...running, ...others]) writeFileSync(f, 'left by a creation or a write');
    expect(nrpProcess(['build', '--db', db]).code).toBe(0);
    for (const f of abandoned) expect(existsSync(f), f).toBe(false);
    for (const f of [...running, ...others]) expect(existsSync(f), f).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';
import { writeInbox } from './crash-kit';

const dir = tempDir('nrp-recover-');

function submissions(db: string): { unit_code: string; period: string; table_name: string }[] {
  const r = nrpProcess(['query', '--db', db, '--format', 'json', 'select unit_code, period, table_name from submissions order by all']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('a warehouse whose write-ahead log cannot be replayed', () => {
  const inbox = join(dir, 'inbox');
  const db = join(dir, 'w.duckdb');

  it('is reported in plain words with what to do, and nothing is touched', () => {
    writeInbox(join(inbox, 'q1'), '2023Q1', 50);
    writeInbox(join(inbox, 'q2'), '2023Q2', 50);
    expect(nrpProcess(['ingest', '--db', db, join(inbox, 'q1')]).code).toBe(0);
    // Q2 is committed only to the log, after a schema change the log cannot replay; then a kill.
    const poison = spawnSync(process.execPath, [join(__dirname, 'poison-wal.js'), db, join(inbox, 'q2')], { encoding: 'utf8' });
    expect(poison.stdout).toContain('accepted 18');
    expect(poison.signal).toBe('SIGKILL');
    expect(existsSync(`${db}.wal`)).toBe(true);
    const before = readdirSync(dir).sort();

    const r = nrpProcess(['query', '--db', db, 'select 1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法回放');
    expect(r.stderr).toContain('cannot replay its write-ahead log');
    expect(r.stderr).toContain(`nrp recover --db ${db}`);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('nrp recover sets the log aside (kept), reloads the inbox and rebuilds: nothing committed is lost', () => {
    const r = nrpProcess(['recover', '--db', db, '--inbox', inbox]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${basename(db)}.wal.unreplayable-1`);
    expect(existsSync(`${db}.wal.unreplayable-1`)).toBe(true);
    const loaded = submissions(db);
    expect(loaded.filter((s) => s.period === '2023Q1')).toHaveLength(18);
    expect(loaded.filter((s) => s.period === '2023Q2')).toHaveLength(18);
    const marts = nrpProcess(['query', '--db', db, '--format', 'json', "select count(distinct period) as n from mart_indicator_progress where status <> 'missing'"]);
    expect(JSON.parse(marts.stdout)).toEqual([{ n: 2 }]);
    // A warehouse that opens is left alone.
    const again = nrpProcess(['recover', '--db', db, '--inbox', inbox]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('无需恢复');
    expect(existsSync(`${db}.wal.unreplayable-2`)).toBe(false);
  });

  it('a file that is not a warehouse at all: told to restore it or rebuild; --rebuild keeps it aside', () => {
    const broken = join(dir, 'broken.duckdb');
    cpSync(join(__dirname, 'poison-wal.js'), broken);
    const r = nrpProcess(['query', '--db', broken, 'select 1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--rebuild');
    const refused = nrpProcess(['recover', '--db', broken, '--inbox', inbox]);
    expect(refused.code).toBe(1);
    expect(existsSync(broken)).toBe(true);
    const rebuilt = nrpProcess(['recover', '--db', broken, '--inbox', inbox, '--rebuild']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(existsSync(`${broken}.broken-1`)).toBe(true);
    expect(submissions(broken)).toHaveLength(36);
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';

/**
 * The compiled-code cache (pipelines/code-cache.ts) changes how fast the CLI starts, never what
 * it does: the compiled CLI runs the same with no cache, with the cache it wrote, and with a
 * cache that is garbage (V8 rejects it, and it is written anew).
 */
describe('the code cache', () => {
  const dir = tempDir('nrp-code-cache-');
  const cache = join(dir, 'cache');
  const run = () => nrpProcess(['query', '--db', join(dir, 'w.duckdb'), '--format', 'csv', "select 40000 as mu, '嘉兴' as city"], { env: { NRP_CODE_CACHE_DIR: cache } });

  it('is written by a first run, used by the next, and rewritten when corrupt, with the same output every time', () => {
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('40000,嘉兴');
    const files = readdirSync(cache).filter((f) => f.endsWith('.v8'));
    expect(files.length).toBeGreaterThan(0); // @duckdb/node-api's modules at least

    const second = run();
    expect(second).toEqual(first);

    const victim = join(cache, files[0]);
    const before = readFileSync(victim);
    writeFileSync(victim, Buffer.from('not a V8 code cache'));
    const third = run();
    expect(third).toEqual(first);
    const after = readFileSync(victim);
    expect(after.length).toBeGreaterThan(100);
    expect(after.equals(Buffer.from('not a V8 code cache'))).toBe(false);
    expect(before.length).toBeGreaterThan(100);
  });
});

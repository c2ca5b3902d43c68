import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';

/**
 * The compiled-code cache of vega's builds (pipelines/code-cache.ts) changes how fast charts
 * start, never what they are: the compiled CLI writes the same chart with no cache, with the
 * cache it wrote, with a cache that is garbage (V8 rejects it, and it is written anew), and with
 * the cache turned off.
 */
describe('the code cache', () => {
  const dir = tempDir('nrp-code-cache-');
  const cache = join(dir, 'cache');
  let db = '';
  beforeAll(async () => {
    db = await sampleWarehouse();
  });
  const chart = (env: Record<string, string> = {}) => {
    const r = nrpProcess(['charts', '--db', db, '--period', '2023Q2', '--only', 'rank-land_supply', '--out', join(dir, 'out')], { env: { NRP_CODE_CACHE_DIR: cache, ...env } });
    return { code: r.code, svg: readFileSync(join(dir, 'out', 'rank-land_supply.svg'), 'utf8') };
  };

  it('is written by a first run, used by the next, rewritten when corrupt, and can be turned off, with the same chart every time', () => {
    const first = chart();
    expect(first.code).toBe(0);
    const files = readdirSync(cache).filter((f) => f.endsWith('.v8'));
    expect(files).toHaveLength(2); // vega.js and vega-lite.min.js

    expect(chart()).toEqual(first);

    const victim = join(cache, files[0]);
    writeFileSync(victim, Buffer.from('not a V8 code cache'));
    expect(chart()).toEqual(first);
    expect(readFileSync(victim).length).toBeGreaterThan(100_000);

    expect(chart({ NRP_CODE_CACHE: '0', NRP_CODE_CACHE_DIR: join(dir, 'off') })).toEqual(first);
    expect(() => readdirSync(join(dir, 'off'))).toThrow();
  });
});

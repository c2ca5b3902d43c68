import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openForWrite, Warehouse } from '../pipelines/warehouse';

/** What bench/crash.bench.ts keeps of a failure, and what the working copy costs. */

/**
 * Where a failing kill's warehouse (file, log, leftovers) and its whole error text are kept for
 * inspection (NRP_CRASH_KEEP): the campaign's own folder is removed at the end. Made on the first failure.
 */
export const KEEP = process.env.NRP_CRASH_KEEP ?? join(tmpdir(), `nrp-crash-kept-${new Date().toISOString().replace(/[:.]/g, '-')}`);

/**
 * Copies the warehouse at `db` and every file beside it that belongs to it (its .wal, a
 * creation's or a write's temporary files) into KEEP under `name`, with `text` (the whole error) beside them.
 */
export function keepAside(db: string, name: string, text: string): string {
  const to = join(KEEP, name);
  mkdirSync(to, { recursive: true });
  if (existsSync(dirname(db))) {
    for (const f of readdirSync(dirname(db))) if (f === basename(db) || f.startsWith(`${basename(db)}.`)) copyFileSync(join(dirname(db), f), join(to, f));
  }
  writeFileSync(join(to, 'error.txt'), text + '\n');
  return to;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * What the working copy costs a writing command (pipelines/warehouse/shadow.ts): opening `db` for
 * writing and closing it with nothing written, through openForWrite (copy, fsync, rename) and in
 * place, medians of 7.
 */
export async function copyCost(db: string): Promise<string> {
  const times = { copy: [] as number[], inPlace: [] as number[] };
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    (await openForWrite(db)).close();
    times.copy.push(performance.now() - t);
    t = performance.now();
    (await Warehouse.open(db, { readOnly: false })).close();
    times.inPlace.push(performance.now() - t);
  }
  const mb = statSync(db).size / 1e6;
  return `${median(times.copy).toFixed(0)} ms through the working copy against ${median(times.inPlace).toFixed(0)} ms in place for a ${mb.toFixed(1)} MB warehouse`;
}

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../pipelines/fsutil';
import { buildWarehouse } from '../pipelines/models';
import { projectPath } from '../pipelines/paths';
import { DEFAULT_SEED, generateSample } from '../pipelines/sample';
import { seedsDir, withReadWarehouse, withWriteWarehouse, type Warehouse } from '../pipelines/warehouse';
import type { ProgressRow } from '../reports/mart';

/**
 * The warehouse the report and chart tests read: the sample year (`nrp sample`, the default
 * seed, as `npm start` makes it) through the real ingest and the real build. Nothing in it is
 * written by hand, so the tests check the outputs against what the models compute.
 *
 * It takes a few seconds to make, so it is made once and shared by the test files: kept in the
 * temp folder under a hash of everything the build reads (sql/, seeds/, pipelines/), and made by
 * whichever test file asks first while the others wait on a lock.
 */
const SAMPLE_SEED = DEFAULT_SEED;

function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(sql|csv|ts)$/.test(name)) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ['sql', 'seeds', 'pipelines']) walk(projectPath(dir));
  return hash.update(String(SAMPLE_SEED)).digest('hex').slice(0, 16);
}

async function make(dir: string): Promise<void> {
  const inbox = join(dir, 'inbox');
  await generateSample({ outDir: inbox, seed: SAMPLE_SEED, scale: 1, seedsDir: seedsDir() });
  const { ingestFiles } = await import('../pipelines/ingest');
  await withWriteWarehouse(join(dir, 'warehouse.duckdb'), async (wh) => {
    await ingestFiles(wh, [inbox], {});
    await buildWarehouse(wh);
  });
  writeFileSync(join(dir, 'ready'), '');
}

let made: Promise<string> | undefined;

/** The shared sample warehouse (open it read-only; copy it with `sampleWarehouseCopy` to write). */
export function sampleWarehouse(): Promise<string> {
  made ??= (async () => {
    const dir = join(tmpdir(), `nrp-test-sample-${sourcesHash()}`);
    const lock = `${dir}.lock`;
    const deadline = Date.now() + 10 * 60_000;
    while (!existsSync(join(dir, 'ready'))) {
      try {
        mkdirSync(lock);
      } catch {
        const owner = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
        if (owner && !processAlive(owner)) rmSync(lock, { recursive: true, force: true });
        if (Date.now() > deadline) throw new Error(`the sample warehouse in ${dir} did not get ready`);
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      try {
        writeFileSync(join(lock, 'pid'), String(process.pid));
        rmSync(dir, { recursive: true, force: true });
        await make(dir);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    return join(dir, 'warehouse.duckdb');
  })();
  return made;
}

/** A private copy of the sample warehouse in `dir`, for tests that write (issue, resubmit). */
export async function sampleWarehouseCopy(dir: string, name = 'warehouse.duckdb'): Promise<string> {
  const target = join(dir, name);
  copyFileSync(await sampleWarehouse(), target);
  return target;
}

/**
 * A private copy of the sample warehouse as if no division had sent its 重点工作进展 (every
 * milestone 未报送), built: for the tests that write a key-task scenario of their own, so that
 * the sample's division reports do not mix with it. The units' submissions are untouched.
 */
export async function sampleWithoutDivisionReports(dir: string, name = 'warehouse.duckdb'): Promise<string> {
  const target = await sampleWarehouseCopy(dir, name);
  await withWriteWarehouse(target, async (wh) => {
    await wh.run("delete from raw_key_task_progress where submission_id in (select submission_id from submissions where table_name = '重点工作进展')");
    await wh.run("delete from submissions where table_name = '重点工作进展'");
    await buildWarehouse(wh);
  });
  return target;
}

/** The sample's inbox (the files ingest read), to take a unit's file from. */
export async function sampleInbox(): Promise<string> {
  return join(await sampleWarehouse(), '..', 'inbox');
}

/** Runs `work` on the shared sample warehouse, read-only. */
export async function readSample<T>(work: (wh: Warehouse) => Promise<T>): Promise<T> {
  return withReadWarehouse(await sampleWarehouse(), work);
}

/** mart_indicator_progress of the sample year, in the mart's order. */
export async function sampleRows(): Promise<ProgressRow[]> {
  return readSample((wh) =>
    wh.all<ProgressRow>(
      `select * exclude (period_end), cast(period_end as varchar) as period_end from mart_indicator_progress
        order by period, unit_order, indicator_order`,
    ),
  );
}

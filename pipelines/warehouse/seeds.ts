import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, duckdbMessage } from '../errors';
import { warehouseMessages } from '../messages';
import { SEEDS_DIR, SQL_DIR } from '../paths';
import type { Warehouse } from './connection';

/** The seed tables, in load order. Each has `seeds/<name>.csv` and `sql/seeds/<name>.sql`. */
export const SEED_TABLES = ['indicators', 'units', 'targets', 'main_targets', 'divisions', 'key_tasks', 'key_task_milestones', 'key_task_statuses'] as const;

/** `NRP_SEEDS` points at another folder of seed CSVs (e.g. next year's plan); default `seeds/`. */
export function seedsDir(env: Record<string, string | undefined> = process.env): string {
  return env.NRP_SEEDS ? resolve(env.NRP_SEEDS) : SEEDS_DIR;
}

function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** (Re)loads every seed table from its CSV. The caller decides the transaction. */
export async function loadSeeds(wh: Warehouse, dir: string = seedsDir()): Promise<void> {
  for (const name of SEED_TABLES) {
    const csv = join(dir, `${name}.csv`);
    if (!existsSync(csv)) throw new CliError(warehouseMessages.seedInvalid(csv, 'file not found'));
    const sql = readFileSync(join(SQL_DIR, 'seeds', `${name}.sql`), 'utf8').replaceAll('{{seeds_dir}}', sqlLiteral(dir));
    try {
      await wh.run(sql);
    } catch (error) {
      throw new CliError(warehouseMessages.seedInvalid(csv, duckdbMessage(error)), { cause: error });
    }
  }
}

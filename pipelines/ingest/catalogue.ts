import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_DIR } from '../paths';
import type { Warehouse } from '../warehouse';

/**
 * The key-task catalogue with each task's lead division, as the temp view kt_catalogue: the model
 * int_key_task_milestones itself (sql/intermediate), so that which division leads a task (by name
 * or alias, among the divisions of the same year) has one home; ingest and the template run
 * before any build, on the seeds.
 */
export async function createCatalogue(wh: Warehouse): Promise<void> {
  const model = readFileSync(join(SQL_DIR, 'intermediate', 'int_key_task_milestones.sql'), 'utf8').trim().replace(/;$/, '');
  await wh.run(`create or replace temp view kt_catalogue as ${model}`);
}

/** One milestone of the catalogue, as the division's template lists it. */
export interface CatalogueMilestone {
  task_code: string;
  milestone_no: number;
  milestone: string;
  due_date: string;
}

/** Every milestone of the tasks a division leads in a year, in catalogue order (kt_catalogue made first). */
export async function milestonesLedBy(wh: Warehouse, divisionCode: string, year: number): Promise<CatalogueMilestone[]> {
  return wh.all<CatalogueMilestone>(
    `select task_code, milestone_no, milestone, strftime(due_date, '%Y-%m-%d') as due_date from kt_catalogue
     where year = ? and lead_code = ? order by section_order, task_no, milestone_no`,
    [year, divisionCode],
  );
}

import { parsePeriod } from '../../pipelines/period';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { readBulletinConfig, readBulletinModels, type BulletinModel } from '../../reports';
import { pageQuarters } from '../../reports/html';
import { sampleWarehouse } from '../mart-warehouse';

/** The models of the year up to `period` (one scope), read in one session, as `nrp report --format html` reads them. */
export async function yearModels(period: string, unit?: string, db?: string): Promise<BulletinModel[]> {
  const p = parsePeriod(period)!;
  const requests = Array.from({ length: p.quarter }, (_, i) => ({ period: { year: p.year, quarter: (i + 1) as 1 | 2 | 3 | 4 }, unit }));
  return withReadWarehouse(db ?? (await sampleWarehouse()), (wh) => readBulletinModels(wh, readBulletinConfig(), requests));
}

/** The quarters the page of the last model carries. */
export function pageOf(models: BulletinModel[]): BulletinModel[] {
  return pageQuarters(models, models[models.length - 1]);
}

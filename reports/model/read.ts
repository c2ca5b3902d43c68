import { CliError, duckdbMessage } from '../../pipelines/errors';
import { reportMessages } from '../../pipelines/messages';
import { periodCode, type Period } from '../../pipelines/period';
import type { Warehouse } from '../../pipelines/warehouse';
import { assembleModel, type PeriodRows } from './assemble';
import { issueSettings, type BulletinConfig } from './config';
import { keyTaskRows, keyTaskStatuses, keyTaskSummaryRows, progressRows, publishedValues, scorecardRows, submissionRows } from './queries';
import type { BulletinModel } from './types';

/** One bulletin to read: a period and, for a one-unit edition, the unit's code. */
export interface ModelRequest {
  period: Period;
  unit?: string;
}

/**
 * The bulletin models asked for, read in the session `wh` (read-only is enough): each period's
 * rows are read once however many scopes ask for it. Throws a CliError for a period the marts
 * have no rows for, one the configuration has no number for, or a warehouse not built yet.
 */
export async function readBulletinModels(wh: Warehouse, config: BulletinConfig, requests: ModelRequest[], configPath = 'reports/bulletin.config.json'): Promise<BulletinModel[]> {
  const read = new Map<string, PeriodRows>();
  const models: BulletinModel[] = [];
  for (const request of requests) {
    const code = periodCode(request.period);
    if (!read.has(code)) read.set(code, await readPeriod(wh, request.period));
    const rows = read.get(code)!;
    const scopeIsCity = request.unit === undefined || rows.rows.some((r) => r.unit_code === request.unit && r.is_city);
    const settings = issueSettings(config, code, { code: request.unit ?? '', isCity: scopeIsCity });
    if (!settings) throw new CliError(reportMessages.noPeriodConfig(code, configPath));
    models.push(assembleModel(request.period, rows, scopeIsCity ? undefined : request.unit, settings));
  }
  return models;
}

/** Everything a bulletin of `period` reads, from the marts and the issue registry. */
export async function readPeriod(wh: Warehouse, period: Period): Promise<PeriodRows> {
  const code = periodCode(period);
  const year = Array.from({ length: period.quarter }, (_, i) => periodCode({ year: period.year, quarter: (i + 1) as Period['quarter'] }));
  try {
    const all = await progressRows(wh, year);
    const rows = all.filter((r) => r.period === code);
    if (rows.length === 0) throw new CliError(reportMessages.noRows(code));
    return {
      rows,
      history: all.filter((r) => r.period !== code),
      scorecard: await scorecardRows(wh, code),
      submissions: await submissionRows(wh, code),
      published: await publishedValues(wh, code),
      keyTasks: await keyTaskRows(wh, code),
      keyTaskSummary: await keyTaskSummaryRows(wh, code),
      keyTaskStatuses: await keyTaskStatuses(wh),
    };
  } catch (error) {
    if (error instanceof CliError) throw error;
    const detail = duckdbMessage(error);
    if (/does not exist|not found/i.test(detail)) throw new CliError(reportMessages.noMart(detail), { cause: error });
    throw new CliError(detail, { cause: error });
  }
}

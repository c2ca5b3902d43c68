import { resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { reportMessages, xlsxMessages } from '../messages';
import { parsePeriod } from '../period';
import { progress } from '../progress';
import { feedbackRequests, writeFeedbackWorkbooks } from '../run/feedback';
import { resolveDbPath, withReadWarehouse } from '../warehouse';
import { unitArg } from './submissions';

/**
 * `nrp feedback`: each reporting unit's feedback workbook for the period (or one unit's), from
 * the same bulletin model as the PDF, read in one read-only session.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('feedback', argv, {
    ...dbOption,
    period: { type: 'string', short: 'p' },
    unit: { type: 'string', short: 'u' },
    out: { type: 'string', short: 'o' },
    config: { type: 'string' },
  });
  if (help) {
    io.stdout(xlsxMessages.feedbackHelp + '\n');
    return EXIT.ok;
  }
  if (!values.period) throw CliError.usage(xlsxMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(reportMessages.badPeriod(values.period));
  const reports = await import('../../reports/model');
  const configPath = values.config ? resolve(io.cwd, values.config) : reports.DEFAULT_CONFIG_PATH;
  const config = readConfig(configPath, reports.readBulletinConfig);
  const steps = progress(io);

  steps.stage(xlsxMessages.loading);
  const models = await withReadWarehouse(resolveDbPath(values.db, io), async (wh) => {
    // A unit given is resolved as ingest resolves it; an aggregate (全市) is refused there: it has no feedback.
    if (values.unit !== undefined) return reports.readBulletinModels(wh, config, [{ period, unit: await unitArg(wh, values.unit) }], configPath);
    const city = await reports.readBulletinModels(wh, config, [{ period }], configPath);
    return reports.readBulletinModels(wh, config, feedbackRequests(city), configPath);
  });
  steps.done();

  steps.stage(xlsxMessages.writing);
  const dir = resolve(io.cwd, values.out ?? '.');
  const files = await writeFeedbackWorkbooks(models, dir, io);
  steps.done();
  io.stderr(xlsxMessages.wroteMany(files.length, dir) + '\n');
  return EXIT.ok;
}

function readConfig<T>(path: string, read: (path: string) => T): T {
  try {
    return read(path);
  } catch (error) {
    throw new CliError(reportMessages.badConfig(path, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

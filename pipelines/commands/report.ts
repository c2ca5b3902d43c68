import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../fsutil';
import type { Io } from '../io';
import { reportMessages } from '../messages';
import { parsePeriod } from '../period';
import { progress } from '../progress';
import { resolveDbPath, withReadWarehouse, withWriteWarehouse } from '../warehouse';
import { DEFAULT_REPORT_FORMATS, modelRequests, parseFormats, REPORT_FORMATS } from '../run/formats';
import { unitArg } from './submissions';

/**
 * `nrp report`: reads the bulletin model of the period (and unit), and for the HTML the year's
 * earlier quarters, in one session; renders each format asked for and writes it; `--issue` records it.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('report', argv, {
    ...dbOption,
    period: { type: 'string', short: 'p' },
    unit: { type: 'string', short: 'u' },
    out: { type: 'string', short: 'o' },
    issue: { type: 'boolean' },
    config: { type: 'string' },
    format: { type: 'string', short: 'f' },
  });
  if (help) {
    io.stdout(reportMessages.help + '\n');
    return EXIT.ok;
  }
  if (!values.period) throw CliError.usage(reportMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(reportMessages.badPeriod(values.period));
  // A one-unit edition carries the city bulletin's number: only the city bulletin is issued.
  if (values.issue && values.unit) throw CliError.usage(reportMessages.issueCityOnly);
  const formats = parseFormats(values.format, DEFAULT_REPORT_FORMATS);
  // The issue registry records the document as the bureau sends it: the PDF.
  if (values.issue && !formats.includes('pdf')) throw CliError.usage(reportMessages.issueNeedsPdf);
  // Charts and pdfmake are loaded only here: the other commands never pay for vega or pdfkit.
  const reports = await import('../../reports');
  const configPath = values.config ? resolve(io.cwd, values.config) : reports.DEFAULT_CONFIG_PATH;
  const config = loadConfig(configPath, reports.readBulletinConfig);
  const dbPath = resolveDbPath(values.db, io);
  const steps = progress(io);

  steps.stage(reportMessages.loading);
  const { model, models, issuedBefore } = await withReadWarehouse(dbPath, async (wh) => {
    const unit = values.unit === undefined ? undefined : await unitArg(wh, values.unit);
    const models = await reports.readBulletinModels(wh, config, modelRequests([period], unit, formats, (p) => p in config.periods), configPath);
    const model = models[models.length - 1];
    return { model, models, issuedBefore: values.issue ? await reports.issuedValues(wh, model.issue.documentNumber) : new Map() };
  });
  // Issued figures are never silently replaced: a corrected bulletin takes a new number. Checked
  // before anything is drawn or written.
  if (!reports.sameAsIssued(model, issuedBefore)) throw new CliError(reportMessages.reissueChanged(model.issue.documentNumber));
  steps.done();

  steps.stage(reportMessages.rendering(formats));
  const written: { name: string; bytes: Buffer }[] = [];
  for (const format of formats) {
    const bytes = await REPORT_FORMATS[format].render({ model, models });
    const name = reports.bulletinFileName(model, REPORT_FORMATS[format].extension);
    writeFileAtomic(join(resolve(io.cwd, values.out ?? '.'), name), bytes);
    written.push({ name, bytes });
  }
  steps.done();
  for (const w of written) io.stderr(reportMessages.wrote(join(resolve(io.cwd, values.out ?? '.'), w.name), w.bytes.length) + '\n');

  if (values.issue) {
    const { name, bytes } = written[formats.indexOf('pdf')];
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const n = await withWriteWarehouse(dbPath, (wh) => reports.recordIssue(wh, model, { name, sha256 }));
    io.stderr(reportMessages.issued(model.issue.documentNumber, n) + '\n');
  }
  return EXIT.ok;
}

function loadConfig<T>(path: string, read: (path: string) => T): T {
  try {
    return read(path);
  } catch (error) {
    throw new CliError(reportMessages.badConfig(path, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

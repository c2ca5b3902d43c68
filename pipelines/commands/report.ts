import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../fsutil';
import type { Io } from '../io';
import { reportMessages, xlsxMessages } from '../messages';
import { parseFormats } from '../run/formats';
import { parsePeriod } from '../period';
import { progress } from '../progress';
import { resolveDbPath, withReadWarehouse, withWriteWarehouse } from '../warehouse';
import { unitArg } from './submissions';

/** `nrp report`: reads the bulletin model of the period (and unit), renders it in each `--format` (PDF by default), writes them; `--issue` records the PDF. */
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
  const formats = parseFormats(values.format, ['pdf']);
  if (values.issue && !formats.some((f) => f.name === 'pdf')) throw CliError.usage(xlsxMessages.issueNeedsPdf);
  // Charts and pdfmake are loaded only here: the other commands never pay for vega or pdfkit.
  const reports = await import('../../reports');
  const configPath = values.config ? resolve(io.cwd, values.config) : reports.DEFAULT_CONFIG_PATH;
  const config = loadConfig(configPath, reports.readBulletinConfig);
  const dbPath = resolveDbPath(values.db, io);
  const steps = progress(io);

  steps.stage(reportMessages.loading);
  const { model, issuedBefore } = await withReadWarehouse(dbPath, async (wh) => {
    const unit = values.unit === undefined ? undefined : await unitArg(wh, values.unit);
    const [model] = await reports.readBulletinModels(wh, config, [{ period, unit }], configPath);
    return { model, issuedBefore: values.issue ? await reports.issuedValues(wh, model.issue.documentNumber) : new Map() };
  });
  // Issued figures are never silently replaced: a corrected bulletin takes a new number. Checked
  // before anything is drawn or written.
  if (!reports.sameAsIssued(model, issuedBefore)) throw new CliError(reportMessages.reissueChanged(model.issue.documentNumber));
  steps.done();

  let pdf: { name: string; bytes: Buffer } | undefined;
  for (const format of formats) {
    steps.stage(format.name === 'pdf' ? reportMessages.rendering : format.stage(model.period.code));
    const bytes = await format.render(model);
    const name = reports.bulletinFileName(model, format.name);
    const file = join(resolve(io.cwd, values.out ?? '.'), name);
    writeFileAtomic(file, bytes);
    steps.done();
    io.stderr(reportMessages.wrote(file, bytes.length) + '\n');
    if (format.name === 'pdf') pdf = { name, bytes };
  }

  if (values.issue && pdf) {
    const { name } = pdf;
    const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
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

import { existsSync, statSync } from 'node:fs';
import { CliError } from '../errors';
import type { Io } from '../io';
import { reportMessages, runMessages } from '../messages';
import { periodCode } from '../period';
import { progress } from '../progress';
import { withWriteWarehouse } from '../warehouse';
import { feedbackRequests } from './feedback';
import { DEFAULT_RUN_FORMATS, modelRequests } from './formats';
import { startPdfHelper, type PdfHelper } from './helper';
import { startPeriodOutputs, type OutputJob, type PeriodOutputs } from './outputs';
import { choosePeriods, parseWanted, type Wanted } from './periods';
import { stageTimer, type RunSummary } from './summary';

export { formatSummary, type RunSummary } from './summary';
export { parseWanted } from './periods';

export interface RunOptions {
  dbPath: string;
  inbox: string;
  outDir: string;
  /** Quarters (`2023Q2`) or years (`2023`: every quarter of it that has submissions). */
  periods: string[];
  /** The bulletin configuration (default: reports/bulletin.config.json). */
  configPath?: string;
  /** The bulletin's formats (`nrp run --format`; default pdf, html and xlsx). */
  formats?: string[];
  /** Also write each reporting unit's feedback workbook, into OUT/feedback/<P>/. */
  feedback?: boolean;
  /** The PDF helper (helper.ts), started by the caller earlier still (`nrp demo`, before the sample); else started here. Stopped here. */
  helper?: PdfHelper;
}

/**
 * The whole job, in one session of the warehouse: ingest what is new in the inbox, build, and
 * read the bulletin model of every period asked for (and, for the HTML, the year's earlier
 * quarters); then, the warehouse closed, per period draw each chart once and write the chart
 * files and the bulletin in each format (formats.ts) from the same model and drawings, and with
 * `feedback` each unit's workbook. The same library functions as `nrp charts`, `nrp report` and
 * `nrp feedback`. A rejected file does not stop the run (exit 1 at the end); any other failure does.
 */
export async function runPipeline(options: RunOptions, io: Io): Promise<RunSummary> {
  let helper = options.helper;
  try {
    const wanted = parseWanted(options.periods);
    if (!existsSync(options.inbox) || !statSync(options.inbox).isDirectory()) throw CliError.usage(runMessages.noInbox(options.inbox));
    helper ??= (options.formats ?? DEFAULT_RUN_FORMATS).includes('pdf') ? startPdfHelper(io.env) : undefined;
    return await pipeline(options, io, wanted, helper);
  } finally {
    helper?.stop();
  }
}

async function pipeline(options: RunOptions, io: Io, wanted: Wanted[], helper: PdfHelper | undefined): Promise<RunSummary> {
  const formats = options.formats ?? DEFAULT_RUN_FORMATS;
  const stages: RunSummary['stages'] = [];
  const timed = stageTimer(stages);
  const steps = progress(io);

  const { ingestFiles, formatReport } = await import('../ingest');
  const { buildWarehouse } = await import('../models');
  const reports = await import('../../reports');
  const configPath = options.configPath ?? reports.DEFAULT_CONFIG_PATH;
  const config = readConfig(reports, configPath);
  // One session: ingest, build, and the models of the periods read from the marts just built.
  const { ingest, periods, models, unitModels } = await withWriteWarehouse(options.dbPath, async (wh) => {
    const ingest = await timed(runMessages.stageIngest, async () => {
      steps.stage(runMessages.stageIngest);
      const report = await ingestFiles(wh, [options.inbox], { onlyNew: true, onFile: (_path, index, total) => steps.tick(index, total) });
      steps.done(`${report.accepted}/${report.files.length}`);
      return report;
    });
    const built = await timed(runMessages.stageBuild, () => buildWarehouse(wh, { progress: steps }));
    if (ingest.rejected > 0) io.stderr(formatReport({ ...ingest, files: ingest.files.filter((f) => f.status === 'rejected') }) + '\n');
    const periods = choosePeriods(wanted, built.periods);
    const builtPeriods = new Set(built.periods);
    const requests = modelRequests(periods, undefined, formats, (p) => p in config.periods && builtPeriods.has(p));
    const models = await reports.readBulletinModels(wh, config, requests, configPath);
    const asked = new Set(periods.map(periodCode));
    const unitModels = options.feedback
      ? await reports.readBulletinModels(wh, config, feedbackRequests(models.filter((m) => asked.has(m.period.code))), configPath)
      : [];
    return { ingest, periods, models, unitModels };
  });

  // Each period's outputs, in order; the PDFs written by the helper meanwhile (helper.ts), each
  // period's messages printed once its PDF is written.
  const asked = new Set(periods.map(periodCode));
  const job: OutputJob = { outDir: options.outDir, formats, feedback: Boolean(options.feedback), models, unitModels, debug: Boolean(io.env.NRP_DEBUG) };
  const status: RunSummary['status'] = {};
  const outputs: RunSummary['outputs'] = [];
  const done: Promise<PeriodOutputs>[] = [];
  let printed: Promise<void> = Promise.resolve();
  let failed = false;
  for (const model of models.filter((m) => asked.has(m.period.code))) {
    if (failed) break;
    const { finished } = await startPeriodOutputs(model, job, helper);
    finished.catch(() => (failed = true));
    printed = printed.then(async () => {
      for (const line of (await finished).messages) io.stderr(line);
    });
    printed.catch(() => undefined); // (awaited after the loop, which stops at a failure)
    done.push(finished);
  }
  await printed;
  for (const d of await Promise.all(done)) {
    status[d.output.period] = d.status;
    outputs.push(d.output);
    stages.push(...d.stages);
  }
  return { ingest, periods: periods.map(periodCode), status, outputs, stages, exitCode: ingest.rejected > 0 ? 1 : 0 };
}

function readConfig(reports: typeof import('../../reports'), path: string) {
  try {
    return reports.readBulletinConfig(path);
  } catch (error) {
    throw new CliError(reportMessages.badConfig(path, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors';
import { writeFileAtomic } from '../fsutil';
import type { Io } from '../io';
import { reportMessages, runMessages, xlsxMessages } from '../messages';
import { periodCode } from '../period';
import { progress } from '../progress';
import { withWriteWarehouse } from '../warehouse';
import { feedbackDir, feedbackRequests, writeFeedbackWorkbooks } from './feedback';
import { DEFAULT_RUN_FORMATS, modelRequests, REPORT_FORMATS } from './formats';
import { choosePeriods, parseWanted } from './periods';
import { cityStatus, type RunSummary } from './summary';

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
  const wanted = parseWanted(options.periods);
  const formats = options.formats ?? DEFAULT_RUN_FORMATS;
  if (!existsSync(options.inbox) || !statSync(options.inbox).isDirectory()) throw CliError.usage(runMessages.noInbox(options.inbox));
  const stages: RunSummary['stages'] = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      stages.push({ name, ms: Date.now() - started });
    }
  };
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

  const status: RunSummary['status'] = {};
  const outputs: RunSummary['outputs'] = [];
  const asked = new Set(periods.map(periodCode));
  for (const model of models.filter((m) => asked.has(m.period.code))) {
    const p = model.period.code;
    status[p] = cityStatus(model);
    const chartDir = join(options.outDir, 'charts', p);
    const charts = reports.chartsOf(model);
    const drawings = await timed(runMessages.stageCharts(p), async () => {
      const drawn = await reports.drawCharts(charts);
      reports.writeChartFiles(chartDir, p, charts, drawn, { format: 'svg' });
      return drawn;
    });
    const files: string[] = [];
    for (const format of formats) {
      const file = join(options.outDir, reports.bulletinFileName(model, REPORT_FORMATS[format].extension));
      await timed(REPORT_FORMATS[format].stage(p), async () => {
        const bytes = await REPORT_FORMATS[format].render({ model, models, drawn: { charts, drawings } });
        writeFileAtomic(file, bytes);
        io.stderr(reportMessages.wrote(file, bytes.length) + '\n');
      });
      files.push(file);
    }
    const feedback = options.feedback ? feedbackDir(options.outDir, p) : undefined;
    if (feedback) {
      const own = unitModels.filter((m) => m.period.code === p);
      await timed(xlsxMessages.stageFeedback(p), () => writeFeedbackWorkbooks(own, feedback, io));
    }
    outputs.push({ period: p, bulletin: files[0], files, charts: chartDir, ...(feedback ? { feedback } : {}) });
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

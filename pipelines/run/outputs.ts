import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil';
import { reportMessages, runMessages, xlsxMessages } from '../messages';
import { bufferIo } from '../io';
import type { BulletinModel } from '../../reports/model/types';
import { feedbackDir, writeFeedbackWorkbooks } from './feedback';
import { REPORT_FORMATS, type RenderInput } from './formats';
import type { PdfHelper } from './helper';
import { cityStatus, stageTimer, type RunSummary, type Stage } from './summary';

/** What the periods' outputs need besides their own model. */
export interface OutputJob {
  outDir: string;
  formats: string[];
  /** Also the units' feedback workbooks (their models are in unitModels). */
  feedback: boolean;
  /** Every city model read in the session (the HTML shows the year's earlier quarters). */
  models: readonly BulletinModel[];
  /** The one-unit models, for the feedback workbooks. */
  unitModels: readonly BulletinModel[];
  /** NRP_DEBUG: say why the PDF helper failed, where the PDF is then written here. */
  debug?: boolean;
}

export interface PeriodOutputs {
  status: RunSummary['status'][string];
  output: RunSummary['outputs'][number];
  stages: RunSummary['stages'];
  /** What it printed, in order (printed by the caller, once the PDF is written). */
  messages: string[];
}

/**
 * One period's outputs: each chart drawn once, the chart files, the bulletin in each format from
 * the same model and drawings, and with `feedback` each unit's workbook. With the PDF helper
 * (helper.ts) the PDF is written there while this process goes on: returns once this process's
 * share is done, with `finished` settling when the PDF is written too (wrapped, so that awaiting
 * this does not wait for it). The files, messages and stages are the same either way.
 */
export async function startPeriodOutputs(model: BulletinModel, job: OutputJob, pdf?: PdfHelper): Promise<{ finished: Promise<PeriodOutputs> }> {
  const reports = await import('../../reports');
  const io = bufferIo();
  const slots: (string[] | Promise<string[]>)[] = [];
  const stages: (Stage | Promise<Stage>)[] = [];
  const say = () => {
    slots.push(io.err.splice(0));
  };
  const timed = stageTimer(stages);
  const p = model.period.code;
  const chartDir = join(job.outDir, 'charts', p);
  const charts = reports.chartsOf(model);
  const drawings = await timed(runMessages.stageCharts(p), async () => {
    const drawn = await reports.drawCharts(charts);
    reports.writeChartFiles(chartDir, p, charts, drawn, { format: 'svg' });
    return drawn;
  });
  const input: RenderInput = { model, models: job.models, drawn: { charts, drawings } };
  const files: string[] = [];
  for (const format of job.formats) {
    const file = join(job.outDir, reports.bulletinFileName(model, REPORT_FORMATS[format].extension));
    files.push(file);
    say();
    if (format === 'pdf' && pdf) {
      let why: string | undefined;
      const written = pdf.write({ file, model, drawn: input.drawn! }).catch(async (reason: unknown) => {
        // the helper failed: written here, where an error reads as it always does
        why = reason instanceof Error ? reason.message : String(reason);
        const started = Date.now();
        const bytes = await REPORT_FORMATS.pdf.render(input);
        writeFileAtomic(file, bytes);
        return { bytes: bytes.length, ms: Date.now() - started };
      });
      const said = (w: { bytes: number }) => [...(why !== undefined && job.debug ? [runMessages.helperFailed(p, why) + '\n'] : []), reportMessages.wrote(file, w.bytes) + '\n'];
      // Handled at once: should a later output throw before `finished` is made, a failed PDF is
      // not an unhandled rejection (the error that ends the run is the later one).
      slots.push(handled(written.then(said)));
      stages.push(handled(written.then((w) => ({ name: REPORT_FORMATS.pdf.stage(p), ms: w.ms }))));
      continue;
    }
    await timed(REPORT_FORMATS[format].stage(p), async () => {
      const bytes = await REPORT_FORMATS[format].render(input);
      writeFileAtomic(file, bytes);
      io.stderr(reportMessages.wrote(file, bytes.length) + '\n');
    });
  }
  const feedback = job.feedback ? feedbackDir(job.outDir, p) : undefined;
  if (feedback) {
    const own = job.unitModels.filter((m) => m.period.code === p);
    await timed(xlsxMessages.stageFeedback(p), () => writeFeedbackWorkbooks(own, feedback, io));
  }
  say();
  const finished = (async (): Promise<PeriodOutputs> => {
    const [timings, messages] = await Promise.all([Promise.all(stages), Promise.all(slots)]); // (both settle: no rejection left unhandled)
    return {
      status: cityStatus(model),
      output: { period: p, bulletin: files[0], files, charts: chartDir, ...(feedback ? { feedback } : {}) },
      stages: timings,
      messages: messages.flat(),
    };
  })();
  // (the caller awaits it; a failure meanwhile is not unhandled)
  return { finished: handled(finished) };
}

/** `promise`, with a handler attached so that its rejection, awaited later or never, is not unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

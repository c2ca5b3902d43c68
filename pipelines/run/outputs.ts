import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil';
import { reportMessages, runMessages, xlsxMessages } from '../messages';
import { bufferIo } from '../io';
import type { BulletinModel } from '../../reports/model/types';
import { feedbackDir, writeFeedbackWorkbooks } from './feedback';
import { REPORT_FORMATS, type RenderInput } from './formats';
import type { PdfHelper } from './helper';
import { cityStatus, type RunSummary } from './summary';

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
  const stages: (RunSummary['stages'][number] | Promise<RunSummary['stages'][number]>)[] = [];
  const say = () => {
    slots.push(io.err.splice(0));
  };
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      stages.push({ name, ms: Date.now() - started });
    }
  };
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
      const written = pdf.write({ file, model, drawn: input.drawn! }).catch(async () => {
        // the helper failed: written here, where an error reads as it always does
        const started = Date.now();
        const bytes = await REPORT_FORMATS.pdf.render(input);
        writeFileAtomic(file, bytes);
        return { bytes: bytes.length, ms: Date.now() - started };
      });
      slots.push(written.then((w) => [reportMessages.wrote(file, w.bytes) + '\n']));
      stages.push(written.then((w) => ({ name: REPORT_FORMATS.pdf.stage(p), ms: w.ms })));
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
  finished.catch(() => undefined); // (the caller awaits it; a failure meanwhile is not unhandled)
  return { finished };
}

import type { IngestReport } from '../ingest';
import { runMessages } from '../messages';
import type { BulletinModel } from '../../reports/model/types';

export interface RunSummary {
  ingest: IngestReport;
  periods: string[];
  /** Per period, the city's lights by status (only those it has) and the units that sent nothing. */
  status: Record<string, Record<string, number | string>>;
  /** Per period: the bulletin (the first format written), every format's file, the charts' folder, and the feedback workbooks' folder if written. */
  outputs: { period: string; bulletin: string; files: string[]; charts: string; feedback?: string }[];
  stages: { name: string; ms: number }[];
  exitCode: number;
}

/** The city's row of mart_unit_scorecard as the summary shows it, and who did not submit. */
export function cityStatus(model: BulletinModel): Record<string, number | string> {
  const card = model.scorecard.find((s) => s.unit_code === model.city.code);
  const counts: Record<string, number | string> = {};
  for (const status of ['green', 'yellow', 'red', 'missing', 'no_data', 'no_target'] as const) {
    if (card && card[status] > 0) counts[status] = card[status];
  }
  const missing = model.rows.find((r) => r.unit_code === model.city.code && r.missing_units)?.missing_units;
  if (missing) counts.missing_units = missing;
  return counts;
}

export function formatSummary(summary: RunSummary): string {
  const lines = [runMessages.heading, runMessages.files(summary.ingest.accepted, summary.ingest.rejected, summary.ingest.duplicates)];
  for (const f of summary.ingest.files.filter((x) => x.status === 'rejected')) {
    const first = f.errors[0];
    const reason = first ? `${first.cell ? `${first.cell} ` : ''}${first.zh} / ${first.en}` : '';
    lines.push(runMessages.rejected(f.file, `${reason}${f.errors.length > 1 ? ` (+${f.errors.length - 1})` : ''}`));
  }
  for (const p of summary.periods) lines.push(runMessages.statusLine(p, summary.status[p] as Record<string, number>));
  for (const o of summary.outputs) {
    for (const file of o.files) lines.push(runMessages.output(runMessages.outputBulletin(o.period), file));
    lines.push(runMessages.output(runMessages.outputCharts(o.period), o.charts));
    if (o.feedback) lines.push(runMessages.output(runMessages.outputFeedback(o.period), o.feedback));
  }
  lines.push(runMessages.timing(summary.stages));
  return lines.join('\n') + '\n';
}

/** A stage's name and how long it took, for the summary's timing line. */
export type Stage = RunSummary['stages'][number];

/** Runs each piece of work it is given, recording in `stages` how long it took under its name (also when it throws). */
export function stageTimer(stages: { push(stage: Stage): void }) {
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      stages.push({ name, ms: Date.now() - started });
    }
  };
}

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors';
import type { Io } from '../io';
import { runMessages } from '../messages';
import { comparePeriods, parsePeriod, periodCode, type Period } from '../period';
import { progress } from '../progress';
import { withReadWarehouse, withWriteWarehouse } from '../warehouse';
import type { IngestReport } from '../ingest';

export interface RunOptions {
  dbPath: string;
  inbox: string;
  outDir: string;
  /** Quarters (`2023Q2`) or years (`2023`: every quarter of it that has submissions). */
  periods: string[];
}

export interface RunSummary {
  ingest: IngestReport;
  periods: string[];
  status: Record<string, Record<string, number | string>>;
  outputs: { period: string; bulletin: string; charts: string }[];
  stages: { name: string; ms: number }[];
  exitCode: number;
}

type Wanted = { kind: 'quarter'; period: Period } | { kind: 'year'; year: number };

/** `2023Q2`-style quarters and bare years; anything else is a usage error. */
export function parseWanted(raw: string[]): Wanted[] {
  if (raw.length === 0) throw CliError.usage(runMessages.needPeriod);
  return raw.map((text) => {
    if (/^\s*\d{4}\s*(年)?\s*$/.test(text)) return { kind: 'year', year: Number(text.replace(/\D/g, '')) };
    const period = parsePeriod(text);
    if (!period) throw CliError.usage(runMessages.badPeriod(text));
    return { kind: 'quarter', period };
  });
}

/**
 * The whole job: ingest what is new in the inbox, build, then charts and bulletin per period.
 * A rejected file does not stop the run (exit 1 at the end); any other failure does.
 * Charts and the bulletin are produced by the same code as `nrp charts` and `nrp report`.
 */
export async function runPipeline(options: RunOptions, io: Io): Promise<RunSummary> {
  const wanted = parseWanted(options.periods);
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
  const { ingest, built } = await withWriteWarehouse(options.dbPath, async (wh) => {
    const ingest = await timed(runMessages.stageIngest, async () => {
      steps.stage(runMessages.stageIngest);
      const report = await ingestFiles(wh, [options.inbox], { onlyNew: true, onFile: (_path, index, total) => steps.tick(index, total) });
      steps.done(`${report.accepted}/${report.files.length}`);
      return report;
    });
    const built = await timed(runMessages.stageBuild, () => buildWarehouse(wh, { progress: steps }));
    return { ingest, built };
  });
  if (ingest.rejected > 0) io.stderr(formatReport({ ...ingest, files: ingest.files.filter((f) => f.status === 'rejected') }) + '\n');

  const periods = choosePeriods(wanted, built.periods);
  const status: RunSummary['status'] = {};
  await withReadWarehouse(options.dbPath, async (wh) => {
    for (const p of periods) {
      const rows = await wh.all<{ status: string; n: number }>(
        `select status, count(*) as n from mart_indicator_progress where period = ? and unit_code = '330400' group by status`, [p]);
      const missing = await wh.one<{ m: string | null }>(
        `select max(missing_units) as m from mart_indicator_progress where period = ? and unit_code = '330400'`, [p]);
      status[p] = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      if (missing?.m) status[p].missing_units = missing.m;
    }
  });

  const charts = await import('../commands/charts');
  const report = await import('../commands/report');
  const outputs: RunSummary['outputs'] = [];
  for (const p of periods) {
    const chartDir = join(options.outDir, 'charts', p);
    await timed(runMessages.stageCharts(p), () => runChild(charts, ['--db', options.dbPath, '--period', p, '--out', chartDir], io));
    await timed(runMessages.stageReport(p), () => runChild(report, ['--db', options.dbPath, '--period', p, '--out', options.outDir], io));
    outputs.push({ period: p, bulletin: join(options.outDir, `bulletin-${p}.pdf`), charts: chartDir });
  }
  return { ingest, periods, status, outputs, stages, exitCode: ingest.rejected > 0 ? 1 : 0 };
}

/** Quarters asked for by name, plus every built quarter of the years asked for. */
function choosePeriods(wanted: Wanted[], built: string[]): string[] {
  const out = new Set<string>();
  for (const w of wanted) {
    if (w.kind === 'quarter') out.add(periodCode(w.period));
    else {
      const inYear = built.filter((p) => p.startsWith(`${w.year}Q`));
      if (inYear.length === 0) throw new CliError(runMessages.noPeriods(w.year));
      inYear.forEach((p) => out.add(p));
    }
  }
  return [...out].sort((a, b) => comparePeriods(parsePeriod(a)!, parsePeriod(b)!));
}

/** Runs another command's module with this run's effects; a non-zero exit stops the run. */
async function runChild(mod: { run(argv: string[], io: Io): Promise<number> }, argv: string[], io: Io): Promise<void> {
  const quiet: Io = { ...io, stdout: () => {} };
  const code = await mod.run(argv, quiet);
  if (code !== 0) throw new CliError(`${argv.join(' ')}: exit ${code}`);
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
    lines.push(runMessages.output(`${o.period} bulletin 通报`, o.bulletin));
    lines.push(runMessages.output(`${o.period} charts 图表`, o.charts));
  }
  lines.push(runMessages.timing(summary.stages));
  return lines.join('\n') + '\n';
}

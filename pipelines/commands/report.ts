import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { closest, dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT, duckdbMessage } from '../errors';
import { writeFileAtomic } from '../fsutil';
import type { Io } from '../io';
import { reportMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { progress } from '../progress';
import type { Warehouse } from '../warehouse';
import { DEFAULT_CONFIG_PATH, readBulletinConfig, type BulletinConfig } from '../../reports/bulletin/config';
import { issuedValues, loadBulletinData, recordIssue, type BulletinData } from '../../reports/bulletin/data';
import type { ChartJob } from '../../reports/bulletin/chart-job';
import { CITY } from '../../reports/bulletin/model';
import { documentNumber } from '../../reports/format';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('report', argv, {
    ...dbOption,
    period: { type: 'string', short: 'p' },
    unit: { type: 'string', short: 'u' },
    out: { type: 'string', short: 'o' },
    issue: { type: 'boolean' },
    config: { type: 'string' },
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
  const code = periodCode(period);
  const configPath = values.config ? resolve(io.cwd, values.config) : DEFAULT_CONFIG_PATH;
  const config = loadConfig(configPath);
  const settings = config.periods[code];
  if (!settings) throw new CliError(reportMessages.noPeriodConfig(code, configPath));
  const number = documentNumber(config.documentPrefix, settings.year ?? period.year, settings.serial);
  const steps = progress(io);

  // The chart worker starts first, before DuckDB is even loaded, so that vega loads while the
  // warehouse is read (chart-job.ts).
  const { startChartJob, inProcessJob, ChartWorkerError } = await import('../../reports/bulletin/chart-job');
  const workers = io.env.NRP_CHART_WORKERS;
  const chartJob = startChartJob(workers !== undefined && /^[0-9]+$/.test(workers) ? Number(workers) : undefined);
  let pdf: Buffer;
  let published: BulletinData['rows'];
  let focus: string;
  let dbPath: string;
  try {
    const { resolveDbPath, withReadWarehouse } = await import('../warehouse');
    dbPath = resolveDbPath(values.db, io);
    steps.stage(reportMessages.loading);
    const loaded = await withReadWarehouse(dbPath, async (wh) => {
      const unit = values.unit ? await resolveUnit(wh, values.unit) : CITY;
      return { data: await loadData(wh, period), unit, issuedBefore: values.issue ? await issuedValues(wh, number) : new Map() };
    });
    const { data, issuedBefore } = loaded;
    focus = loaded.unit;
    if (data.rows.length === 0) throw new CliError(reportMessages.noRows(code));
    // Issued figures are never silently replaced: a corrected bulletin takes a new number. Checked
    // before anything is drawn or written.
    published = focus === CITY ? data.rows : data.rows.filter((r) => r.unit_code === focus || r.unit_code === CITY);
    if (issuedBefore.size > 0 && published.some((r) => !sameValue(issuedBefore.get(`${r.unit_code}|${r.indicator_code}`), r.actual))) {
      throw new CliError(reportMessages.reissueChanged(number));
    }
    steps.done();

    // Charts and pdfmake are loaded only here: the other commands never pay for vega or pdfkit.
    // The worker draws while pdfmake loads, lays the document out and draws the pages before
    // the first chart.
    steps.stage(reportMessages.rendering);
    const { bulletinDocument } = await import('../../reports/bulletin/document');
    const { renderPdf, preparePdf } = await import('../../reports/bulletin/render');
    const render = async (job: ChartJob): Promise<Buffer> => {
      job.start(data.rows, [...data.history, ...data.rows], focus);
      preparePdf();
      const charts = await job.plan();
      const doc = bulletinDocument({
        period: code, year: period.year, quarter: period.quarter, focus,
        rows: data.rows, previousRows: data.previousRows, submissions: data.submissions, published: data.published,
        charts, config, documentNumber: number, issuedOn: settings.issuedOn,
      });
      return renderPdf(doc, job.drawings);
    };
    try {
      pdf = await render(chartJob);
    } catch (error) {
      // A worker that fails or goes silent costs time, not the bulletin: draw it again in process.
      if (!(error instanceof ChartWorkerError)) throw error;
      chartJob.close();
      pdf = await render(inProcessJob());
    }
  } finally {
    chartJob.close();
  }
  const file = join(resolve(io.cwd, values.out ?? '.'), focus === CITY ? `bulletin-${code}.pdf` : `bulletin-${code}-${focus}.pdf`);
  writeFileAtomic(file, pdf);
  steps.done();
  io.stderr(reportMessages.wrote(file, pdf.length) + '\n');

  if (values.issue) {
    const { withWriteWarehouse } = await import('../warehouse');
    await withWriteWarehouse(dbPath, (wh) =>
      recordIssue(wh, {
        documentNumber: number, period: code, scope: focus, issuedOn: settings.issuedOn,
        fileName: basename(file), pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      }, published),
    );
    io.stderr(reportMessages.issued(number, published.length) + '\n');
  }
  return EXIT.ok;
}

function sameValue(a: number | null | undefined, b: number | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

function loadConfig(path: string): BulletinConfig {
  try {
    return readBulletinConfig(path);
  } catch (error) {
    throw new CliError(reportMessages.badConfig(path, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

async function loadData(wh: Warehouse, period: NonNullable<ReturnType<typeof parsePeriod>>): Promise<BulletinData> {
  try {
    return await loadBulletinData(wh, period);
  } catch (error) {
    const detail = duckdbMessage(error);
    if (/mart_indicator_progress|bulletin_|does not exist/i.test(detail)) throw new CliError(reportMessages.noMart(detail), { cause: error });
    throw error;
  }
}

/** A unit by code, name or alias (seeds/units.csv); a near miss is suggested. */
async function resolveUnit(wh: Warehouse, raw: string): Promise<string> {
  const units = await wh.all<{ code: string; name: string; aliases: string[] | null }>('select code, name, aliases from units order by display_order');
  const wanted = raw.trim();
  const hit = units.find((u) => u.code === wanted || u.name === wanted || (u.aliases ?? []).includes(wanted));
  if (hit) return hit.code;
  throw CliError.usage(reportMessages.unknownUnit(raw, closest(wanted, units.map((u) => u.name))));
}

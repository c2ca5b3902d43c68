import { join, resolve } from 'node:path';
import { closest, dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT, duckdbMessage } from '../errors';
import { writeFileAtomic } from '../fsutil';
import type { Io } from '../io';
import { chartMessages } from '../messages';
import { parsePeriod, periodCode, type Period } from '../period';
import { progress } from '../progress';
import { resolveDbPath, withReadWarehouse, type Warehouse } from '../warehouse';
import { loadReportRows, type ReportRow } from '../../reports/mart';

const FORMATS = ['svg', 'png', 'vl.json'] as const;
type Format = (typeof FORMATS)[number];

/** `nrp charts`: every chart of one period, one file each, named by chart id. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('charts', argv, {
    ...dbOption,
    period: { type: 'string', short: 'p' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    scale: { type: 'string' },
    only: { type: 'string' },
  });
  if (help) {
    io.stdout(chartMessages.help + '\n');
    return EXIT.ok;
  }
  if (!values.period) throw CliError.usage(chartMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(chartMessages.badPeriod(values.period));
  const format = (values.format ?? 'svg') as Format;
  if (!FORMATS.includes(format)) throw CliError.usage(chartMessages.badFormat(format, closest(format, FORMATS)));
  const scale = values.scale === undefined ? 3 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0.5 || scale > 10) throw CliError.usage(chartMessages.badScale(String(values.scale)));
  const code = periodCode(period);
  const outDir = resolve(io.cwd, values.out ?? join('charts', code));

  const { rows, history } = await withReadWarehouse(resolveDbPath(values.db, io), (wh) => loadYear(wh, period));
  if (rows.length === 0) throw new CliError(chartMessages.noRows(code));

  const steps = progress(io);
  steps.stage(chartMessages.rendering);
  // vega and resvg are loaded only here, so the other commands never pay for them.
  const charts = await import('../../reports/charts');
  const all = charts.bulletinCharts(rows, history);
  // --only rank-,trend-main_target_3: chart ids starting with any of the comma-separated prefixes.
  const prefixes = values.only?.split(',').map((p) => p.trim()).filter(Boolean);
  const list = prefixes ? all.filter((c) => prefixes.some((p) => c.id.startsWith(p))) : all;
  if (list.length === 0) throw CliError.usage(chartMessages.noneSelected(values.only ?? '', all.map((c) => c.id)));
  const manifest: { id: string; title: string; kind: string; indicators: string[]; file: string }[] = [];
  for (const [i, chart] of list.entries()) {
    const file = `${chart.id}.${format}`;
    const body =
      format === 'vl.json' ? JSON.stringify(chart.spec, null, 2) + '\n' :
      format === 'svg' ? await charts.renderSvg(chart.spec) :
      await charts.renderPng(chart.spec, { scale });
    writeFileAtomic(join(outDir, file), body);
    manifest.push({ id: chart.id, title: chart.title, kind: chart.kind, indicators: chart.indicators, file });
    steps.tick(i + 1, list.length);
  }
  writeFileAtomic(join(outDir, 'charts.json'), JSON.stringify({ period: code, format, charts: manifest }, null, 2) + '\n');
  steps.done(`${list.length}`);
  io.stdout(manifest.map((m) => `${join(outDir, m.file)}\t${m.title}`).join('\n') + '\n');
  io.stderr(chartMessages.wrote(list.length, outDir) + '\n');
  return EXIT.ok;
}

/** The period's rows and those of the year's earlier quarters (the trends), oldest first. */
async function loadYear(wh: Warehouse, period: Period): Promise<{ rows: ReportRow[]; history: ReportRow[] }> {
  try {
    const rows = await loadReportRows(wh, periodCode(period));
    const history: ReportRow[] = [];
    for (let q = 1; q < period.quarter; q++) history.push(...(await loadReportRows(wh, `${period.year}Q${q}`)));
    return { rows, history };
  } catch (error) {
    const detail = duckdbMessage(error);
    if (/mart_indicator_progress/.test(detail) && /does not exist|not found/i.test(detail)) throw new CliError(chartMessages.noMart(detail), { cause: error });
    throw new CliError(detail, { cause: error });
  }
}

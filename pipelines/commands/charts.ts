import { join, resolve } from 'node:path';
import { closest, dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { chartMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { progress } from '../progress';
import { resolveDbPath, withReadWarehouse } from '../warehouse';

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
  // vega and resvg are loaded only here, so the other commands never pay for them.
  const reports = await import('../../reports');
  const format = values.format ?? 'svg';
  if (!(reports.CHART_FORMATS as readonly string[]).includes(format)) throw CliError.usage(chartMessages.badFormat(format, closest(format, reports.CHART_FORMATS)));
  const scale = values.scale === undefined ? 3 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0.5 || scale > 10) throw CliError.usage(chartMessages.badScale(String(values.scale)));
  const code = periodCode(period);
  const outDir = resolve(io.cwd, values.out ?? join('charts', code));

  const rows = await withReadWarehouse(resolveDbPath(values.db, io), (wh) => reports.readPeriod(wh, period));
  const all = reports.chartsOf(rows);
  // --only rank-,trend-main_target_3: chart ids starting with any of the comma-separated prefixes.
  const prefixes = values.only?.split(',').map((p) => p.trim()).filter(Boolean);
  const list = prefixes ? all.filter((c) => prefixes.some((p) => c.id.startsWith(p))) : all;
  if (list.length === 0) throw CliError.usage(chartMessages.noneSelected(values.only ?? '', all.map((c) => c.id)));

  const steps = progress(io);
  steps.stage(chartMessages.rendering);
  const drawings = format === 'vl.json' ? new Map<string, string>() : await reports.drawCharts(list);
  const manifest = reports.writeChartFiles(outDir, code, list, drawings, { format: format as (typeof reports.CHART_FORMATS)[number], scale, onFile: (done, total) => steps.tick(done, total) });
  steps.done(`${list.length}`);
  io.stdout(manifest.map((m) => `${join(outDir, m.file)}\t${m.title}`).join('\n') + '\n');
  io.stderr(chartMessages.wrote(list.length, outDir) + '\n');
  return EXIT.ok;
}

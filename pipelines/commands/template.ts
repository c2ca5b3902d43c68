import { join, resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { writeViaTemp } from '../fsutil';
import { buildTemplate, type TemplateIndicator } from '../ingest/template';
import type { Io } from '../io';
import { ingestMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { loadSeeds, Warehouse } from '../warehouse';
import { unitArgIn } from './submissions';

/** `nrp template --unit U --period P [--out DIR]`: the blank workbook, from the seeds. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('template', argv, {
    ...dbOption, unit: { type: 'string' }, period: { type: 'string' }, out: { type: 'string', short: 'o' },
  });
  if (help) {
    io.stdout(ingestMessages.templateHelp + '\n');
    return EXIT.ok;
  }
  if (values.unit === undefined) throw CliError.usage(ingestMessages.needUnit);
  if (values.period === undefined) throw CliError.usage(ingestMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(ingestMessages.badPeriodArg(values.period));
  const wh = await Warehouse.open(':memory:');
  try {
    await loadSeeds(wh);
    const unit = await unitArgIn(wh, values.unit);
    const indicators = await wh.all<TemplateIndicator>(
      `select code, name, unit, kind, source from indicators
       where year = ${period.year} and (coalesce(notes, '') not like '%只由沿海单位填报%' or ${unit.coastal ? 'true' : 'false'})
       order by rowid`,
    );
    const out = join(resolve(io.cwd, values.out ?? '.'), `${unit.name}_${periodCode(period)}.xlsx`);
    const wb = buildTemplate(unit.name, period, indicators);
    await writeViaTemp(out, (tmp) => wb.xlsx.writeFile(tmp));
    io.stderr(ingestMessages.wroteTemplate(out) + '\n');
    return EXIT.ok;
  } finally {
    wh.close();
  }
}

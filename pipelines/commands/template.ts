import { join, resolve } from 'node:path';
import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { writeViaTemp } from '../fsutil';
import { createCatalogue, milestonesLedBy } from '../ingest/catalogue';
import { isDivision, loadDivisions, resolveSubmitter } from '../ingest/identity';
import { buildTemplate, type TemplateIndicator } from '../ingest/template';
import { buildDivisionTemplate } from '../ingest/template-division';
import type { Io } from '../io';
import { ingestMessages } from '../messages';
import { parsePeriod, periodCode, type Period } from '../period';
import { loadSeeds, Warehouse } from '../warehouse';
import { unitArgIn } from './submissions';

/**
 * `nrp template --unit U --period P [--out DIR]`: the blank workbook of a unit, from the seeds;
 * `nrp template --division D --period P`: a division's 重点工作进展, listing its milestones.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('template', argv, {
    ...dbOption, unit: { type: 'string' }, division: { type: 'string' }, period: { type: 'string' }, out: { type: 'string', short: 'o' },
  });
  if (help) {
    io.stdout(ingestMessages.templateHelp + '\n');
    return EXIT.ok;
  }
  if ((values.unit === undefined) === (values.division === undefined)) throw CliError.usage(ingestMessages.needUnit);
  if (values.period === undefined) throw CliError.usage(ingestMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(ingestMessages.badPeriodArg(values.period));
  const outDir = resolve(io.cwd, values.out ?? '.');
  const wh = await Warehouse.open(':memory:');
  try {
    await loadSeeds(wh);
    const out = values.division !== undefined ? await divisionTemplate(wh, values.division, period, outDir) : await unitTemplate(wh, values.unit!, period, outDir);
    io.stderr(ingestMessages.wroteTemplate(out) + '\n');
    return EXIT.ok;
  } finally {
    wh.close();
  }
}

async function unitTemplate(wh: Warehouse, unitArg: string, period: Period, outDir: string): Promise<string> {
  const unit = await unitArgIn(wh, unitArg);
  const indicators = await wh.all<TemplateIndicator>(
    `select code, name, unit, kind, source from indicators
     where year = ${period.year} and (coalesce(notes, '') not like '%只由沿海单位填报%' or ${unit.coastal ? 'true' : 'false'})
     order by rowid`,
  );
  const out = join(outDir, `${unit.name}_${periodCode(period)}.xlsx`);
  const wb = buildTemplate(unit.name, period, indicators);
  await writeViaTemp(out, (tmp) => wb.xlsx.writeFile(tmp));
  return out;
}

/** A --division argument: name, alias or code of a division of the period's year, else a usage error naming them. */
async function divisionTemplate(wh: Warehouse, raw: string, period: Period, outDir: string): Promise<string> {
  const divisions = (await loadDivisions(wh)).filter((d) => d.year === period.year);
  const r = resolveSubmitter(raw, { units: [], divisions }, period.year);
  if (!('unit' in r) || !isDivision(r.unit)) {
    throw CliError.usage(ingestMessages.unknownDivision(raw, divisions.map((d) => d.name), period.year));
  }
  await createCatalogue(wh);
  const milestones = await milestonesLedBy(wh, r.unit.code, period.year);
  const out = join(outDir, `${r.unit.name}_${periodCode(period)}_重点工作进展.xlsx`);
  const wb = buildDivisionTemplate(r.unit.name, period, milestones);
  await writeViaTemp(out, (tmp) => wb.xlsx.writeFile(tmp));
  return out;
}

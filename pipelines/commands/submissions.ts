import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { resolveUnit, loadUnits } from '../ingest/identity';
import type { Io } from '../io';
import { ingestMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { formatTable } from '../query/format-table';
import { resolveDbPath, withReadWarehouse, type Warehouse } from '../warehouse';
import { runQuery } from './query';

/** `nrp submissions`: the registry, every version; `*` marks the latest, the one the models read (submission_versions.is_latest). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('submissions', argv, {
    ...dbOption, period: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' },
  });
  if (help) {
    io.stdout(ingestMessages.submissionsHelp + '\n');
    return EXIT.ok;
  }
  const period = values.period === undefined ? undefined : parsePeriod(values.period);
  if (values.period !== undefined && !period) throw CliError.usage(ingestMessages.badPeriodArg(values.period));
  return withReadWarehouse(resolveDbPath(values.db, io), async (wh) => {
    const unitCode = values.unit === undefined ? undefined : await unitArg(wh, values.unit);
    const where: string[] = [];
    if (period) where.push(`s.period = '${periodCode(period)}'`);
    if (unitCode) where.push(`s.unit_code = '${unitCode.replace(/'/g, "''")}'`);
    const sql = `
      select s.period, s.unit_code, u.name as unit_name, s.table_name, s.version,
             case when s.is_latest then '*' else '' end as latest,
             s.row_count, strftime(s.loaded_at, '%Y-%m-%d %H:%M:%S') as loaded_at, s.file_name, len(s.warnings) as warnings,
             left(s.sha256, 12) as sha256
      from submission_versions s left join units u on u.code = s.unit_code
      ${where.length ? 'where ' + where.join(' and ') : ''}
      order by s.period, u.display_order, s.table_name, s.version`;
    const result = await runQuery(wh, sql);
    if (values.json) io.stdout(JSON.stringify(await wh.all(sql), null, 2) + '\n');
    else io.stdout(formatTable(result));
    return EXIT.ok;
  });
}

export async function unitArg(wh: Warehouse, raw: string): Promise<string> {
  return (await unitArgIn(wh, raw)).code;
}

/** A --unit argument: name, alias or code of a reporting unit, else a usage error naming the valid ones. */
export async function unitArgIn(wh: Warehouse, raw: string): Promise<{ code: string; name: string; coastal: boolean }> {
  const units = await loadUnits(wh);
  const r = resolveUnit(raw, units);
  if ('unit' in r) {
    const row = await wh.one<{ coastal: boolean }>('select coastal from units where code = ?', [r.unit.code]);
    return { code: r.unit.code, name: r.unit.name, coastal: Boolean(row?.coastal) };
  }
  throw CliError.usage(`${r.error.zh}\n${r.error.en}`);
}

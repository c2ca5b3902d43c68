import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT } from '../errors';
import type { Io } from '../io';
import { ingestMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { formatTable } from '../query/format-table';
import { resolveDbPath, withReadWarehouse } from '../warehouse';
import { runQuery } from './query';

/** `nrp status --period P`: for each reporting unit and table, the latest version and its time, or missing. */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('status', argv, { ...dbOption, period: { type: 'string' }, json: { type: 'boolean' } });
  if (help) {
    io.stdout(ingestMessages.statusHelp + '\n');
    return EXIT.ok;
  }
  if (values.period === undefined) throw CliError.usage(ingestMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(ingestMessages.badPeriodArg(values.period));
  const missing = ingestMessages.missing.replace(/'/g, "''");
  const cell = (table: string) => `coalesce(max(case when l.table_name = '${table}' then 'v' || l.version || ' ' || strftime(l.loaded_at, '%Y-%m-%d %H:%M') end), '${missing}') as "${table}"`;
  const sql = `
    with latest as (
      select * from submissions where period = '${periodCode(period)}'
      qualify version = max(version) over (partition by unit_code, table_name)
    )
    select u.code as unit_code, u.name as unit_name, ${cell('指标进度')}, ${cell('供地台账')}, ${cell('卫片图斑')}
    from units u left join latest l on l.unit_code = u.code
    where u.kind <> 'aggregate'
    group by u.code, u.name, u.display_order
    order by u.display_order`;
  return withReadWarehouse(resolveDbPath(values.db, io), async (wh) => {
    if (values.json) io.stdout(JSON.stringify(await wh.all(sql), null, 2) + '\n');
    else io.stdout(formatTable(await runQuery(wh, sql)));
    return EXIT.ok;
  });
}

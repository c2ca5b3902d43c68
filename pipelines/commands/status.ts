import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT, duckdbMessage } from '../errors';
import type { Io } from '../io';
import { ingestMessages, runMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { formatTable } from '../query/format-table';
import { resolveDbPath, withReadWarehouse, type Warehouse } from '../warehouse';
import { runQuery } from './query';

/**
 * `nrp status --period P`: for each reporting unit and expected table, the latest version and its
 * load time, or missing: mart_submission_status as the last build left it, one column per table.
 * Loads made since that build are counted and pointed out (run nrp build to include them).
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, help } = parseCommandArgs('status', argv, { ...dbOption, period: { type: 'string' }, json: { type: 'boolean' } });
  if (help) {
    io.stdout(ingestMessages.statusHelp + '\n');
    return EXIT.ok;
  }
  if (values.period === undefined) throw CliError.usage(ingestMessages.needPeriod);
  const period = parsePeriod(values.period);
  if (!period) throw CliError.usage(ingestMessages.badPeriodArg(values.period));
  return withReadWarehouse(resolveDbPath(values.db, io), async (wh) => {
    const sql = await statusSql(wh, periodCode(period));
    if (values.json) io.stdout(JSON.stringify(await wh.all(sql), null, 2) + '\n');
    else io.stdout(formatTable(await runQuery(wh, sql)));
    const unbuilt = await wh.one<{ n: number }>(
      `select count(*) as n from submission_versions v
        where v.is_latest and v.submission_id not in (select submission_id from mart_submission_status where submission_id is not null)`,
    );
    if (unbuilt && unbuilt.n > 0) io.stderr(runMessages.statusUnbuilt(unbuilt.n) + '\n');
    return EXIT.ok;
  });
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The mart pivoted to one row per unit, one column per expected table (in the mart's table order). */
async function statusSql(wh: Warehouse, period: string): Promise<string> {
  let tables: string[];
  try {
    tables = (await wh.all<{ table_name: string }>('select table_name from mart_submission_status group by table_name order by min(table_order)')).map((t) => t.table_name);
  } catch (error) {
    throw new CliError(runMessages.statusNotBuilt(duckdbMessage(error)), { cause: error });
  }
  const missing = quote(ingestMessages.missing);
  const cell = (table: string) =>
    `coalesce(max(case when table_name = ${quote(table)} and arrived then 'v' || version || ' ' || strftime(loaded_at, '%Y-%m-%d %H:%M') end), ${missing}) as "${table.replace(/"/g, '""')}"`;
  return `
    select unit_code, unit_name, ${tables.map(cell).join(', ')}
      from mart_submission_status
     where period = ${quote(period)}
     group by unit_code, unit_name, display_order
     order by display_order`;
}

import { dbOption, parseCommandArgs } from '../args';
import { CliError, EXIT, duckdbMessage } from '../errors';
import type { Io } from '../io';
import { ingestMessages, runMessages } from '../messages';
import { parsePeriod, periodCode } from '../period';
import { formatTable } from '../query/format-table';
import { resolveDbPath, withReadWarehouse, type Warehouse } from '../warehouse';
import { runQuery } from './query';

/**
 * `nrp status --period P`: what arrived, as mart_submission_status has it after the last build:
 * the reporting units, one row each and one column per expected table, then the divisions that
 * lead a key task with their 重点工作进展, each the latest version and its load time, or missing.
 * Two tables rather than one with a kind column: a unit never sends 重点工作进展 and a division
 * never the units' tables, so one table would be half empty. Loads made since that build are
 * counted and pointed out (run nrp build to include them).
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
    const kinds = await submitterTables(wh);
    const code = periodCode(period);
    if (values.json) {
      const rows = [];
      for (const kind of KINDS) if (kinds.has(kind)) rows.push(...(await wh.all(statusSql(kind, kinds.get(kind)!, code, true))));
      io.stdout(JSON.stringify(rows, null, 2) + '\n');
    } else {
      const heading = { unit: ingestMessages.statusUnitsHeading, division: ingestMessages.statusDivisionsHeading };
      const parts: string[] = [];
      for (const kind of KINDS) {
        if (!kinds.has(kind)) continue;
        const result = await runQuery(wh, statusSql(kind, kinds.get(kind)!, code, false));
        if (kind === 'division' && result.rows.length === 0) continue;
        parts.push(`${heading[kind]}\n${formatTable(result)}`);
      }
      io.stdout(parts.join('\n'));
    }
    const unbuilt = await wh.one<{ n: number }>(
      `select count(*) as n from submission_versions v
        where v.is_latest and v.submission_id not in (select submission_id from mart_submission_status where submission_id is not null)`,
    );
    if (unbuilt && unbuilt.n > 0) io.stderr(runMessages.statusUnbuilt(unbuilt.n) + '\n');
    return EXIT.ok;
  });
}

const KINDS = ['unit', 'division'] as const;
type Kind = (typeof KINDS)[number];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The expected tables of each submitter kind, in the mart's table order. */
async function submitterTables(wh: Warehouse): Promise<Map<Kind, string[]>> {
  try {
    const rows = await wh.all<{ submitter_kind: Kind; table_name: string }>(
      'select submitter_kind, table_name from mart_submission_status group by submitter_kind, table_name order by min(table_order)',
    );
    const tables = new Map<Kind, string[]>();
    for (const r of rows) tables.set(r.submitter_kind, [...(tables.get(r.submitter_kind) ?? []), r.table_name]);
    return tables;
  } catch (error) {
    throw new CliError(runMessages.statusNotBuilt(duckdbMessage(error)), { cause: error });
  }
}

/**
 * The mart pivoted to one row per submitter of `kind`, one column per expected table. The JSON
 * keeps the unit_code / unit_name keys for both kinds (and says which kind); the text table heads
 * a division's columns division_code / division_name.
 */
function statusSql(kind: Kind, tables: string[], period: string, json: boolean): string {
  const missing = quote(ingestMessages.missing);
  const cell = (table: string) =>
    `coalesce(max(case when table_name = ${quote(table)} and arrived then 'v' || version || ' ' || strftime(loaded_at, '%Y-%m-%d %H:%M') end), ${missing}) as "${table.replace(/"/g, '""')}"`;
  const who = kind === 'division' && !json ? 'unit_code as division_code, unit_name as division_name' : 'unit_code, unit_name';
  return `
    select ${json ? 'submitter_kind, ' : ''}${who}, ${tables.map(cell).join(', ')}
      from mart_submission_status
     where period = ${quote(period)} and submitter_kind = ${quote(kind)}
     group by submitter_kind, unit_code, unit_name, display_order
     order by display_order`;
}

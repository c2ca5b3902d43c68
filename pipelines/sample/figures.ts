import { DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import { ingestSql } from '../ingest/sql';
import { installRuleMacros } from '../models/macros';
import { Warehouse } from '../warehouse';
import { iso, quarterEnd, quarterStart } from './dates';
import type { LedgerRow } from './ledger';
import type { PatchRow } from './patches';

/**
 * The figures kpis.md computes from the detail tables, for the 指标进度 rows a unit that keeps its
 * own tally declares (and for tuning the generator). They are not worked out here: the generator's
 * rows go into an in-memory DuckDB and sql/ingest/computed_from_details.sql computes them with the
 * KPI macros of sql/macros/kpi.sql, the query ingest checks declared values with, on the macros the
 * models use. So the sample declares what the warehouse will compute, by the same rules.
 */
export interface DetailFigure {
  /** Rates: numerator and denominator (null for amounts). */
  numerator: number | null;
  denominator: number | null;
  /** The value: 亩 or 亿元 for amounts, percent for rates (null where the denominator is 0). */
  computed: number | null;
}

/** indicator_code → figure; an indicator is absent where its table has no rows. */
export type DetailFigures = Map<string, DetailFigure>;

const LEDGER_COLUMNS = `file_id integer, supply_method varchar, land_use varchar, area_mu double, is_stock boolean, price_wan double,
  supply_date date, agreed_start_date date, agreed_completion_date date, actual_start_date date,
  actual_completion_date date, extended_start_date date, extended_completion_date date`;
const PATCH_COLUMNS = 'file_id integer, batch varchar, occupied_farmland_mu double, illegal_farmland_mu double';

export class DetailCalculator {
  private constructor(private readonly db: Warehouse) {}

  static async open(): Promise<DetailCalculator> {
    const db = await Warehouse.open(':memory:');
    try {
      await installRuleMacros(db, { temp: true });
      await db.run(`create table check_land_supply (${LEDGER_COLUMNS}); create table check_patches (${PATCH_COLUMNS})`);
      return new DetailCalculator(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** What the detail tables of one quarterly snapshot give, as ingest and the models compute it. */
  async figures(ledger: readonly LedgerRow[], patches: readonly PatchRow[], year: number, quarter: number): Promise<DetailFigures> {
    await this.db.run('delete from check_land_supply; delete from check_patches');
    await this.append('check_land_supply', ledger, (a, r) => {
      a.appendInteger(1);
      a.appendVarchar(r.method);
      a.appendVarchar(r.use);
      a.appendDouble(r.area);
      a.appendBoolean(r.stock);
      appendNumber(a, r.price);
      for (const d of [r.supply, r.agreedStart, r.agreedEnd, r.actualStart, r.actualEnd, r.extStart, r.extEnd]) appendDay(a, d);
    });
    await this.append('check_patches', patches, (a, p) => {
      a.appendInteger(1);
      a.appendVarchar(`${year}Q${p.batch}`);
      a.appendDouble(p.occupied);
      a.appendDouble(p.illegal);
    });
    const rows = await this.db.all<{ indicator_code: string } & DetailFigure>(
      ingestSql('computed_from_details', {
        files: `(select 1 as file_id, date '${iso(quarterStart(year, 1))}' as year_start, date '${iso(quarterEnd(year, quarter))}' as period_end, '${year}Q${quarter}' as period)`,
      }),
    );
    return new Map(rows.map((r) => [r.indicator_code, { numerator: r.numerator, denominator: r.denominator, computed: r.computed }]));
  }

  close(): void {
    this.db.close();
  }

  private async append<T>(table: string, rows: readonly T[], write: (a: DuckDBAppender, row: T) => void): Promise<void> {
    const appender = await this.db.connection.createAppender(table);
    try {
      for (const row of rows) {
        write(appender, row);
        appender.endRow();
      }
    } finally {
      appender.closeSync();
    }
  }
}

function appendNumber(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendDouble(v);
}

/** Days since 1970-01-01 are DuckDB's own date representation. */
function appendDay(a: DuckDBAppender, d: number | null): void {
  if (d === null) a.appendNull();
  else a.appendDate(new DuckDBDateValue(d));
}

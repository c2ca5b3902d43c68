/**
 * Hand-built submissions for the model tests. Ingest is written at the same time by another
 * engineer, so these helpers insert rows straight into the registry `submissions` and the raw
 * tables, exactly as ingest would leave them (values typed, canonical list values); the models
 * cannot tell the difference, since staging reads only those tables.
 */
import { projectPath } from '../../pipelines/paths';
import { openForWrite, type Warehouse } from '../../pipelines/warehouse';
import { buildWarehouse, type BuildOptions } from '../../pipelines/models';
import type { IndicatorProgressRow } from '../../reports/mart';

export type TableName = '指标进度' | '供地台账' | '卫片图斑' | '重点工作进展';

export interface SummaryRow {
  code: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface ParcelRow {
  id: string;
  method?: '出让' | '划拨';
  use?: string;
  area: number;
  stock?: boolean;
  price?: number | null;
  supplied: string;
  agreedStart: string;
  agreedCompletion: string;
  actualStart?: string | null;
  actualCompletion?: string | null;
  extendedStart?: string | null;
  extendedCompletion?: string | null;
}

export interface PatchRow {
  id: string;
  batch: string;
  occupied: number;
  illegal: number;
  judgement?: '合法' | '违法' | '其他';
}

/** A fresh in-memory warehouse: migrated and seeded from the project's seeds. */
export async function freshWarehouse(): Promise<Warehouse> {
  return openForWrite(':memory:');
}

let fileCounter = 0;

/**
 * Registers one table snapshot (next version for unit × period × table) and returns its id. A
 * division's snapshot is registered the same way, with its code as unit_code (key-task-warehouse.ts).
 */
export async function register(wh: Warehouse, unit: string, period: string, table: TableName, rows: number): Promise<number> {
  const next = await wh.one<{ v: number }>(
    'select coalesce(max(version), 0) + 1 as v from submissions where unit_code = ? and period = ? and table_name = ?',
    [unit, period, table],
  );
  fileCounter += 1;
  const row = await wh.one<{ id: number }>(
    `insert into submissions (submission_id, unit_code, period, table_name, version, file_name, sha256, row_count, loaded_at, warnings)
     values (nextval('submission_id_seq'), ?, ?, ?, ?, ?, ?, ?, current_localtimestamp(), []::varchar[]) returning submission_id as id`,
    [unit, period, table, next!.v, `${unit}_${period}_${table}_${fileCounter}.csv`, `sha-${fileCounter}`, rows],
  );
  return row!.id;
}

export async function submitSummary(wh: Warehouse, unit: string, period: string, rows: SummaryRow[]): Promise<number> {
  const id = await register(wh, unit, period, '指标进度', rows.length);
  for (const [i, r] of rows.entries()) {
    await wh.run('insert into raw_indicator_progress values (?, ?, ?, ?, ?, ?, null)', [
      id, i + 2, r.code, r.value ?? null, r.numerator ?? null, r.denominator ?? null,
    ]);
  }
  return id;
}

export async function submitLedger(wh: Warehouse, unit: string, period: string, rows: ParcelRow[]): Promise<number> {
  const id = await register(wh, unit, period, '供地台账', rows.length);
  for (const [i, r] of rows.entries()) {
    const method = r.method ?? '出让';
    await wh.run(
      `insert into raw_land_supply values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as date), cast(? as date), cast(? as date),
              cast(? as date), cast(? as date), cast(? as date), cast(? as date))`,
      [
        id, i + 2, r.id, `项目${r.id}`, method, r.use ?? '工业', r.area, r.stock ?? false,
        r.price === undefined ? (method === '出让' ? 0 : null) : r.price,
        r.supplied, r.agreedStart, r.agreedCompletion, r.actualStart ?? null, r.actualCompletion ?? null,
        r.extendedStart ?? null, r.extendedCompletion ?? null,
      ],
    );
  }
  return id;
}

export async function submitPatches(wh: Warehouse, unit: string, period: string, rows: PatchRow[]): Promise<number> {
  const id = await register(wh, unit, period, '卫片图斑', rows.length);
  for (const [i, r] of rows.entries()) {
    await wh.run('insert into raw_patches values (?, ?, ?, ?, ?, ?, ?, null)', [
      id, i + 2, r.id, r.batch, r.occupied, r.illegal, r.judgement ?? (r.illegal > 0 ? '违法' : '合法'),
    ]);
  }
  return id;
}

/**
 * The seeds the model tests are worked out against: a frozen copy of seeds/ (2023 plan), so that
 * changes to the sample allocations in seeds/targets.csv do not move the hand-computed results.
 */
export const TEST_SEEDS = projectPath('test/fixtures/models/seeds');

export async function build(wh: Warehouse, options: BuildOptions = {}) {
  return buildWarehouse(wh, { seedsDir: TEST_SEEDS, ...options });
}

/** One row of mart_indicator_progress (throws where it is absent). */
export async function progressRow(wh: Warehouse, period: string, unit: string, indicator: string): Promise<IndicatorProgressRow> {
  const row = await wh.one<IndicatorProgressRow>(
    `select * exclude (period_end), cast(period_end as varchar) as period_end from mart_indicator_progress
      where period = ? and unit_code = ? and indicator_code = ?`,
    [period, unit, indicator],
  );
  if (!row) throw new Error(`no mart row for ${period} ${unit} ${indicator}`);
  return row;
}

/** The nine reporting units, in display order. */
export const UNITS = ['330402', '330411', '330421', '330424', '330481', '330482', '330483', 'JXETDZ', 'JXPORT'] as const;

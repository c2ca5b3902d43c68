import type { Warehouse } from '../warehouse';
import type { UnitRow } from './identity';
import type { FileReport, TableLoad } from './types';

export interface RegistryRow {
  submission_id: number;
  unit_code: string;
  period: string;
  table_name: string;
  sheet_name: string | null;
  version: number;
  row_count: number;
  latest: boolean;
}

/** Who a file is from and for when (identify.ts), and for a CSV the one table it holds. */
export interface SubmissionKey {
  unitCode: string;
  period: string;
  /** A CSV's table (from its name); a workbook's tables are those its bytes were loaded as. */
  table?: string;
}

/**
 * The registry rows holding these bytes for the same unit (or division) and period (and, for a
 * CSV, table), when every one is still the latest version (or, with `anyVersion`, when they were
 * loaded at all): a duplicate. Bytes loaded for another unit, period or table do not count: a
 * CSV's unit and period come from its name, so 南湖区_2023Q2_指标进度.csv holding the same bytes
 * as 南湖区_2023Q1_指标进度.csv (figures that did not change) is Q2's submission. Which version
 * is the latest is the registry view submission_versions' to say (sql/migrations/030).
 */
export async function duplicateOf(wh: Warehouse, sha256: string, key: SubmissionKey, anyVersion: boolean): Promise<RegistryRow[] | undefined> {
  const rows = await wh.all<RegistryRow>(
    `select submission_id, unit_code, period, table_name, sheet_name, version, row_count, is_latest as latest
     from submission_versions where sha256 = ? and unit_code = ? and period = ?${key.table ? ' and table_name = ?' : ''} order by table_name`,
    [sha256, key.unitCode, key.period, ...(key.table ? [key.table] : [])],
  );
  return rows.length > 0 && (anyVersion || rows.every((r) => r.latest)) ? rows : undefined;
}

/** The file report of a duplicate: the registry rows that already hold its bytes. */
export function asDuplicate(report: FileReport, rows: RegistryRow[], units: UnitRow[]): FileReport {
  const [first] = rows;
  return {
    ...report, status: 'duplicate', unit_code: first.unit_code, period: first.period,
    unit_name: units.find((u) => u.code === first.unit_code)?.name ?? null,
    tables: rows.map((d) => ({ table_name: d.table_name as TableLoad['table_name'], sheet_name: d.sheet_name, rows: d.row_count, version: d.version, submission_id: d.submission_id })),
  };
}

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

/**
 * The registry rows holding these bytes, when every one is still the latest version (or, with
 * `anyVersion`, when they were loaded at all): a duplicate. Which version is the latest is
 * the registry view submission_versions' to say (sql/migrations/030), nobody else's.
 */
export async function duplicateOf(wh: Warehouse, sha256: string, anyVersion: boolean): Promise<RegistryRow[] | undefined> {
  const rows = await wh.all<RegistryRow>(
    `select submission_id, unit_code, period, table_name, sheet_name, version, row_count, is_latest as latest
     from submission_versions where sha256 = ? order by table_name`,
    [sha256],
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

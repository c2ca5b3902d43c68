import type { Warehouse } from '../warehouse';

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
 * `anyVersion`, when they were loaded at all): a duplicate.
 */
export async function duplicateOf(wh: Warehouse, sha256: string, anyVersion: boolean): Promise<RegistryRow[] | undefined> {
  const rows = await wh.all<RegistryRow>(
    `select s.submission_id, s.unit_code, s.period, s.table_name, s.sheet_name, s.version, s.row_count,
            s.version = (select max(m.version) from submissions m where m.unit_code = s.unit_code and m.period = s.period and m.table_name = s.table_name) as latest
     from submissions s where s.sha256 = ? order by s.table_name`,
    [sha256],
  );
  return rows.length > 0 && (anyVersion || rows.every((r) => r.latest)) ? rows : undefined;
}

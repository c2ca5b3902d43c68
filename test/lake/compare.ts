/**
 * Comparing relations of two DuckDB databases exactly: both attached read-only to one in-memory
 * DuckDB, compared with EXCEPT ALL both ways (every row, every column, duplicates counted) and by a
 * fingerprint (md5 of every row's text, sorted). A row's text spells each DOUBLE in its shortest
 * round-trip form, which names one double and only one, so equal fingerprints mean equal bits.
 */
import { Warehouse } from '../../pipelines/warehouse';

export interface RelationPrint {
  rows: number;
  md5: string;
  columns: string;
}

export async function withBoth<T>(a: string, b: string, work: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await Warehouse.open(':memory:');
  try {
    await wh.run(`attach '${a.replace(/'/g, "''")}' as a (read_only); attach '${b.replace(/'/g, "''")}' as b (read_only)`);
    return await work(wh);
  } finally {
    wh.close();
  }
}

/** Rows of `relation` in one database that the other lacks (EXCEPT ALL, both ways). */
export async function differingRows(wh: Warehouse, relation: string): Promise<{ onlyA: number; onlyB: number }> {
  const onlyA = await wh.one<{ n: number }>(`select count(*) as n from (from a.${relation} except all from b.${relation})`);
  const onlyB = await wh.one<{ n: number }>(`select count(*) as n from (from b.${relation} except all from a.${relation})`);
  return { onlyA: onlyA?.n ?? -1, onlyB: onlyB?.n ?? -1 };
}

export async function fingerprint(wh: Warehouse, database: 'a' | 'b', relation: string): Promise<RelationPrint> {
  const print = await wh.one<{ rows: number; md5: string }>(
    `select count(*) as rows, md5(coalesce(string_agg(r, chr(10) order by r), '')) as md5
       from (select cast(x as varchar) as r from ${database}.${relation} x)`);
  const columns = await wh.all<{ c: string }>(
    `select column_name || ' ' || data_type as c from duckdb_columns()
      where database_name = ? and schema_name = 'main' and table_name = ? order by column_index`,
    [database, relation]);
  return { rows: print?.rows ?? -1, md5: print?.md5 ?? '', columns: columns.map((c) => c.c).join(', ') };
}

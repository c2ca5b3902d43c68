import { layerOf } from '../dictionary/relations';
import type { Warehouse } from '../warehouse';
import type { LakeColumn, LakeLayer } from './manifest';

/**
 * Which relations of the warehouse go into the lake, and how each is laid out:
 *
 * - seeds, the registry (submissions, the view submission_versions, bulletin_issues,
 *   bulletin_published_values, nrp_schema), the raw tables and the marts; staging and
 *   intermediate relations are not exported: a build over the lake makes them again;
 * - a relation with a `period` column is partitioned by it, in Hive folders
 *   `year=YYYY/period=YYYYQn`, so that a reader filtering on a period opens only its files;
 * - a raw table has no period of its own: its rows go with the period of their submission
 *   (submission_id), so that a re-exported period carries its raw rows along;
 * - the seeds and nrp_schema have no period: one file each, read whole (a build reads every seed
 *   whole, and they are a few kB); a seed's `year` column stays an ordinary column.
 */
export interface ExportedRelation {
  name: string;
  layer: LakeLayer;
  kind: 'table' | 'view';
  description: string;
  columns: LakeColumn[];
  partitioning: 'period' | 'submission' | 'none';
}

const EXPORTED_LAYERS: readonly LakeLayer[] = ['seed', 'registry', 'raw', 'mart'];

export async function exportedRelations(wh: Warehouse): Promise<ExportedRelation[]> {
  const relations = await wh.all<{ name: string; kind: 'table' | 'view'; comment: string | null }>(`
    select table_name as name, 'table' as kind, comment from duckdb_tables() where schema_name = 'main' and not temporary
    union all
    select view_name, 'view', comment from duckdb_views() where schema_name = 'main' and not internal and not temporary`);
  const columns = await wh.all<{ relation: string; name: string; type: string; comment: string | null }>(`
    select table_name as relation, column_name as name, data_type as type, comment
    from duckdb_columns() where schema_name = 'main' and not internal
    order by table_name, column_index`);
  const byRelation = new Map<string, LakeColumn[]>();
  for (const c of columns) {
    const list = byRelation.get(c.relation) ?? [];
    list.push({ name: c.name, type: c.type, description: c.comment ?? '' });
    byRelation.set(c.relation, list);
  }
  const out: ExportedRelation[] = [];
  for (const r of relations) {
    const layer = layerOf(r.name) as LakeLayer;
    if (!EXPORTED_LAYERS.includes(layer)) continue;
    // Views of the registry only (submission_versions): a view elsewhere would be a model.
    if (r.kind === 'view' && layer !== 'registry') continue;
    const cols = byRelation.get(r.name) ?? [];
    const partitioning = cols.some((c) => c.name === 'period') ? 'period' : layer === 'raw' ? 'submission' : 'none';
    out.push({ name: r.name, layer, kind: r.kind, description: (r.comment ?? '').trim(), columns: cols, partitioning });
  }
  return out;
}

/** The periods a relation holds rows for (raw tables: the periods of their submissions). */
export function periodsSql(relation: ExportedRelation): string {
  if (relation.partitioning === 'period') return `select distinct period from ${relation.name}`;
  if (relation.partitioning === 'submission') {
    return `select distinct s.period from submissions s where s.submission_id in (select submission_id from ${relation.name})`;
  }
  return 'select null as period where false';
}

/**
 * The rows of one partition (period null: the whole relation), in a fixed order so that the same
 * warehouse gives the same bytes: a table's insertion order (rowid: load order, source_row within
 * a snapshot; a seed's CSV order, which the mart_main_targets catalogue order relies on); a view's
 * rows sorted by every column.
 */
export function partitionSql(relation: ExportedRelation, period: string | null): string {
  const order = relation.kind === 'table' ? 'order by rowid' : 'order by all';
  const p = period === null ? '' : `'${period.replace(/'/g, "''")}'`;
  switch (relation.partitioning) {
    case 'none':
      return `select * from ${relation.name} ${order}`;
    case 'period':
      return `select * from ${relation.name} where period = ${p} ${order}`;
    case 'submission':
      return `select * from ${relation.name} where submission_id in (select submission_id from submissions where period = ${p}) ${order}`;
  }
}

export const PERIOD_PATTERN = /^(\d{4})Q[1-4]$/;

/** `raw_patches/year=2023/period=2023Q2/data.parquet`; `units/data.parquet`. */
export function partitionPath(relation: string, period: string | null): string {
  if (period === null) return `${relation}/data.parquet`;
  return `${relation}/year=${period.slice(0, 4)}/period=${period}/data.parquet`;
}

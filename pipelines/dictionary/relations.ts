import { SEED_TABLES, type Warehouse } from '../warehouse';

export interface Relation {
  name: string;
  kind: 'table' | 'view';
  layer: string;
  description: string;
}

export interface Column {
  name: string;
  type: string;
  nullable: boolean;
  description: string;
}

/** The layer a relation belongs to, from its name: the naming convention is the map. */
export function layerOf(name: string): string {
  if ((SEED_TABLES as readonly string[]).includes(name)) return 'seed';
  if (name === 'submissions' || name === 'submission_versions' || name.startsWith('nrp_') || name.startsWith('bulletin_')) return 'registry';
  if (name.startsWith('raw_')) return 'raw';
  if (name.startsWith('stg_')) return 'staging';
  if (name.startsWith('int_')) return 'intermediate';
  if (name.startsWith('mart_')) return 'mart';
  return 'other';
}

const LAYER_ORDER = ['seed', 'registry', 'raw', 'staging', 'intermediate', 'mart', 'other'];

/** Every user relation with its comment (set by `COMMENT ON` in the migration, seed or model). */
export async function listRelations(wh: Warehouse): Promise<Relation[]> {
  const rows = await wh.all<{ name: string; kind: 'table' | 'view'; comment: string | null }>(`
    select table_name as name, 'table' as kind, comment from duckdb_tables() where schema_name = 'main' and not internal and not temporary
    union all
    select view_name, 'view', comment from duckdb_views() where schema_name = 'main' and not internal and not temporary`);
  return rows
    .map((r) => ({ name: r.name, kind: r.kind, layer: layerOf(r.name), description: firstLine(r.comment ?? '') }))
    .sort((a, b) => LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) || a.name.localeCompare(b.name));
}

export async function describeRelation(wh: Warehouse, name: string): Promise<Column[]> {
  const rows = await wh.all<{ name: string; type: string; nullable: boolean; comment: string | null }>(
    `select column_name as name, data_type as type, is_nullable as nullable, comment
       from duckdb_columns() where schema_name = 'main' and table_name = ? order by column_index`,
    [name],
  );
  return rows.map((r) => ({ name: r.name, type: r.type, nullable: r.nullable, description: r.comment ?? '' }));
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

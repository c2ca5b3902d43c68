/**
 * What must hold of a warehouse whatever happened to it (a kill, a hostile file): every registry
 * row has exactly its row_count rows in its raw table, and no raw row lacks a registry row.
 * The query returns the rows that break it; none means the registry agrees with the raw tables.
 */
export const REGISTRY_DISAGREES_WITH_RAW_TABLES = `
  with raw as (
    select submission_id, count(*) as n, '指标进度' as t from raw_indicator_progress group by all
    union all select submission_id, count(*), '供地台账' from raw_land_supply group by all
    union all select submission_id, count(*), '卫片图斑' from raw_patches group by all)
  select coalesce(s.submission_id, raw.submission_id) as id, s.row_count, raw.n
    from submissions s full join raw on raw.submission_id = s.submission_id and raw.t = s.table_name
   where s.submission_id is null or coalesce(raw.n, 0) <> s.row_count`;

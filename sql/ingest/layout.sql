-- Where a landed table's rows of other kinds are (row_kind, sql/ingest/macros.sql): how many total
-- rows it has, and where its footer starts: the first footer row (填表说明, 备注, 填表人 …) after the
-- first data row. Footer rows above every data row are notes under the header, skipped the same way
-- (notes_above). {{landed}} holds every landed row with source_row and row_kind.
with first_data as (select min(source_row) as r from {{landed}} where row_kind is null)
select
  count(*) filter (where row_kind in ('合计', '总计', '小计', '累计'))                                   as total_rows,
  min(source_row) filter (where row_kind = 'footer' and source_row > (select r from first_data))       as footer_from,
  count(*) filter (where row_kind = 'footer' and source_row < coalesce((select r from first_data), 2147483647)) as notes_above
from {{landed}}

-- Where each landed table's rows of other kinds are (row_kind, sql/ingest/macros.sql), in one pass
-- over every file of a kind: how many total rows it has, its first data row and its first footer
-- row (填表说明, 备注, 填表人 …); `special` counts every row that is not a data row (blank rows too).
-- The footer starts at the first footer row after the first data row; when a footer row comes
-- first (notes right under the header), layout_notes.sql says where the footer starts after them.
-- {{landed}} holds every landed row with file_id, source_row and row_kind.
select
  file_id,
  count(row_kind)                                                   as special,
  count(*) filter (where row_kind in ('合计', '总计', '小计', '累计')) as total_rows,
  min(source_row) filter (where row_kind is null)                   as first_data,
  min(source_row) filter (where row_kind = 'footer')                as first_footer
from {{landed}}
group by file_id

-- The rows from each table's footer's first row ({{files}}: file_id and footer_from) on, but blank
-- and total rows: each is a row of the footer (notes, signatures, a stamp, a date: skipped),
-- unless it holds data, which must not come after the footer: its identifying column and one of
-- its figures filled ({{data_like}}, from tables.ts: identifying and figures). Such a row is an
-- error at its identifying cell ({{id_col}}, {{id_raw}}).
select
  l.file_id,
  source_row,
  {{id_col}}  as col,
  {{id_raw}}  as raw,
  'data_after_footer' as code,
  cast(f.footer_from as varchar) as detail,
  (row_kind is null and {{data_like}}) as data_like
from {{landed}} as l
join {{files}} as f on f.file_id = l.file_id
where source_row >= f.footer_from and (row_kind is null or row_kind = 'footer')

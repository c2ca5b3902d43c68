-- Tables whose first footer row comes before their first data row ({{files}}: file_id and
-- first_data, null when a table has none): those rows are notes under the header, skipped
-- (notes_above) without starting the footer, which starts at the first footer row after the first
-- data row.
select
  l.file_id,
  count(*) filter (where l.row_kind = 'footer' and l.source_row < coalesce(f.first_data, 2147483647)) as notes_above,
  min(l.source_row) filter (where l.row_kind = 'footer' and l.source_row > f.first_data)             as footer_from
from {{landed}} as l
join {{files}} as f on f.file_id = l.file_id
group by l.file_id

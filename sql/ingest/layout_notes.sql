-- A table whose first footer row comes before its first data row ({{first_data}}; null when it
-- has none): those rows are notes under the header, skipped (notes_above) without starting the
-- footer, which starts at the first footer row after the first data row.
select
  count(*) filter (where row_kind = 'footer' and source_row < coalesce({{first_data}}, 2147483647)) as notes_above,
  min(source_row) filter (where row_kind = 'footer' and source_row > {{first_data}})              as footer_from
from {{landed}}

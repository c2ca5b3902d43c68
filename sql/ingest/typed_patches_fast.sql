-- The fast path for a 卫片图斑 CSV: DuckDB's read_csv has already parsed the two areas as DOUBLE
-- ({{landed}}, one file's data rows); a file that only holds plain values needs no text clean-up.
-- {{view}} gets the same shape as typed_patches.sql gives, as a view: the check and the load each scan the landed
-- table once more (a CASE and a cheap nrp_text per row), which costs less than copying a million
-- rows into another temp table (measured: about 0.5 s of CPU less per million rows).
-- fast_patches_check.sql then decides whether the file is clean; if not, ingest reads it again
-- as text and runs the full checks for precise errors.
create or replace temp view {{view}} as
select
  file_id,
  source_row,
  patch_id                        as v_patch_id,
  {{batch_period}}                as v_batch,
  occupied_farmland_mu            as v_occupied_farmland_mu,
  illegal_farmland_mu             as v_illegal_farmland_mu,
  judgement                       as v_judgement,
  nrp_text(rectification_status)  as v_rectification_status,
  -- the cells as read, for the size limits (fast_patches_check.sql)
  batch                           as raw_batch,
  rectification_status            as raw_rectification_status
from {{landed}}
where not (patch_id is null and batch is null and occupied_farmland_mu is null and illegal_farmland_mu is null
           and judgement is null and rectification_status is null);

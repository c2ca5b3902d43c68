-- Accepted 卫片图斑 rows into the raw table: {{typed}} (typed rows with file_id: typed_patches, or
-- one file's view on the CSV fast path) under each file's registry row ({{map}}: file_id →
-- submission_id).
insert into raw_patches
select m.submission_id, t.source_row, t.v_patch_id, t.v_batch, t.v_occupied_farmland_mu, t.v_illegal_farmland_mu, t.v_judgement, t.v_rectification_status
from {{typed}} as t
join {{map}} as m on m.file_id = t.file_id;

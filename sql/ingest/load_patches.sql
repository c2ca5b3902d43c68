-- Accepted 卫片图斑 rows into the raw table: {{rows}} (typed rows, of typed_patches or of one file's
-- view on the CSV fast path, with the submission_id of each file's registry row).
insert into raw_patches
select t.submission_id, t.source_row, t.v_patch_id, t.v_batch, t.v_occupied_farmland_mu, t.v_illegal_farmland_mu, t.v_judgement, t.v_rectification_status
from {{rows}} as t;

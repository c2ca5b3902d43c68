-- Accepted 卫片图斑 rows into the raw table, under registry row {{submission_id}}.
insert into raw_patches
select {{submission_id}}, source_row, v_patch_id, v_batch, v_occupied_farmland_mu, v_illegal_farmland_mu, v_judgement, v_rectification_status
from typed_patches;

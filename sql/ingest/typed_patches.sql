-- 卫片图斑 rows landed as text ({{landed}}: every file checked, with file_id), normalised. 监测批次 goes through {{batch_period}},
-- a CASE expression over the file's distinct 监测批次 texts, each read by pipelines/period.ts
-- (the one period parser) in ingest. Rows blank in every column are dropped. Only typed values
-- are kept: errors_patches.sql joins the raw text back for the few rows that break a rule.
create or replace temp table typed_patches as
select
  file_id,
  source_row,
  nrp_text(patch_id)                          as v_patch_id,
  {{batch_period}}                            as v_batch,
  nrp_num(occupied_farmland_mu, '亩')         as v_occupied_farmland_mu,
  nrp_num(illegal_farmland_mu, '亩')          as v_illegal_farmland_mu,
  nrp_judgement(judgement)                    as v_judgement,
  nrp_text(rectification_status)              as v_rectification_status
from {{landed}}
where (strlen(patch_id) > 3 and not contains(patch_id, ' '))
   or not (nrp_blank(patch_id) and nrp_blank(batch) and nrp_blank(occupied_farmland_mu) and nrp_blank(illegal_farmland_mu)
           and nrp_blank(judgement) and nrp_blank(rectification_status));

-- 卫片图斑 rows staged as text ({{stage}}), normalised. 监测批次 is mapped through batch_map
-- (raw text → period), which ingest fills from pipelines/period.ts for the distinct values.
create or replace temp table typed_patches as
select
  s.source_row,
  s.patch_id, s.batch, s.occupied_farmland_mu, s.illegal_farmland_mu, s.judgement, s.rectification_status,
  case when nrp_blank(s.patch_id) then null else trim(s.patch_id, ' 　') end                     as v_patch_id,
  b.period                                                                                      as v_batch,
  b.year                                                                                        as v_batch_year,
  b.quarter                                                                                     as v_batch_quarter,
  nrp_num(s.occupied_farmland_mu, '亩')                                                         as v_occupied_farmland_mu,
  nrp_num(s.illegal_farmland_mu, '亩')                                                          as v_illegal_farmland_mu,
  nrp_judgement(s.judgement)                                                                    as v_judgement,
  case when nrp_blank(s.rectification_status) then null else trim(s.rectification_status, ' 　') end as v_rectification_status
from {{stage}} as s
left join batch_map as b on b.raw = s.batch
where not (nrp_blank(s.patch_id) and nrp_blank(s.batch) and nrp_blank(s.occupied_farmland_mu)
       and nrp_blank(s.illegal_farmland_mu) and nrp_blank(s.judgement) and nrp_blank(s.rectification_status));

-- Every rule of submissions.md for 卫片图斑, for every file checked: (file_id, source_row, col, raw,
-- code, detail). year and period are the file's (ingest_files). t holds the rows that break a
-- row-level rule (one cheap filter pass); only the duplicate check reads the whole table.
with t as materialized (
  select x.*, s.patch_id, s.batch, s.occupied_farmland_mu, s.illegal_farmland_mu, s.judgement, f.year, f.period
  from typed_patches as x
  join ingest_files as f on f.file_id = x.file_id
  join {{landed}} as s on s.file_id = x.file_id and s.source_row = x.source_row
  where v_patch_id is null or v_batch is null or v_occupied_farmland_mu is null or v_illegal_farmland_mu is null
     or v_judgement is null or v_occupied_farmland_mu < 0 or v_illegal_farmland_mu < 0
     or v_illegal_farmland_mu > v_occupied_farmland_mu + 1e-9 or (v_judgement = '合法' and v_illegal_farmland_mu <> 0)
     or v_batch not like f.year || 'Q%' or v_batch > f.period
),
required as (
  select file_id, source_row, col, raw, 'required' as code, null as detail
  from (
    select file_id, source_row,
           unnest(['patch_id', 'batch', 'occupied_farmland_mu', 'illegal_farmland_mu', 'judgement']) as col,
           unnest([patch_id, batch, occupied_farmland_mu, illegal_farmland_mu, judgement]) as raw
    from t
    where nrp_blank(patch_id) or nrp_blank(batch) or nrp_blank(occupied_farmland_mu)
       or nrp_blank(illegal_farmland_mu) or nrp_blank(judgement)
  )
  where nrp_blank(raw)
),
checks as (
  select file_id, source_row, 'occupied_farmland_mu' as col, occupied_farmland_mu as raw, 'not_a_number' as code, '亩' as detail
  from t where v_occupied_farmland_mu is null and not nrp_blank(occupied_farmland_mu)
  union all
  select file_id, source_row, 'illegal_farmland_mu', illegal_farmland_mu, 'not_a_number', '亩'
  from t where v_illegal_farmland_mu is null and not nrp_blank(illegal_farmland_mu)
  union all
  select file_id, source_row, 'occupied_farmland_mu', occupied_farmland_mu, 'negative', null from t where v_occupied_farmland_mu < 0
  union all
  select file_id, source_row, 'illegal_farmland_mu', illegal_farmland_mu, 'negative', null from t where v_illegal_farmland_mu < 0
  union all
  select file_id, source_row, 'illegal_farmland_mu', illegal_farmland_mu, 'illegal_exceeds_occupied', occupied_farmland_mu
  from t where v_illegal_farmland_mu > v_occupied_farmland_mu + 1e-9
  union all
  select file_id, source_row, 'illegal_farmland_mu', illegal_farmland_mu, 'legal_with_illegal_area', null
  from t where v_judgement = '合法' and v_illegal_farmland_mu <> 0
  union all
  select file_id, source_row, 'judgement', judgement, 'not_in_list', '合法、违法、其他' from t where v_judgement is null and not nrp_blank(judgement)
  union all
  select file_id, source_row, 'batch', batch, 'batch_unreadable', null from t where v_batch is null and not nrp_blank(batch)
  union all
  select file_id, source_row, 'batch', batch, 'batch_out_of_range', year || 'Q1–' || period
  from t where v_batch not like year || 'Q%' or v_batch > period
),
duplicates as (
  select file_id, unnest(rows[2:]) as source_row, 'patch_id' as col, v_patch_id as raw, 'duplicate' as code, cast(rows[1] as varchar) as detail
  from (select file_id, v_patch_id, list(source_row order by source_row) as rows from typed_patches where v_patch_id is not null group by file_id, v_patch_id having count(*) > 1)
)
select * from required
union all select * from checks
union all select * from duplicates

-- Whether the fast path's typed rows of one file ({{typed}}) are clean: no row breaks a rule and no value needs the
-- text clean-up (spaces around an id, a no-value mark, an infinite number), and 图斑编号 is unique.
-- (IN lists here, unlike in the macros: once per query, DuckDB's join for them is the fast way.)
select
  count(*) filter (where
    v_patch_id is null or v_patch_id in ('-', '--', '—', '——', '–', '－', '/', '／', '无')
    or v_patch_id like ' %' or v_patch_id like '% ' or v_patch_id like '%　%'
    or v_batch is null or v_batch not like '{{year}}Q%' or v_batch > '{{period}}'
    or v_occupied_farmland_mu is null or v_illegal_farmland_mu is null
    or not isfinite(v_occupied_farmland_mu) or not isfinite(v_illegal_farmland_mu)
    or v_occupied_farmland_mu < 0 or v_illegal_farmland_mu < 0
    or v_illegal_farmland_mu > v_occupied_farmland_mu + 1e-9
    or v_judgement is null or v_judgement not in ('合法', '违法', '其他')
    or (v_judgement = '合法' and v_illegal_farmland_mu <> 0)
  ) as bad,
  -- Distinct hashes, not strings: a quarter cheaper. A collision only sends a clean file down the
  -- text path, whose duplicate check compares the ids themselves.
  count(*) - count(distinct hash(v_patch_id)) as duplicates,
  -- The longest cell, in bytes (strlen: never fewer than the characters the limit counts): a file
  -- whose cells may break the size limit (limits.ts) is read again as text, where the limits are
  -- checked in full. (A file holding NUL never takes the fast path: land-csv.ts.)
  greatest(max(strlen(v_patch_id)), max(strlen(raw_batch)), max(strlen(v_judgement)), max(strlen(raw_rectification_status))) as longest,
  count(*) as rows
from {{typed}}

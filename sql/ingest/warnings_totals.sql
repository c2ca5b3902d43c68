-- Total rows (合计, 总计, 小计, 累计) checked against the detail rows they cover (submissions.md,
-- "Total rows, notes and signatures"). The detail rows are the table's loaded rows ({{typed}});
-- total rows are never details, so a 合计 under blocks with 小计 rows sums the blocks' rows, not
-- their 小计 rows as well.
--   小计                covers the detail rows since the previous 小计 (all rows above, for the first);
--   合计, 总计, 累计    cover every detail row above them; one above every detail row (a total
--                       put right under the header, as statistical tables do) covers every one below.
-- Each typed cell of a summed column ({{cells}}: the columns of tables.ts `summed`) that differs
-- from the sum it covers by more than 0.01 is a warning (total_mismatch), with that sum as the
-- detail; one that is not a number is a warning too (total_not_a_number). Neither is loaded: the
-- figures come from the detail rows. A formula saved without its result (`=SUM(…)`, from a program
-- that does not calculate) holds no typed figure and sums the rows itself: it is not checked.
-- {{landed}} is every landed row (with row_kind). The detail rows are summed in one pass by
-- segment: the rows up to each total row ({{segment_of}}: the first total row below a detail row,
-- 2147483647 after the last), and each total adds up the segments it covers.
with totals as materialized (
  select source_row, row_kind as word, {{total_cells}}
  from {{landed}}
  where row_kind in ('合计', '总计', '小计', '累计')
),
segments as (
  select {{segment_of}} as closing_row, count(*) as n, {{segment_sums}}
  from {{typed}} as detail
  group by all
),
first_detail as (select coalesce(min(source_row), 2147483647) as r from {{typed}}),
ranges as (
  select *,
    case
      when word = '小计' then coalesce(max(case when word = '小计' then source_row end)
                                         over (order by source_row rows between unbounded preceding and 1 preceding), 0)
      when source_row < (select r from first_detail) then source_row
      else 0
    end as covers_after,
    case when word <> '小计' and source_row < (select r from first_detail) then 2147483647 else source_row end as covers_up_to
  from totals
),
covered as (
  select r.*, {{sums}}
  from ranges as r
  left join segments as s on s.closing_row > r.covers_after and s.closing_row <= r.covers_up_to
  group by all
),
cells as ({{cells}}),
typed as (select *, nrp_num(raw, unit) as typed from cells where not nrp_blank(raw) and not starts_with(raw, '='))
select
  source_row, col, raw,
  case when typed is null then 'total_not_a_number' else 'total_mismatch' end as code,
  regexp_replace(printf('%.4f', coalesce(computed, 0)), '\.?0+$', '') as detail,
  word
from typed
where typed is null or abs(typed - coalesce(computed, 0)) > 0.01 + 1e-9

-- The indicators that come from the detail tables (source land_supply or patches), computed from
-- check_land_supply and check_patches (the detail rows of one submission per file_id, in
-- raw-table columns) with the KPI macros the models use (sql/macros/kpi.sql), so the rules are
-- written once. Used by ingest to warn when 指标进度 declares a different value (every file of a
-- batch at once), and by the sample generator (pipelines/sample/figures.ts) for the values a unit
-- that keeps its own tally declares. {{files}} gives each file_id its reporting window:
-- year_start and period_end bound it; period is its code.
-- One row per file and indicator: numerator and denominator for rates, computed = the value
-- (percent for rates, null where the denominator is 0); no rows where the table has no rows.
with ls as (
  select
    l.*,
    f.year_start,
    f.period_end,
    kpi_in_window(l.supply_date, f.year_start, f.period_end) as in_window,
    kpi_due_date(l.extended_start_date, l.agreed_start_date) as start_due_date,
    kpi_due_date(l.extended_completion_date, l.agreed_completion_date) as completion_due_date
  from check_land_supply as l
  join {{files}} as f on f.file_id = l.file_id
),
flags as (
  select
    *,
    kpi_is_due(start_due_date, actual_start_date, year_start, period_end) as start_due,
    kpi_is_done(start_due_date, actual_start_date, year_start, period_end) as started,
    kpi_is_due(completion_due_date, actual_completion_date, year_start, period_end) as completion_due,
    kpi_is_done(completion_due_date, actual_completion_date, year_start, period_end) as completed
  from ls
),
p as (
  select c.*, kpi_batch_in_window(c.batch, f.period) as in_window
  from check_patches as c
  join {{files}} as f on f.file_id = c.file_id
),
figures as (
  select file_id, 'land_supply' as indicator_code, 'cumulative' as kind,
         sum(area_mu) filter (where in_window) as amount,
         cast(null as double) as numerator, cast(null as double) as denominator,
         count(*) as detail_rows
  from flags group by file_id
  union all
  select file_id, 'industrial_share', 'rate', null,
         sum(area_mu) filter (where in_window and supply_method = '出让' and land_use = '工业'),
         sum(area_mu) filter (where in_window and supply_method = '出让'),
         count(*)
  from flags group by file_id
  union all
  select file_id, 'transfer_revenue', 'cumulative', sum(price_wan) filter (where in_window and supply_method = '出让') / 10000, null, null, count(*)
  from flags group by file_id
  union all
  select file_id, 'stock_land_revitalized', 'cumulative', sum(area_mu) filter (where in_window and is_stock), null, null, count(*)
  from flags group by file_id
  union all
  select file_id, 'commencement_rate', 'rate', null, count(*) filter (where started), count(*) filter (where start_due), count(*)
  from flags group by file_id
  union all
  select file_id, 'completion_rate', 'rate', null, count(*) filter (where completed), count(*) filter (where completion_due), count(*)
  from flags group by file_id
  union all
  -- the patches of the reporting year's batches up to the period (kpi_batch_in_window)
  select file_id, 'illegal_farmland_ratio', 'rate', null,
         sum(illegal_farmland_mu) filter (where in_window), sum(occupied_farmland_mu) filter (where in_window), count(*)
  from p group by file_id
)
-- As in the models, an empty sum is 0, not unknown (a ledger without 工业 parcels has a share of 0 %).
select
  file_id,
  indicator_code,
  case when kind = 'rate' then coalesce(numerator, 0) end as numerator,
  case when kind = 'rate' then coalesce(denominator, 0) end as denominator,
  case when kind = 'rate' then kpi_rate(coalesce(numerator, 0), coalesce(denominator, 0)) else coalesce(amount, 0) end as computed
from figures
where detail_rows > 0

-- The indicators that come from the detail tables (source land_supply or patches), computed the
-- way kpis.md says, from check_land_supply and check_patches (the detail rows of the same
-- submission, in raw-table columns). Used to warn when 指标进度 declares a different value.
-- {{year_start}} and {{period_end}} bound the reporting window; {{year}} is its year.
with ls as (from check_land_supply),
window_rows as (from ls where supply_date between date '{{year_start}}' and date '{{period_end}}'),
due as (
  select
    coalesce(extended_start_date, agreed_start_date) <= date '{{period_end}}'
      and (actual_start_date is null or actual_start_date >= date '{{year_start}}') as start_due,
    coalesce(extended_start_date, agreed_start_date) <= date '{{period_end}}'
      and (actual_start_date is null or actual_start_date >= date '{{year_start}}')
      and actual_start_date <= date '{{period_end}}' as started,
    coalesce(extended_completion_date, agreed_completion_date) <= date '{{period_end}}'
      and (actual_completion_date is null or actual_completion_date >= date '{{year_start}}') as completion_due,
    coalesce(extended_completion_date, agreed_completion_date) <= date '{{period_end}}'
      and (actual_completion_date is null or actual_completion_date >= date '{{year_start}}')
      and actual_completion_date <= date '{{period_end}}' as completed
  from ls
),
p as (from check_patches where batch like '{{year}}Q%' and batch <= '{{period}}'),
figures as (
  select 'land_supply' as indicator_code, sum(area_mu) as numerator, null::double as denominator, 'cumulative' as kind,
         (select count(*) from ls) as detail_rows from window_rows
  union all
  select 'industrial_share', sum(area_mu) filter (where supply_method = '出让' and land_use = '工业'),
         sum(area_mu) filter (where supply_method = '出让'), 'rate', (select count(*) from ls) from window_rows
  union all
  select 'transfer_revenue', sum(price_wan) filter (where supply_method = '出让') / 10000, null, 'cumulative', (select count(*) from ls) from window_rows
  union all
  select 'stock_land_revitalized', sum(area_mu) filter (where is_stock), null, 'cumulative', (select count(*) from ls) from window_rows
  union all
  select 'commencement_rate', count(*) filter (where started), count(*) filter (where start_due), 'rate', (select count(*) from ls) from due
  union all
  select 'completion_rate', count(*) filter (where completed), count(*) filter (where completion_due), 'rate', (select count(*) from ls) from due
  union all
  select 'illegal_farmland_ratio', sum(illegal_farmland_mu), sum(occupied_farmland_mu), 'rate', (select count(*) from check_patches) from p
)
select
  indicator_code,
  case when kind = 'rate' then case when denominator > 0 then 100 * numerator / denominator end
       else coalesce(numerator, 0) end as computed
from figures
where detail_rows > 0

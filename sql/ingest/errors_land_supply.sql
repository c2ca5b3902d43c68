-- Every rule of submissions.md for 供地台账, one error row per offending cell, for every file
-- checked: (file_id, source_row, col = column key, raw = text as typed, code, detail). period_end
-- is the last day of the file's period (ingest_files).
with t as (select x.*, f.period_end from typed_land_supply as x join ingest_files as f on f.file_id = x.file_id),
required as (
  select file_id, source_row, col, raw, 'required' as code, null as detail
  from (
    select file_id, source_row, unnest(['parcel_id', 'project_name', 'supply_method', 'land_use', 'area_mu', 'is_stock',
                               'supply_date', 'agreed_start_date', 'agreed_completion_date']) as col,
           unnest([parcel_id, project_name, supply_method, land_use, area_mu, is_stock,
                   supply_date, agreed_start_date, agreed_completion_date]) as raw
    from t
  )
  where nrp_blank(raw)
),
numbers as (
  select file_id, source_row, 'area_mu' as col, area_mu as raw, 'not_a_number' as code, '亩' as detail from t where not nrp_blank(area_mu) and v_area_mu is null
  union all
  select file_id, source_row, 'price_wan', price_wan, 'not_a_number', '万元' from t where not nrp_blank(price_wan) and v_price_wan is null
  union all
  select file_id, source_row, 'area_mu', area_mu, 'not_positive', null from t where v_area_mu <= 0
  union all
  select file_id, source_row, 'price_wan', price_wan, 'negative', null from t where v_price_wan < 0
  union all
  select file_id, source_row, 'price_wan', price_wan, 'required', '出让' from t where v_supply_method = '出让' and nrp_blank(price_wan)
  union all
  select file_id, source_row, 'price_wan', price_wan, 'price_for_allocation', null from t where v_supply_method = '划拨' and v_price_wan <> 0
),
dates as (
  select file_id, source_row, col, raw, 'not_a_date' as code, null as detail
  from (
    select file_id, source_row,
           unnest(['supply_date', 'agreed_start_date', 'agreed_completion_date', 'actual_start_date',
                   'actual_completion_date', 'extended_start_date', 'extended_completion_date']) as col,
           unnest([supply_date, agreed_start_date, agreed_completion_date, actual_start_date,
                   actual_completion_date, extended_start_date, extended_completion_date]) as raw,
           unnest([v_supply_date, v_agreed_start_date, v_agreed_completion_date, v_actual_start_date,
                   v_actual_completion_date, v_extended_start_date, v_extended_completion_date]) as v
    from t
    where v_supply_date is null or v_agreed_start_date is null or v_agreed_completion_date is null
       or (v_actual_start_date is null and not nrp_blank(actual_start_date))
       or (v_actual_completion_date is null and not nrp_blank(actual_completion_date))
       or (v_extended_start_date is null and not nrp_blank(extended_start_date))
       or (v_extended_completion_date is null and not nrp_blank(extended_completion_date))
  )
  where v is null and not nrp_blank(raw)
  union all
  select file_id, source_row, 'supply_date', supply_date, 'after_period_end', null from t where v_supply_date > period_end
  union all
  select file_id, source_row, 'actual_start_date', actual_start_date, 'after_period_end', null from t where v_actual_start_date > period_end
  union all
  select file_id, source_row, 'actual_completion_date', actual_completion_date, 'after_period_end', null from t where v_actual_completion_date > period_end
  union all
  select file_id, source_row, 'agreed_completion_date', agreed_completion_date, 'date_order', '约定开工日期 ' || strftime(v_agreed_start_date, '%Y-%m-%d')
  from t where v_agreed_completion_date < v_agreed_start_date
  union all
  select file_id, source_row, 'actual_completion_date', actual_completion_date, 'date_order', '实际开工日期 ' || strftime(v_actual_start_date, '%Y-%m-%d')
  from t where v_actual_completion_date < v_actual_start_date
  union all
  select file_id, source_row, 'actual_completion_date', actual_completion_date, 'requires_actual_start', null
  from t where v_actual_completion_date is not null and nrp_blank(actual_start_date)
),
lists as (
  select file_id, source_row, 'supply_method' as col, supply_method as raw, 'not_in_list' as code,
         '出让、划拨（挂牌出让、拍卖出让、招标出让、协议出让 视为 出让）' as detail
  from t where not nrp_blank(supply_method) and v_supply_method is null
  union all
  select file_id, source_row, 'land_use', land_use, 'not_in_list', '工业、商服、住宅、公共管理与公共服务、交通运输、其他（可带“用地”）'
  from t where not nrp_blank(land_use) and v_land_use is null
  union all
  select file_id, source_row, 'is_stock', is_stock, 'not_in_list', '是、否' from t where not nrp_blank(is_stock) and v_is_stock is null
),
duplicates as (
  select file_id, unnest(rows[2:]) as source_row, 'parcel_id' as col, v_parcel_id as raw, 'duplicate' as code, cast(rows[1] as varchar) as detail
  from (select file_id, v_parcel_id, list(source_row order by source_row) as rows from t where v_parcel_id is not null group by file_id, v_parcel_id having count(*) > 1)
)
select * from required
union all select * from numbers
union all select * from dates
union all select * from lists
union all select * from duplicates

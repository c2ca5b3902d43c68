-- 供地台账 rows landed as text ({{landed}}: the data rows of every file checked, file_id,
-- source_row and one VARCHAR per column key), normalised: raw text kept beside each typed value
-- (v_*) for the error report. Rows blank in every column (Excel leaves them behind) are dropped.
create or replace temp table typed_land_supply as
select
  file_id,
  source_row,
  parcel_id, project_name, supply_method, land_use, area_mu, is_stock, price_wan,
  supply_date, agreed_start_date, agreed_completion_date, actual_start_date,
  actual_completion_date, extended_start_date, extended_completion_date,
  nrp_text(parcel_id)                                                            as v_parcel_id,
  nrp_text(project_name)                                                         as v_project_name,
  nrp_supply_method(supply_method)                                               as v_supply_method,
  nrp_land_use(land_use)                                                         as v_land_use,
  nrp_num(area_mu, '亩')                                                         as v_area_mu,
  nrp_yes_no(is_stock)                                                           as v_is_stock,
  nrp_num(price_wan, '万元')                                                     as v_price_wan,
  nrp_date(supply_date)                                                          as v_supply_date,
  nrp_date(agreed_start_date)                                                    as v_agreed_start_date,
  nrp_date(agreed_completion_date)                                               as v_agreed_completion_date,
  nrp_date(actual_start_date)                                                    as v_actual_start_date,
  nrp_date(actual_completion_date)                                               as v_actual_completion_date,
  nrp_date(extended_start_date)                                                  as v_extended_start_date,
  nrp_date(extended_completion_date)                                             as v_extended_completion_date
from {{landed}}
-- (a row whose every cell is empty or a no-value mark: the cheap null test first, then the marks)
where coalesce(parcel_id, project_name, supply_method, land_use, area_mu, is_stock, price_wan, supply_date,
               agreed_start_date, agreed_completion_date, actual_start_date, actual_completion_date,
               extended_start_date, extended_completion_date) is not null
  and (not nrp_blank(parcel_id) or not nrp_blank(project_name) or not nrp_blank(area_mu) or not nrp_blank(supply_date)
       or not (nrp_blank(supply_method) and nrp_blank(land_use) and nrp_blank(is_stock) and nrp_blank(price_wan)
               and nrp_blank(agreed_start_date) and nrp_blank(agreed_completion_date) and nrp_blank(actual_start_date)
               and nrp_blank(actual_completion_date) and nrp_blank(extended_start_date) and nrp_blank(extended_completion_date)));

-- Accepted 供地台账 rows into the raw table, under registry row {{submission_id}}.
insert into raw_land_supply
select {{submission_id}}, source_row, v_parcel_id, v_project_name, v_supply_method, v_land_use, v_area_mu, v_is_stock,
       case when v_supply_method = '划拨' then null else v_price_wan end,
       v_supply_date, v_agreed_start_date, v_agreed_completion_date, v_actual_start_date, v_actual_completion_date,
       v_extended_start_date, v_extended_completion_date
from typed_land_supply
order by source_row;

-- Accepted 供地台账 rows into the raw table: {{rows}} (typed rows with the submission_id of each file's
-- registry row).
insert into raw_land_supply
select t.submission_id, t.source_row, t.v_parcel_id, t.v_project_name, t.v_supply_method, t.v_land_use, t.v_area_mu, t.v_is_stock,
       case when t.v_supply_method = '划拨' then null else t.v_price_wan end,
       t.v_supply_date, t.v_agreed_start_date, t.v_agreed_completion_date, t.v_actual_start_date, t.v_actual_completion_date,
       t.v_extended_start_date, t.v_extended_completion_date
from {{rows}} as t
order by t.submission_id, t.source_row;

-- The registry of loaded submissions and the raw tables that ingest writes.
-- Raw tables hold values already normalised and validated by ingest (typed, canonical Chinese
-- list values), one row per source row; only sql/staging reads them.

create sequence if not exists submission_id_seq start 1;

create table if not exists submissions (
  -- No DEFAULT nextval(): DuckDB 1.5 cannot replay a WAL holding COMMENT ON a table whose
  -- default calls a function; ingest takes the id with nextval() in its INSERT instead.
  submission_id bigint primary key,
  unit_code     varchar   not null,
  period        varchar   not null,
  table_name    varchar   not null,
  version       integer   not null,
  file_name     varchar   not null,
  source_path   varchar,
  sheet_name    varchar,
  sha256        varchar   not null,
  row_count     bigint    not null,
  loaded_at     timestamp not null,
  warnings      varchar[] not null default [],
  unique (unit_code, period, table_name, version)
);
comment on table submissions is 'Registry: one row per loaded table snapshot (unit × period × table × version); the newest version is the one models read';
comment on column submissions.submission_id is 'Key that the raw tables refer to';
comment on column submissions.unit_code is 'Reporting unit code, e.g. 330481 (see units)';
comment on column submissions.period is 'Reporting period, e.g. 2023Q2';
comment on column submissions.table_name is 'Submitted table: 指标进度, 供地台账 or 卫片图斑';
comment on column submissions.version is '1 for the first submission of this unit, period and table; each resubmission adds 1';
comment on column submissions.file_name is 'Name of the file the table came from';
comment on column submissions.source_path is 'Path the file was read from at load time';
comment on column submissions.sheet_name is 'Worksheet the table came from (null for CSV)';
comment on column submissions.sha256 is 'SHA-256 of the whole file, hex: the same bytes are never loaded twice';
comment on column submissions.row_count is 'Data rows loaded for this table';
comment on column submissions.loaded_at is 'When the snapshot was loaded (local time)';
comment on column submissions.warnings is 'Warnings raised at load (bilingual text, one per element)';

create table if not exists raw_indicator_progress (
  submission_id    bigint  not null,
  source_row       integer not null,
  indicator_code   varchar not null,
  cumulative_value double,
  numerator        double,
  denominator      double,
  remark           varchar
);
comment on table raw_indicator_progress is 'Raw 指标进度 rows as submitted (normalised), every version';
comment on column raw_indicator_progress.submission_id is 'The snapshot this row belongs to (submissions.submission_id)';
comment on column raw_indicator_progress.source_row is 'Row number in the source sheet or CSV file (1-based, as Excel shows it)';
comment on column raw_indicator_progress.indicator_code is 'Catalogue code (a 指标名称 given instead is resolved to its code)';
comment on column raw_indicator_progress.cumulative_value is '累计完成: year-to-date value in the indicator''s unit';
comment on column raw_indicator_progress.numerator is '分子 of a rate indicator';
comment on column raw_indicator_progress.denominator is '分母 of a rate indicator';
comment on column raw_indicator_progress.remark is '备注';

create table if not exists raw_land_supply (
  submission_id          bigint  not null,
  source_row             integer not null,
  parcel_id              varchar not null,
  project_name           varchar not null,
  supply_method          varchar not null,
  land_use               varchar not null,
  area_mu                double  not null,
  is_stock               boolean not null,
  price_wan              double,
  supply_date            date    not null,
  agreed_start_date      date    not null,
  agreed_completion_date date    not null,
  actual_start_date      date,
  actual_completion_date date,
  extended_start_date    date,
  extended_completion_date date
);
comment on table raw_land_supply is 'Raw 供地台账 rows as submitted (normalised), every version';
comment on column raw_land_supply.submission_id is 'The snapshot this row belongs to (submissions.submission_id)';
comment on column raw_land_supply.source_row is 'Row number in the source sheet or CSV file (1-based, as Excel shows it)';
comment on column raw_land_supply.parcel_id is '地块编号';
comment on column raw_land_supply.project_name is '项目名称';
comment on column raw_land_supply.supply_method is '供地方式: 出让 or 划拨';
comment on column raw_land_supply.land_use is '土地用途: 工业, 商服, 住宅, 公共管理与公共服务, 交通运输, 其他';
comment on column raw_land_supply.area_mu is '供地面积, 亩';
comment on column raw_land_supply.is_stock is '是否存量';
comment on column raw_land_supply.price_wan is '成交价款, 万元 (null for 划拨)';
comment on column raw_land_supply.supply_date is '供地日期';
comment on column raw_land_supply.agreed_start_date is '约定开工日期';
comment on column raw_land_supply.agreed_completion_date is '约定竣工日期';
comment on column raw_land_supply.actual_start_date is '实际开工日期';
comment on column raw_land_supply.actual_completion_date is '实际竣工日期';
comment on column raw_land_supply.extended_start_date is '延期开工日期 (approved extension; replaces 约定开工日期)';
comment on column raw_land_supply.extended_completion_date is '延期竣工日期 (approved extension; replaces 约定竣工日期)';

create table if not exists raw_patches (
  submission_id        bigint  not null,
  source_row           integer not null,
  patch_id             varchar not null,
  batch                varchar not null,
  occupied_farmland_mu double  not null,
  illegal_farmland_mu  double  not null,
  judgement            varchar not null,
  rectification_status varchar
);
comment on table raw_patches is 'Raw 卫片图斑 rows as submitted (normalised), every version';
comment on column raw_patches.submission_id is 'The snapshot this row belongs to (submissions.submission_id)';
comment on column raw_patches.source_row is 'Row number in the source sheet or CSV file (1-based, as Excel shows it)';
comment on column raw_patches.patch_id is '图斑编号';
comment on column raw_patches.batch is '监测批次 as a period, e.g. 2023Q1';
comment on column raw_patches.occupied_farmland_mu is '新增建设占用耕地面积, 亩';
comment on column raw_patches.illegal_farmland_mu is '违法占用耕地面积, 亩';
comment on column raw_patches.judgement is '判定类型: 合法, 违法 or 其他';
comment on column raw_patches.rectification_status is '整改状态 (free text)';

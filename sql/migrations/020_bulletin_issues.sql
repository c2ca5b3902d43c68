-- Bulletins recorded as issued (`nrp report --issue`), and the figures each published, so that a
-- later bulletin for the same period can footnote a figure that changed since (a restatement,
-- after a unit resubmitted). Written only by `nrp report --issue`; the PDF never reads the clock.

create table if not exists bulletin_issues (
  document_number varchar   primary key,
  period          varchar   not null,
  scope           varchar   not null,
  issued_on       date      not null,
  file_name       varchar   not null,
  pdf_sha256      varchar   not null,
  recorded_at     timestamp not null
);
comment on table bulletin_issues is 'Registry: bulletins recorded as issued (nrp report --issue), one row per document number';
comment on column bulletin_issues.document_number is 'Document number (发文字号) from reports/bulletin.config.json, e.g. 嘉自然资规通〔2023〕31号';
comment on column bulletin_issues.period is 'Reporting period the bulletin covers, e.g. 2023Q2';
comment on column bulletin_issues.scope is '330400 for the city bulletin, else the unit code of a one-unit bulletin';
comment on column bulletin_issues.issued_on is 'Issue date printed on the bulletin (from configuration)';
comment on column bulletin_issues.file_name is 'Name of the PDF file written';
comment on column bulletin_issues.pdf_sha256 is 'SHA-256 of the PDF as issued';
comment on column bulletin_issues.recorded_at is 'When the issue was recorded (local time); not printed';

create table if not exists bulletin_published_values (
  document_number varchar not null,
  period          varchar not null,
  unit_code       varchar not null,
  indicator_code  varchar not null,
  actual          double,
  unit_of_measure varchar not null,
  primary key (document_number, unit_code, indicator_code)
);
comment on table bulletin_published_values is 'Registry: every unit × indicator value an issued bulletin published (as in mart_indicator_progress then, unrounded)';
comment on column bulletin_published_values.document_number is 'The bulletin (bulletin_issues.document_number)';
comment on column bulletin_published_values.period is 'Reporting period, e.g. 2023Q2';
comment on column bulletin_published_values.unit_code is 'Unit or aggregate code';
comment on column bulletin_published_values.indicator_code is 'Catalogue code';
comment on column bulletin_published_values.actual is 'Value published (null where the unit had not submitted or it could not be computed)';
comment on column bulletin_published_values.unit_of_measure is 'Unit of the value: 亩, %, 亿元, …';

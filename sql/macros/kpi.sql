-- The KPI rules of docs/spec/kpis.md that more than one place applies, written once as DuckDB
-- macros. Callers: the models (sql/staging, sql/intermediate), ingest's declared-vs-computed
-- warning (sql/ingest/computed_from_details.sql) and the sample generator's declared values
-- (pipelines/sample/figures.ts, which runs computed_from_details.sql in an in-memory DuckDB).
--
-- Where they live (pipelines/models/macros.ts installs every file of sql/macros/):
-- - `nrp build` creates them as persistent macros, in the build's transaction, before the models:
--   staging models are views that other connections (nrp query, reports) expand later, so the
--   macros those views call must be stored in the warehouse beside them.
-- - ingest (which runs before any build) and the sample create them as temp macros of their own
--   connection; a temp macro shadows the stored one of the same name, and both are this text.
-- Every statement here must be `create or replace macro`: the installer rewrites it to
-- `create or replace temp macro` for those callers.
--
-- Y is the period's year, P its end date; year_start is Y-01-01 (int_periods.period_start).

-- The date a parcel must start (or be completed) by: the approved extension where there is one,
-- else the agreed date (start_due = coalesce(延期开工日期, 约定开工日期); 竣工 likewise).
create or replace macro kpi_due_date(extended_date, agreed_date) as
  coalesce(extended_date, agreed_date);

-- The year-to-date window of the ledger's sums: 供地日期 ∈ [Y-01-01, P].
create or replace macro kpi_in_window(supply_date, year_start, period_end) as
  supply_date between year_start and period_end;

-- Commencement (and completion): a parcel is due at P when its due date is ≤ P and it had not
-- started (completed) before Y-01-01. Parcels supplied in earlier years are due like any other.
create or replace macro kpi_is_due(due_date, actual_date, year_start, period_end) as
  due_date <= period_end and (actual_date is null or actual_date >= year_start);

-- Started (completed) ⇔ due ∧ the actual date is ≤ P. Null (not true) where the actual date is
-- empty, which every caller counts as false.
create or replace macro kpi_is_done(due_date, actual_date, year_start, period_end) as
  kpi_is_due(due_date, actual_date, year_start, period_end) and actual_date <= period_end;

-- Patches counted for a period: 监测批次 in the period's year and not after the period. Batches
-- and periods are both written YYYYQn, so text order is time order.
create or replace macro kpi_batch_in_window(batch, period) as
  batch >= substr(period, 1, 4) || 'Q1' and batch <= period;

-- A total of submitted amounts (亩, 万元), taken to 6 decimals. A float sum depends on the order of
-- its terms in its last bits (even fsum's compensated sum), and the order rows reach a sum changes
-- with the threads, the plan and the storage (the warehouse file or the lake's Parquet files): at
-- province size two builds of the same warehouse gave different bits. The amounts are typed with
-- a few decimals, so their exact total is a multiple of 1e-6 and lies far from a rounding edge,
-- while the sum's error is below 1e-9: every order rounds to the same number. (Nothing typed is
-- lost: 1e-6 亩 is 0.0007 m², 1e-6 万元 is 0.01 yuan.) Used on the sums of the detail tables.
create or replace macro kpi_amount(total) as
  round(total, 6);

-- A rate in percent, 100 × n / d; null where d is 0 or null (never 0 % or 100 %). Also the
-- completion of a target (100 × actual / target) and the key tasks' rates.
create or replace macro kpi_rate(n, d) as
  100 * n / nullif(d, 0);

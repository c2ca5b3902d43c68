-- The one home of "the latest version of a submitted table": every model, ingest check and
-- command that needs it reads `submission_versions` (is_latest), never its own window function.
--
-- Also: no function call may stay in a column DEFAULT. DuckDB 1.5 binds a table's defaults when
-- it replays COMMENT ON COLUMN from the write-ahead log, and a function (here `[]`, which is
-- list_value) cannot be bound during replay: a process killed before the next checkpoint left a
-- warehouse that never opened again (duckdb#19712). Ingest always gives `warnings` itself.

alter table submissions alter column warnings drop default;

create or replace view submission_versions as
select
    submissions.*,
    version = max(version) over same_table           as is_latest,
    cast(count(*) over same_table as integer)          as version_count
from submissions
window same_table as (partition by unit_code, period, table_name);

comment on view submission_versions is 'Registry: every loaded table snapshot with is_latest (the version models read) and how many versions of it exist';

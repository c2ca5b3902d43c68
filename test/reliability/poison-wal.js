// Leaves a warehouse whose write-ahead log DuckDB 1.5 cannot replay, the way a release before
// migration 030 could: a schema change that replay cannot bind (COMMENT ON a column whose DEFAULT
// calls a function: duckdb#19712), then an ingest of argv[3] committed after it, then SIGKILL
// before any checkpoint. Used by recover.test.ts (plain JS: runs the compiled dist/ code).
// The file is opened directly and written in place, as releases before the working copy
// (warehouse/shadow.ts) wrote it: through openForWrite a kill leaves the warehouse untouched.
const { Warehouse } = require('../../dist/pipelines/warehouse');
const { ingestFiles } = require('../../dist/pipelines/ingest');
(async () => {
  const wh = await Warehouse.open(process.argv[2]);
  await wh.run('create table poisoned (w varchar[] not null default [])');
  await wh.run("comment on column poisoned.w is 'a default replay cannot bind'");
  const report = await ingestFiles(wh, [process.argv[3]]);
  process.stdout.write(`accepted ${report.accepted}\n`);
  process.kill(process.pid, 'SIGKILL');
})();

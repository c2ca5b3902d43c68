/**
 * One small file's `nrp ingest` in a fresh process, phase by phase, for bench/goals19.bench.ts:
 * `node ingest-child.js DB FILE`. Prints JSON: wall and CPU ms of each phase (CPU of this
 * process: DuckDB's threads included), the ingest steps among them (pipelines/ingest/profile.ts).
 */
const t0 = performance.now();
const phases: { name: string; ms: number; cpu: number }[] = [];
let last = { t: t0, cpu: 0 };
function phase(name: string): void {
  const u = process.cpuUsage();
  const now = { t: performance.now(), cpu: (u.user + u.system) / 1000 };
  phases.push({ name, ms: now.t - last.t, cpu: now.cpu - last.cpu });
  last = now;
}
// (the CPU before t0 is Node's own start, up to this file: the first phase counts it)

async function main(): Promise<void> {
  const [db, file] = process.argv.slice(2);
  const { openForWrite } = await import('../pipelines/warehouse');
  phase('Node, DuckDB and the warehouse code loaded');
  const { ingestFiles, formatReport } = await import('../pipelines/ingest');
  const { collectProfile } = await import('../pipelines/ingest/profile');
  phase('load ingest');
  const wh = await openForWrite(db);
  phase('open the warehouse (schema version, seeds present)');
  const { result, steps } = await collectProfile(() => ingestFiles(wh, [file]));
  phase('ingest');
  wh.close();
  phase('close (checkpoint)');
  formatReport(result);
  phase('the report text');
  process.stdout.write(JSON.stringify({ phases, steps: [...steps].map(([name, s]) => ({ name, ms: s.ms, cpu: s.cpu })) }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

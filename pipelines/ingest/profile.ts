/** NRP_INGEST_PROFILE=1 prints how long each ingest step took (stderr), wall and CPU time (DuckDB's threads included), to find slow steps. */
const on = Boolean(process.env.NRP_INGEST_PROFILE);
let last = 0;
let lastCpu = 0;
export function mark(label: string): void {
  if (!on) return;
  const now = performance.now();
  const usage = process.cpuUsage();
  const cpu = (usage.user + usage.system) / 1000;
  if (last) process.stderr.write(`  [ingest] ${label}: ${(now - last).toFixed(0)} ms (CPU ${(cpu - lastCpu).toFixed(0)} ms)\n`);
  last = now;
  lastCpu = cpu;
}

/**
 * Where ingest's time goes, by step. NRP_INGEST_PROFILE=1 prints each step as it ends (stderr),
 * wall and CPU time (DuckDB's threads included); the benchmarks collect the totals by step
 * instead (`collectProfile`), to give the per-file cost of each step.
 */
let printing = Boolean(process.env.NRP_INGEST_PROFILE);
let totals: Map<string, { ms: number; cpu: number; n: number }> | undefined;
let last = 0;
let lastCpu = 0;

export function mark(label: string): void {
  if (!printing && !totals) return;
  const now = performance.now();
  const usage = process.cpuUsage();
  const cpu = (usage.user + usage.system) / 1000;
  if (last) {
    const step = label.replace(/ (indicator_progress|land_supply|patches|key_task_progress)$/, '');
    if (printing) process.stderr.write(`  [ingest] ${label}: ${(now - last).toFixed(0)} ms (CPU ${(cpu - lastCpu).toFixed(0)} ms)\n`);
    if (totals) {
      const t = totals.get(step) ?? { ms: 0, cpu: 0, n: 0 };
      totals.set(step, { ms: t.ms + now - last, cpu: t.cpu + cpu - lastCpu, n: t.n + 1 });
    }
  }
  last = now;
  lastCpu = cpu;
}

/** Runs `work` with the step totals collected (wall and CPU ms by step, how often each ran). */
export async function collectProfile<T>(work: () => Promise<T>): Promise<{ result: T; steps: Map<string, { ms: number; cpu: number; n: number }> }> {
  const before = printing;
  totals = new Map();
  last = 0;
  printing = false;
  try {
    const result = await work();
    return { result, steps: totals };
  } finally {
    totals = undefined;
    printing = before;
    last = 0;
  }
}

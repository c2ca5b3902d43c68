/** NRP_INGEST_PROFILE=1 prints how long each ingest step took (stderr), to find slow steps. */
const on = Boolean(process.env.NRP_INGEST_PROFILE);
let last = 0;
export function mark(label: string): void {
  if (!on) return;
  const now = performance.now();
  if (last) process.stderr.write(`  [ingest] ${label}: ${(now - last).toFixed(0)} ms\n`);
  last = now;
}

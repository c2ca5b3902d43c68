import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../pipelines/paths';

/**
 * Cold start: `nrp query "select 1"` against a bare `node -e 0`, alternated in the same run so
 * that machine noise hits both. The goal (issue 2) is within 0.5 s of the bare start.
 */
function time(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nrp-bench-start-'));
  try {
    const cli = projectPath('dist/pipelines/cli.js');
    const db = join(dir, 'w.duckdb');
    execFileSync(process.execPath, [cli, 'query', '--db', db, 'select 1'], { stdio: 'ignore' }); // create it first
    const bare: number[] = [];
    const query: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < 15; i++) {
      bare.push(time(['-e', '0'], dir));
      query.push(time([cli, 'query', '--db', db, 'select 1'], dir));
      help.push(time([cli, '--help'], dir));
    }
    const b = median(bare);
    const q = median(query);
    const h = median(help);
    return `## Cold start (bench/startup.bench.ts)

Median of 15 alternating runs; goal: \`nrp query "select 1"\` within 500 ms of \`node -e 0\`.

| command | median ms | over \`node -e 0\` |
|---|---:|---:|
| \`node -e 0\` | ${b.toFixed(0)} | — |
| \`nrp --help\` | ${h.toFixed(0)} | +${(h - b).toFixed(0)} ms |
| \`nrp query "select 1"\` (existing warehouse) | ${q.toFixed(0)} | +${(q - b).toFixed(0)} ms ${q - b <= 500 ? '(goal met)' : '(GOAL MISSED)'} |
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

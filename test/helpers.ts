import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../pipelines/cli';
import { bufferIo } from '../pipelines/io';
import { projectPath } from '../pipelines/paths';

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'nrp-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `nrp …` in this process, capturing what it prints. */
export async function nrp(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const io = bufferIo({ cwd: options.cwd ?? process.cwd(), env: options.env ?? {} });
  const code = await runCli(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** Runs the compiled `nrp` (dist/, built by `npm test` before vitest) as a child process. */
export function nrpProcess(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [projectPath('dist/pipelines/cli.js'), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, CI: 'true', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

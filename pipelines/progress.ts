import type { Io } from './io';

/**
 * Progress for long work. On a terminal one line is redrawn in place; elsewhere (CI, pipes)
 * only stage starts and ends are printed, so logs stay short and readable.
 */
export interface Progress {
  stage(name: string): void;
  tick(done: number, total?: number): void;
  done(summary?: string): void;
}

export function progress(io: Io, options: { quiet?: boolean } = {}): Progress {
  let current = '';
  let started = 0;
  let lastDraw = 0;
  if (options.quiet) return { stage() {}, tick() {}, done() {} };
  return {
    stage(name) {
      current = name;
      started = Date.now();
      if (!io.interactive) io.stderr(`… ${name}\n`);
    },
    tick(done, total) {
      if (!io.interactive) return;
      const now = Date.now();
      if (now - lastDraw < 100) return; // redraw at most ten times a second
      lastDraw = now;
      const share = total ? ` ${Math.floor((100 * done) / total)}%` : '';
      io.stderr(`\r\x1b[2K… ${current}: ${done.toLocaleString('en-US')}${total ? `/${total.toLocaleString('en-US')}` : ''}${share}`);
    },
    done(summary) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const line = `✓ ${current}${summary ? `: ${summary}` : ''} (${seconds} s)`;
      io.stderr(io.interactive ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}

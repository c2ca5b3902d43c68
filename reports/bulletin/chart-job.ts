import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportRow } from '../mart';
import { chartFigures } from './charts';
import { CITY, type ChartFigure } from './model';

/**
 * Drawing the charts, optionally in worker threads started before the rows are known. Vega's compile and render take a
 * second or more of CPU in a fresh process, and pdfmake's layout cannot start without the SVGs.
 * A worker thread loads vega while the main thread opens the warehouse, and draws while the main
 * thread loads pdfmake. With more workers each draws its share (every n-th chart); each chart
 * is drawn alone, by the same function, so the figures do not depend on who drew them.
 *
 * From TypeScript sources (vitest) there is no compiled worker file: the charts are then drawn
 * in process, with the same function, so the result is the same either way.
 */
export interface ChartJob {
  figures(rows: ReportRow[], history: ReportRow[], focus?: string): Promise<ChartFigure[]>;
  /** Stops the workers if they are still running (after an error). */
  close(): void;
}

type Answer = { figures?: (ChartFigure | null)[]; error?: string };

/**
 * `workers`: how many worker threads draw (NRP_CHART_WORKERS; default 0 = in process). Measured
 * on this shared 2-core machine (paired runs, other engineers' work on the other core): a worker
 * costs ~0.6 s more CPU (its own Node bootstrap, vega and fontkit loads, font reads, row copies)
 * and was ~0.15 s slower in wall time, so it is off by default; it may pay on a machine with an
 * idle core (vega loads while the warehouse is read, charts draw while pdfmake loads).
 */
export function startChartJob(workers?: number): ChartJob {
  const file = join(__dirname, 'chart-worker.js');
  if (!workers || !__filename.endsWith('.js') || !existsSync(file)) {
    return { figures: (rows, history, focus = CITY) => chartFigures(rows, history, focus), close: () => undefined };
  }
  const count = Math.max(1, Math.min(workers, availableParallelism()));
  const threads = Array.from({ length: count }, () => {
    const worker = new Worker(file);
    const state = { worker, failure: undefined as Error | undefined };
    worker.once('error', (error) => {
      state.failure = error;
    });
    return state;
  });
  const ask = (state: (typeof threads)[number], job: object) =>
    new Promise<(ChartFigure | null)[]>((resolve, reject) => {
      const { worker } = state;
      if (state.failure) return reject(state.failure);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`chart worker exited (${code}) before answering`)));
      worker.once('message', (answer: Answer) => {
        void worker.terminate();
        if (answer.figures) resolve(answer.figures);
        else reject(new Error(answer.error ?? 'chart worker failed'));
      });
      worker.postMessage(job);
    });
  return {
    async figures(rows, history, focus = CITY) {
      const shares = await Promise.all(threads.map((w, index) => ask(w, { rows, history, focus, index, count })));
      return shares[0].map((_, i) => {
        const figure = shares[i % count][i];
        if (!figure) throw new Error(`chart ${i} was not drawn`);
        return figure;
      });
    },
    close() {
      for (const { worker } of threads) void worker.terminate();
    },
  };
}

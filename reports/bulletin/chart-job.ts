import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportRow } from '../mart';
import { chartFigures } from './charts';
import { CITY, type ChartFigure } from './model';

/**
 * Drawing the charts, started before the rows are known. Vega's compile and render take a
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
 * `workers`: how many worker threads (0 = draw in process; NRP_CHART_WORKERS). Default one: each
 * worker loads and warms up vega on its own (~0.5 s CPU), so a second one only pays on a machine
 * with a core to spare; on this shared 2-core machine two workers cost ~1 s more CPU than one
 * and were slower in wall time as well.
 */
export function startChartJob(workers?: number): ChartJob {
  const file = join(__dirname, 'chart-worker.js');
  if (workers === 0 || !__filename.endsWith('.js') || !existsSync(file)) {
    return { figures: (rows, history, focus = CITY) => chartFigures(rows, history, focus), close: () => undefined };
  }
  const count = Math.max(1, Math.min(workers ?? 1, availableParallelism()));
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

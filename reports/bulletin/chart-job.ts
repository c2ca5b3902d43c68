import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportRow } from '../mart';
import { chartFigures } from './charts';
import { CITY, type ChartFigure } from './model';

/**
 * Drawing the charts, started before the rows are known. Vega's compile and render take a
 * second or more of CPU in a fresh process, and pdfmake's layout cannot start without the SVGs;
 * on a machine with two cores the worker loads vega while the main thread opens the warehouse,
 * and the main thread loads pdfmake while the worker draws.
 *
 * From TypeScript sources (vitest) there is no compiled worker file: the charts are then drawn
 * in process, with the same function, so the result is the same either way.
 */
export interface ChartJob {
  figures(rows: ReportRow[], history: ReportRow[], focus?: string): Promise<ChartFigure[]>;
  /** Stops the worker if it is still running (after an error). */
  close(): void;
}

export function startChartJob(): ChartJob {
  const file = join(__dirname, 'chart-worker.js');
  if (!__filename.endsWith('.js') || !existsSync(file)) {
    return { figures: (rows, history, focus = CITY) => chartFigures(rows, history, focus), close: () => undefined };
  }
  const worker = new Worker(file);
  let failure: Error | undefined;
  worker.once('error', (error) => {
    failure = error;
  });
  return {
    figures(rows, history, focus = CITY) {
      return new Promise<ChartFigure[]>((resolve, reject) => {
        if (failure) return reject(failure);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`chart worker exited (${code}) before answering`)));
        worker.once('message', (answer: { figures?: ChartFigure[]; error?: string }) => {
          void worker.terminate();
          if (answer.figures) resolve(answer.figures);
          else reject(new Error(answer.error ?? 'chart worker failed'));
        });
        worker.postMessage({ rows, history, focus });
      });
    },
    close() {
      void worker.terminate();
    },
  };
}

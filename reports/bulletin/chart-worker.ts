import { parentPort, workerData } from 'node:worker_threads';
import type { ReportRow } from '../mart';
import { chartFigureShare } from './charts';

/**
 * The bulletin's charts in a worker thread (see chart-job.ts): vega and the measuring font load
 * while the main thread reads the warehouse and loads pdfmake, then the charts are drawn while
 * the main thread has nothing else to do but wait. The figures are the same ChartFigure objects
 * chartFigures() returns in process.
 */
interface Job {
  rows: ReportRow[];
  history: ReportRow[];
  focus: string;
  /** This worker draws the charts i with i % count === index. */
  index: number;
  count: number;
}

const port = parentPort;
if (port) {
  const ready = import('../charts').then((charts) => charts.prepareEngines());
  port.once('message', (job: Job) => {
    ready
      .then(() => chartFigureShare(job.rows, job.history, job.focus, job.index, job.count))
      .then(
        (figures) => port.postMessage({ figures }),
        (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  void workerData;
}

import { workerData, type MessagePort } from 'node:worker_threads';
import type { ReportRow } from '../mart';
import type { WorkerMessage } from './chart-job';
import { flushCodeCache, installCodeCache } from '../../pipelines/code-cache';
import { drawChart, planCharts } from './charts';

/**
 * The bulletin's charts in a worker thread (see chart-job.ts): vega and the measuring font load
 * while the main thread reads the warehouse; then the plan goes back first (what the layout
 * needs), and each drawing as soon as it is done, in document order. Every message is followed
 * by a bump of the shared counter, on which the main thread sleeps while it waits.
 */
interface Job {
  rows: ReportRow[];
  history: ReportRow[];
  focus: string;
}

const data = workerData as { port: MessagePort; signal: Int32Array } | undefined;
if (data) {
  installCodeCache();
  const { port, signal } = data;
  const send = (message: WorkerMessage): void => {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  const ready = import('../charts').then((charts) => charts.prepareEngines());
  port.once('message', (job: Job) => {
    void (async () => {
      try {
        await ready;
        const planned = await planCharts(job.rows, job.history, job.focus);
        send({ plan: planned.map((p) => p.figure) });
        for (const [i, p] of planned.entries()) {
          const svg = await drawChart(p);
          // The compiled code of vega and the rest, written before the last drawing goes out:
          // after it the main thread may end this thread at any moment.
          if (i === planned.length - 1) flushCodeCache();
          send({ id: p.figure.id, svg });
        }
        if (planned.length === 0) flushCodeCache();
      } catch (error) {
        send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    })();
  });
}

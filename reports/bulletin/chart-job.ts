import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ReportRow } from '../mart';
import { chartFigures } from './charts';
import { CITY, type ChartDrawings, type ChartFigure } from './model';

/**
 * Drawing the bulletin's charts, in a worker thread when there is a core for it.
 *
 * Vega takes most of a second of CPU in a fresh process for the bulletin's charts, and pdfmake
 * as long again to lay out and draw the pages. Neither needs the other's result until late: the
 * layout needs only each chart's box (known from its spec, chart-box.ts), and a drawing is needed
 * only when the renderer reaches its page. So a worker thread starts first, loads vega while the
 * main thread reads the warehouse, then sends the plan (the charts and their boxes) and each
 * drawing as soon as it is done, while the main thread loads pdfmake, lays the document out and
 * draws its pages, waiting only if it reaches a chart not drawn yet.
 *
 * pdfmake draws synchronously, so the main thread receives synchronously: the worker posts on a
 * MessageChannel and bumps a shared counter, and the main thread takes messages with
 * receiveMessageOnPort, sleeping on the counter (Atomics.wait) while there is none.
 *
 * Without a worker (NRP_CHART_WORKERS=0, a machine with fewer than three cores, or from TypeScript sources under
 * vitest, where there is no compiled worker file) the same functions draw every chart in
 * process before the layout. Either way each chart is drawn alone by the same function from the
 * same spec, so the PDF's bytes do not depend on where the charts were drawn.
 */
export interface ChartJob {
  /** Hands the rows to the worker (or keeps them for later, in process); returns at once. */
  start(rows: ReportRow[], history: ReportRow[], focus?: string): void;
  /** The charts the bulletin prints, in order, with their boxes. */
  plan(): Promise<ChartFigure[]>;
  /** A chart's SVG: synchronous, waits for the worker when the chart is not drawn yet. */
  drawings: ChartDrawings;
  /** Stops the worker (always called, in a finally). */
  close(): void;
}

/** The chart worker failed or went silent: the caller draws the bulletin again in process. */
export class ChartWorkerError extends Error {}

/** How long the main thread waits for one answer of the worker before giving up on it. */
const ANSWER_TIMEOUT_MS = 120_000;

export type WorkerMessage =
  | { plan: ChartFigure[] }
  | { id: string; svg: string }
  | { error: string };

/**
 * `workers`: NRP_CHART_WORKERS (0 = in process; any other number = one worker thread). By
 * default a worker when the machine has three cores or more. The main thread alone keeps more
 * than one core busy (V8 collects garbage and optimises code on helper threads), so on two
 * cores a worker only competes with it: measured on this project's 2-core machines, the worker
 * cost ~0.8 s more CPU and the wall time came out between 6 % better and 6 % worse.
 */
export function startChartJob(workers?: number): ChartJob {
  const file = join(__dirname, 'chart-worker.js');
  const wanted = workers ?? (availableParallelism() >= 3 ? 1 : 0);
  if (wanted === 0 || !__filename.endsWith('.js') || !existsSync(file)) return inProcessJob();
  return startChartJobFrom(file);
}

/** Draws everything in this thread, when the plan is asked for. */
export function inProcessJob(): ChartJob {
  let input: { rows: ReportRow[]; history: ReportRow[]; focus: string } | undefined;
  let drawn = new Map<string, string>();
  return {
    start(rows, history, focus = CITY) {
      input = { rows, history, focus };
    },
    async plan() {
      if (!input) throw new Error('chart job: plan() before start()');
      const { figures, drawings } = await chartFigures(input.rows, input.history, input.focus);
      drawn = drawings;
      return figures;
    },
    drawings(id) {
      const svg = drawn.get(id);
      if (svg === undefined) throw new Error(`chart ${id} was not drawn`);
      return svg;
    },
    close: () => undefined,
  };
}

/** A job whose worker runs `file` (the compiled chart-worker.js; the tests give workers of their own). */
export function startChartJobFrom(file: string): ChartJob {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  // A larger young generation: vega allocates many short-lived objects, and the default
  // semi-space makes the worker spend a tenth of its time in scavenges.
  const worker = new Worker(file, {
    workerData: { port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
  worker.unref();
  // An error event can only arrive while the main thread is not blocked; the worker reports its
  // own failures on the port, and a worker that dies silently runs into the timeout.
  worker.on('error', () => undefined);
  let figures: ChartFigure[] | undefined;
  const drawn = new Map<string, string>();

  const take = (message: WorkerMessage): void => {
    if ('error' in message) throw new ChartWorkerError(message.error);
    if ('plan' in message) figures = message.plan;
    else drawn.set(message.id, message.svg);
  };
  /** Takes the worker's messages until `done()`; sleeps on the shared counter while there is none. */
  const receiveUntil = (done: () => boolean): void => {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while (!done()) {
      const seen = Atomics.load(signal, 0);
      const received = receiveMessageOnPort(port1 as MessagePort);
      if (received) {
        take(received.message as WorkerMessage);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new ChartWorkerError(`no answer from the chart worker in ${ANSWER_TIMEOUT_MS / 1000} s`);
      Atomics.wait(signal, 0, seen, Math.min(left, 1000));
    }
  };

  return {
    start(rows, history, focus = CITY) {
      port1.postMessage({ rows, history, focus });
    },
    async plan() {
      receiveUntil(() => figures !== undefined);
      return figures!;
    },
    drawings(id) {
      if (!figures?.some((f) => f.id === id)) throw new Error(`chart ${id} is not in the plan`);
      receiveUntil(() => drawn.has(id));
      return drawn.get(id)!;
    },
    close() {
      port1.close();
      void worker.terminate();
    },
  };
}

import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BulletinModel, Chart } from '../../reports';

/**
 * `nrp run` on a machine of two cores or more: a second process writes the bulletin PDFs while
 * this one draws the charts and writes the other outputs. Split by library, not by period, so that
 * neither process warms up what the other uses (pdfmake there; vega and the workbook writer here):
 * a quarter's first render costs twice a later one, and a split by period paid that twice. The
 * helper starts when the run starts and loads pdfmake while this process ingests and builds (in
 * `nrp demo`, while it writes the sample); it gets each period's model and chart drawings (plain
 * data, by structured clone), opens no warehouse, and writes the same bytes as this process would.
 * Should it fail, the PDF is written here (an error then comes from here, in the usual words).
 * NRP_RUN_HELPER=0 turns it off.
 */

export interface PdfJob {
  file: string;
  model: BulletinModel;
  drawn: { charts: readonly Chart[]; drawings: ReadonlyMap<string, string> };
}
export type HelperRequest = ({ kind: 'pdf'; id: number } & PdfJob) | { kind: 'stop' };
export type HelperReply = { kind: 'done'; id: number; bytes: number; ms: number } | { kind: 'failed'; id: number; message: string };

export interface PdfHelper {
  /** Renders the bulletin PDF and writes it to `job.file` (atomically); its size and the ms it took. Rejects if the helper fails. */
  write(job: PdfJob): Promise<{ bytes: number; ms: number }>;
  /** Ends the helper. */
  stop(): void;
}

/** The helper, started and loading pdfmake; undefined where it would not pay (one core, NRP_RUN_HELPER=0, run from the TypeScript sources). */
export function startPdfHelper(env: Record<string, string | undefined>): PdfHelper | undefined {
  const script = join(__dirname, 'helper-child.js');
  if (env.NRP_RUN_HELPER === '0' || availableParallelism() < 2 || !__filename.endsWith('.js') || !existsSync(script)) return undefined;
  const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
  const waiting = new Map<number, { resolve: (r: { bytes: number; ms: number }) => void; reject: (e: Error) => void }>();
  const failAll = (why: string) => {
    for (const w of waiting.values()) w.reject(new Error(why));
    waiting.clear();
  };
  child.on('error', (error) => failAll(error.message));
  child.on('exit', (code) => failAll(`the PDF helper ended (${code})`));
  child.on('message', (reply: HelperReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.kind === 'done') w?.resolve({ bytes: reply.bytes, ms: reply.ms });
    else w?.reject(new Error(reply.message));
  });
  let next = 0;
  let stopped = false;
  return {
    write(job) {
      return new Promise((resolve, reject) => {
        if (stopped || !child.connected) return reject(new Error('the PDF helper is not running'));
        const id = ++next;
        waiting.set(id, { resolve, reject });
        child.send({ kind: 'pdf', id, ...job } satisfies HelperRequest, (error) => {
          if (!error) return;
          waiting.delete(id);
          reject(error);
        });
      });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (child.connected) child.send({ kind: 'stop' } satisfies HelperRequest, () => child.connected && child.disconnect());
      if (child.exitCode === null) setTimeout(() => child.kill(), 5000).unref();
    },
  };
}

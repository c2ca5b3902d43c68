import { writeFileAtomic } from '../fsutil';
import type { HelperReply, HelperRequest } from './helper';

/**
 * The PDF helper's process (helper.ts): loads pdfmake and its fonts' code while the run ingests
 * and builds, then renders and writes each bulletin PDF it is sent, one at a time, in order.
 */
const warm = (async () => {
  const reports = await import('../../reports');
  (await import('../../reports/pdf/engine')).pdfEngine();
  return reports;
})();
warm.catch(() => undefined); // (a failure to load is reported with the first request)

let queue: Promise<void> = Promise.resolve();
process.on('disconnect', () => void queue.finally(() => process.exit(0)));
process.on('message', (request: HelperRequest) => {
  if (request.kind === 'stop') return void queue.finally(() => process.disconnect());
  queue = queue.then(async () => {
    let reply: HelperReply;
    try {
      const reports = await warm;
      const started = Date.now();
      const bytes = await reports.renderBulletin(request.model, request.drawn);
      writeFileAtomic(request.file, bytes);
      reply = { kind: 'done', id: request.id, bytes: bytes.length, ms: Date.now() - started };
    } catch (error) {
      reply = { kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
    if (process.connected) process.send!(reply);
  });
});

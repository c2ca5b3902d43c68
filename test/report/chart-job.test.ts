import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartWorkerError, startChartJobFrom } from '../../reports/bulletin/chart-job';
import { nrpProcess, tempDir } from '../helpers';
import { fixtureWarehouse } from './warehouse';

describe('the chart worker', () => {
  const dir = tempDir('nrp-chart-job-');

  it('gives the same PDF bytes as drawing the charts in process (compiled CLI, fresh processes)', async () => {
    const db = await fixtureWarehouse(dir);
    const inWorker = nrpProcess(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'worker')], { env: { NRP_CHART_WORKERS: '1' } });
    expect(inWorker.stderr).toContain('bulletin-2023Q2.pdf');
    expect(inWorker.code).toBe(0);
    const inProcess = nrpProcess(['report', '--period', '2023Q2', '--db', db, '--out', join(dir, 'process')], { env: { NRP_CHART_WORKERS: '0' } });
    expect(inProcess.code).toBe(0);
    const a = readFileSync(join(dir, 'worker', 'bulletin-2023Q2.pdf'));
    const b = readFileSync(join(dir, 'process', 'bulletin-2023Q2.pdf'));
    expect(a.length).toBeGreaterThan(100_000);
    expect(a.equals(b)).toBe(true);
  });

  it('reports a failing worker as a ChartWorkerError, for the caller to draw in process instead', async () => {
    // A worker that answers like the real one would when its drawing throws.
    const file = join(dir, 'failing-worker.js');
    writeFileSync(
      file,
      `const { workerData } = require('node:worker_threads');
       const { port, signal } = workerData;
       port.once('message', () => {
         port.postMessage({ error: 'vega failed' });
         Atomics.add(signal, 0, 1);
         Atomics.notify(signal, 0);
       });`,
    );
    const job = startChartJobFrom(file);
    try {
      job.start([], []);
      await expect(job.plan()).rejects.toBeInstanceOf(ChartWorkerError);
    } finally {
      job.close();
    }
  });

  it('hands out drawings as the worker sends them, waiting for the ones still to come', async () => {
    // The plan first, then the drawings one by one, the last one late.
    const file = join(dir, 'slow-worker.js');
    writeFileSync(
      file,
      `const { workerData } = require('node:worker_threads');
       const { port, signal } = workerData;
       const send = (m) => { port.postMessage(m); Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); };
       port.once('message', () => {
         send({ plan: [{ id: 'a', title: 'A', box: { width: 10, height: 5 }, indicators: [] }, { id: 'b', title: 'B', box: { width: 10, height: 5 }, indicators: [] }] });
         send({ id: 'a', svg: '<svg width="10" height="5"></svg>' });
         setTimeout(() => send({ id: 'b', svg: '<svg width="10" height="6"></svg>' }), 300);
       });`,
    );
    const job = startChartJobFrom(file);
    try {
      job.start([], []);
      const plan = await job.plan();
      expect(plan.map((f) => f.id)).toEqual(['a', 'b']);
      const started = Date.now();
      expect(job.drawings('b')).toBe('<svg width="10" height="6"></svg>');
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(job.drawings('a')).toBe('<svg width="10" height="5"></svg>');
      expect(() => job.drawings('c')).toThrow(/not in the plan/);
    } finally {
      job.close();
    }
  });
});

import { parsePeriod } from '../pipelines/period';
import { withReadWarehouse } from '../pipelines/warehouse';
import { bulletinChartsOf, bulletinPdf, chartsOf, drawCharts, readBulletinConfig, readBulletinModels } from '../reports';
import { pdfEngine, PDF_PATCHES, type PdfPatch } from '../reports/pdf';

/**
 * One measurement of bench/report.bench.ts in a fresh process, since the PDF patches change
 * prototypes for the life of a process: `node report-child.js DB PATCHES ROUNDS`, PATCHES a
 * comma-separated list of reports/pdf/engine.ts PDF_PATCHES (or `none`). Prints JSON: the first
 * render (pdfmake cold) and the median of the later ones (warm), each as CPU ms of this process
 * (all its threads: steadier than wall time on a shared machine) and wall ms, and the PDF's size.
 */
async function main(): Promise<void> {
  const [db, list, rounds] = process.argv.slice(2);
  const patches = (list === 'none' ? [] : list.split(',')) as PdfPatch[];
  for (const p of patches) if (!(p in PDF_PATCHES)) throw new Error(`unknown patch ${p}`);
  pdfEngine(patches);
  const [model] = await withReadWarehouse(db, (wh) => readBulletinModels(wh, readBulletinConfig(), [{ period: parsePeriod('2023Q2')! }]));
  const printed = bulletinChartsOf(model, chartsOf(model));
  const drawings = await drawCharts(printed);
  const cpu: number[] = [];
  const wall: number[] = [];
  let bytes = 0;
  for (let i = 0; i < Number(rounds); i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    bytes = (await bulletinPdf(model, printed, drawings)).length;
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const warm = (xs: number[]) => xs.slice(1).sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  process.stdout.write(JSON.stringify({ firstCpu: cpu[0], warmCpu: warm(cpu), firstWall: wall[0], warmWall: warm(wall), bytes }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

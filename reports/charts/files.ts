import { join } from 'node:path';
import { writeFileAtomic } from '../../pipelines/fsutil';
import { framedSvg } from './frame';
import { svgToPng } from './render';
import type { Chart } from './types';

export const CHART_FORMATS = ['svg', 'png', 'vl.json'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

export interface ChartFileEntry {
  id: string;
  title: string;
  kind: string;
  indicators: string[];
  file: string;
}

/**
 * Writes one file per chart into `dir` (`rank-land_supply.svg` …) and `charts.json` listing them.
 * SVG and PNG are the figures' drawings with their titles (frame.ts); vl.json the full spec.
 * `drawings` must hold every chart for svg and png (draw.ts); `onFile` reports progress.
 */
export function writeChartFiles(
  dir: string,
  period: string,
  charts: readonly Chart[],
  drawings: ReadonlyMap<string, string>,
  options: { format: ChartFormat; scale?: number; onFile?: (done: number, total: number) => void },
): ChartFileEntry[] {
  const manifest: ChartFileEntry[] = [];
  for (const [i, chart] of charts.entries()) {
    const file = `${chart.id}.${options.format}`;
    writeFileAtomic(join(dir, file), chartFile(chart, drawings.get(chart.id), options.format, options.scale ?? 3));
    manifest.push({ id: chart.id, title: chart.title, kind: chart.kind, indicators: chart.indicators, file });
    options.onFile?.(i + 1, charts.length);
  }
  writeFileAtomic(join(dir, 'charts.json'), JSON.stringify({ period, format: options.format, charts: manifest }, null, 2) + '\n');
  return manifest;
}

function chartFile(chart: Chart, drawing: string | undefined, format: ChartFormat, scale: number): string | Buffer {
  if (format === 'vl.json') return JSON.stringify(chart.spec, null, 2) + '\n';
  if (drawing === undefined) throw new Error(`chart ${chart.id} was not drawn`);
  const svg = framedSvg(chart, drawing);
  return format === 'svg' ? svg : svgToPng(svg, scale);
}

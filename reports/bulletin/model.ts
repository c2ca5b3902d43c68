import type { ReportRow } from '../mart';
import type { BulletinConfig } from './config';

/** A submission the bulletin's figures come from (the newest version of each unit × table). */
export interface SubmissionUsed {
  unit_code: string;
  unit_name: string;
  table_name: string;
  version: number;
  file_name: string;
  sha256: string;
  row_count: number;
  loaded_at: string;
  warnings: string[];
}

/** A value an earlier bulletin for the same period published. */
export interface PublishedValue {
  document_number: string;
  issued_on: string;
  unit_code: string;
  indicator_code: string;
  actual: number | null;
}

/**
 * A chart as the document places it: by id, in a box of known size. The drawing itself (an SVG
 * string) is not part of the document: the PDF is laid out from the boxes while the charts are
 * still being drawn, and each SVG is asked for when its page is drawn (render.ts, chart-job.ts).
 */
export interface ChartFigure {
  id: string;
  title: string;
  /** Size of the drawing in pt (1 px = 1 pt), known from the spec before Vega runs (chart-box.ts). */
  box: { width: number; height: number };
  /** Indicator codes the chart shows (placement in 三、分项进展); empty for the overview. */
  indicators: string[];
}

/** The drawn charts: the SVG of a chart of the plan, by id. Called while the PDF is drawn, so synchronous. */
export type ChartDrawings = (id: string) => string;

/** Everything the document is built from: rows and records, no handles, no clock. */
export interface BulletinInput {
  period: string;
  year: number;
  quarter: number;
  /** Unit the bulletin speaks of: `330400` (全市) or one reporting unit. */
  focus: string;
  rows: ReportRow[];
  /** The previous quarter of the same year (ranks then), empty for Q1. */
  previousRows: ReportRow[];
  submissions: SubmissionUsed[];
  published: PublishedValue[];
  charts: ChartFigure[];
  config: BulletinConfig;
  documentNumber: string;
  issuedOn: string;
}

export const CITY = '330400';

export interface UnitInfo {
  code: string;
  name: string;
  kind: ReportRow['unit_kind'];
  order: number;
}

/** Units in display order, from the rows. */
export function unitsOf(rows: readonly ReportRow[]): UnitInfo[] {
  const seen = new Map<string, UnitInfo>();
  for (const r of rows) {
    if (!seen.has(r.unit_code)) seen.set(r.unit_code, { code: r.unit_code, name: r.unit_name, kind: r.unit_kind, order: r.display_order });
  }
  return [...seen.values()].sort((a, b) => a.order - b.order);
}

export function reportingUnits(rows: readonly ReportRow[]): UnitInfo[] {
  return unitsOf(rows).filter((u) => u.kind !== 'aggregate');
}

/** Indicators in catalogue order (the rows' order), each with its first row's descriptive columns. */
export function indicatorsOf(rows: readonly ReportRow[]): ReportRow[] {
  const seen = new Map<string, ReportRow>();
  for (const r of rows) if (!seen.has(r.indicator_code)) seen.set(r.indicator_code, r);
  return [...seen.values()];
}

export function rowFor(rows: readonly ReportRow[], unit: string, indicator: string): ReportRow | undefined {
  return rows.find((r) => r.unit_code === unit && r.indicator_code === indicator);
}

export function rowsOfIndicator(rows: readonly ReportRow[], indicator: string): ReportRow[] {
  return rows.filter((r) => r.indicator_code === indicator);
}

/** Reporting units that sent nothing for the period: every one of their rows is `missing`. */
export function missingUnits(rows: readonly ReportRow[]): UnitInfo[] {
  return reportingUnits(rows).filter((u) => rows.filter((r) => r.unit_code === u.code).every((r) => r.status === 'missing'));
}

export function unitName(rows: readonly ReportRow[], code: string): string {
  return rows.find((r) => r.unit_code === code)?.unit_name ?? code;
}

/** The main targets of the work plan (二、主要目标 一是…十是), grouped by their number. */
export interface Family {
  number: number;
  title: string;
  indicators: ReportRow[];
}

/** Headings of the ten main targets, in the work plan's words. */
const FAMILY_TITLES: Record<number, string> = {
  1: '耕地和永久基本农田保护',
  2: '新增建设用地指标争取',
  3: '国有土地供应',
  4: '耕地建设',
  5: '土地综合整治与生态修复',
  6: '存量土地挖潜',
  7: '节约集约用地',
  8: '违法占用耕地整治',
  9: '国土绿化美化',
  10: '“三改一拆”',
};

export function families(rows: readonly ReportRow[]): Family[] {
  const groups = new Map<number, ReportRow[]>();
  for (const ind of indicatorsOf(rows)) {
    if (ind.main_target === null || ind.main_target === undefined) continue;
    const list = groups.get(ind.main_target) ?? [];
    list.push(ind);
    groups.set(ind.main_target, list);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([number, indicators]) => ({ number, title: FAMILY_TITLES[number] ?? indicators[0].indicator_name, indicators }));
}

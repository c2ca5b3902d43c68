import { CliError } from '../errors';
import { reportMessages, runMessages, xlsxMessages } from '../messages';
import { periodCode, type Period } from '../period';
import type { BulletinModel, Chart, ModelRequest } from '../../reports';

/**
 * The bulletin's formats, for `nrp report --format` and `nrp run --format`: each one a renderer of
 * the bulletin model, parsed once from a comma list (`pdf,html`). A new format is one entry here.
 */
export interface RenderInput {
  model: BulletinModel;
  /** Every model read in the session (the HTML takes the year's earlier quarters of the same scope from them). */
  models: readonly BulletinModel[];
  /** The period's charts and their drawings, where a run drew them already (the PDF places them). */
  drawn?: { charts: readonly Chart[]; drawings: ReadonlyMap<string, string> };
}

export interface ReportFormat {
  /** File extension (`bulletin-2023Q2.html`). */
  extension: string;
  /** The format shows the year's earlier quarters too: read their models in the same session. */
  needsYear: boolean;
  /** The name of its stage in `nrp run`'s timing line. */
  stage(period: string): string;
  render(input: RenderInput): Promise<Buffer>;
}

export const REPORT_FORMATS: Record<string, ReportFormat> = {
  pdf: {
    extension: 'pdf',
    needsYear: false,
    stage: runMessages.stageReport,
    render: async ({ model, drawn }) => (await import('../../reports')).renderBulletin(model, drawn),
  },
  html: {
    extension: 'html',
    needsYear: true,
    stage: reportMessages.stageHtml,
    render: async ({ model, models }) => {
      const html = await import('../../reports/html');
      return html.bulletinHtml(html.pageQuarters(models, model));
    },
  },
  xlsx: {
    extension: 'xlsx',
    needsYear: false,
    stage: xlsxMessages.stageWorkbook,
    render: async ({ model }) => (await import('../../reports/xlsx')).bulletinWorkbook(model),
  },
};

/** `nrp report` writes the PDF unless told otherwise; `nrp run` writes every form of the bulletin: the PDF, the page, the workbook. */
export const DEFAULT_REPORT_FORMATS = ['pdf'];
export const DEFAULT_RUN_FORMATS = ['pdf', 'html', 'xlsx'];

/** `pdf,html` → ['pdf', 'html'] (known names, each once, in the order given); a usage error otherwise. */
export function parseFormats(raw: string | undefined, fallback: readonly string[]): string[] {
  if (raw === undefined) return [...fallback];
  const names = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !(n in REPORT_FORMATS));
  if (names.length === 0 || unknown.length > 0) throw CliError.usage(reportMessages.badFormat(raw, Object.keys(REPORT_FORMATS)));
  return [...new Set(names)];
}

/**
 * The models to read for `periods` (one scope) in the formats asked for: the periods themselves,
 * and the earlier quarters of their years where a format shows them, those the configuration
 * numbers (`configured`: a quarter without a document number had no bulletin). readBulletinModels
 * reads each period once in one session, whatever is asked.
 */
export function modelRequests(periods: readonly Period[], unit: string | undefined, formats: readonly string[], configured: (period: string) => boolean): ModelRequest[] {
  const wanted = new Map<string, Period>();
  const year = formats.some((f) => REPORT_FORMATS[f].needsYear);
  for (const p of periods) {
    for (let q = 1; year && q < p.quarter; q++) {
      const earlier = { year: p.year, quarter: q as Period['quarter'] };
      if (configured(periodCode(earlier))) wanted.set(periodCode(earlier), earlier);
    }
    wanted.set(periodCode(p), p);
  }
  return [...wanted.values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter).map((period) => ({ period, unit }));
}

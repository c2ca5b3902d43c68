import { CliError } from '../errors';
import { runMessages, xlsxMessages } from '../messages';
import type { BulletinModel } from '../../reports/model/types';
import type { Chart } from '../../reports/charts/types';

/** The chart drawings of a run, made once per period and placed by every output that shows charts. */
export interface Drawn {
  charts: readonly Chart[];
  drawings: ReadonlyMap<string, string>;
}

/**
 * The bulletin's output formats, `nrp report --format pdf,xlsx` and `nrp run`: each renders the
 * model to the bytes of `bulletin-<P>.<name>` (reports' bulletinFileName). To add a format, add
 * an entry here; its library is imported only when it is asked for.
 */
export interface BulletinFormat {
  name: string;
  /** The stage name in `nrp run`'s timings. */
  stage(period: string): string;
  render(model: BulletinModel, drawn?: Drawn): Promise<Buffer>;
}

export const BULLETIN_FORMATS: readonly BulletinFormat[] = [
  {
    name: 'pdf',
    stage: runMessages.stageReport,
    render: async (model, drawn) => (await import('../../reports')).renderBulletin(model, drawn),
  },
  {
    name: 'xlsx',
    stage: xlsxMessages.stageWorkbook,
    render: async (model) => (await import('../../reports/xlsx')).bulletinWorkbook(model),
  },
];

/** `pdf,xlsx` → the formats, in the order given, each once; an unknown name is a usage error. */
export function parseFormats(raw: string | undefined, fallback: readonly string[]): BulletinFormat[] {
  const names = raw === undefined ? fallback : raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const known = BULLETIN_FORMATS.map((f) => f.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length || names.length === 0) throw CliError.usage(xlsxMessages.badFormat(raw ?? '', known));
  return [...new Set(names)].map((n) => BULLETIN_FORMATS.find((f) => f.name === n)!);
}

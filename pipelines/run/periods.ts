import { CliError } from '../errors';
import { runMessages } from '../messages';
import { comparePeriods, parsePeriod, periodCode, type Period } from '../period';

export type Wanted = { kind: 'quarter'; period: Period } | { kind: 'year'; year: number };

/** `2023Q2`-style quarters and bare years; anything else is a usage error. */
export function parseWanted(raw: string[]): Wanted[] {
  if (raw.length === 0) throw CliError.usage(runMessages.needPeriod);
  return raw.map((text) => {
    if (/^\s*\d{4}\s*(年)?\s*$/.test(text)) return { kind: 'year', year: Number(text.replace(/\D/g, '')) };
    const period = parsePeriod(text);
    if (!period) throw CliError.usage(runMessages.badPeriod(text));
    return { kind: 'quarter', period };
  });
}

/** Quarters asked for by name, plus every built quarter of the years asked for, in order. */
export function choosePeriods(wanted: Wanted[], built: string[]): Period[] {
  const out = new Set<string>();
  for (const w of wanted) {
    if (w.kind === 'quarter') out.add(periodCode(w.period));
    else {
      const inYear = built.filter((p) => p.startsWith(`${w.year}Q`));
      if (inYear.length === 0) throw new CliError(runMessages.noPeriods(w.year));
      inYear.forEach((p) => out.add(p));
    }
  }
  return [...out].map((p) => parsePeriod(p)!).sort(comparePeriods);
}

import { basename, extname } from 'node:path';
import { closest } from '../args';
import { fileMessages } from '../messages';
import { parsePeriod, periodCode, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import type { IngestIssue } from './types';

/** A reporting unit (units seed), or a division (divisions seed, kind 'division', of one year). */
export interface UnitRow {
  code: string;
  name: string;
  aliases: string[];
  kind: string;
  /** A division's year (divisions are a seed per year); absent for a unit. */
  year?: number;
}

export async function loadUnits(wh: Warehouse): Promise<UnitRow[]> {
  return wh.all<UnitRow>('select code, name, aliases, kind from units order by display_order');
}

/** Every year's divisions (key-tasks.md: they submit like the units, with codes and aliases). */
export async function loadDivisions(wh: Warehouse): Promise<UnitRow[]> {
  return (await loadSubmitters(wh)).divisions;
}

/** The units and every year's divisions, in one query. */
export async function loadSubmitters(wh: Warehouse): Promise<Submitters> {
  const rows = await wh.all<UnitRow & { o: number }>(
    `select code, name, aliases, kind, null::integer as year, 0 as part, display_order as o from units
     union all select code, name, aliases, 'division', year, 1, display_order from divisions order by part, year, o`,
  );
  const strip = ({ o: _o, part: _p, ...u }: UnitRow & { o: number; part?: number }) => (u.year === null ? { ...u, year: undefined } : u);
  return { units: rows.filter((r) => r.kind !== 'division').map(strip), divisions: rows.filter((r) => r.kind === 'division').map(strip) };
}

/** Who may submit: the units, and the divisions of every year. */
export interface Submitters {
  units: UnitRow[];
  divisions: UnitRow[];
}

export const isDivision = (u: UnitRow | undefined): boolean => u?.kind === 'division';

function squash(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

export type UnitResolution = { unit: UnitRow } | { error: { zh: string; en: string } };

const matches = (u: UnitRow, key: string) => squash(u.code) === key || squash(u.name) === key || u.aliases.some((a) => squash(a) === key);

/** A unit by name, alias or code; aggregates are refused; anything else gets the valid names and the closest one. */
export function resolveUnit(raw: string, units: UnitRow[]): UnitResolution {
  const hit = units.find((u) => matches(u, squash(raw)));
  if (hit && hit.kind === 'aggregate') return { error: fileMessages.aggregateUnit(hit.name) };
  if (hit) return { unit: hit };
  const reporting = units.filter((u) => u.kind !== 'aggregate');
  return { error: fileMessages.unknownUnit(nearest(raw, reporting), reporting.map((u) => u.name)) };
}

/**
 * A submitter: a unit (as resolveUnit), else a division by name, alias or code among the
 * divisions of `year` (the period's; any year's when the period is unknown). Anything else gets
 * the valid units and divisions and the closest name of either kind.
 */
export function resolveSubmitter(raw: string, who: Submitters, year: number | undefined): UnitResolution {
  const key = squash(raw);
  const unit = who.units.find((u) => matches(u, key));
  if (unit) return resolveUnit(raw, who.units);
  const ofYear = who.divisions.filter((d) => year === undefined || d.year === year);
  const division = ofYear.find((d) => matches(d, key));
  if (division) return { unit: division };
  const reporting = who.units.filter((u) => u.kind !== 'aggregate');
  const divisions = [...new Map(ofYear.map((d) => [d.name, d])).values()];
  return { error: fileMessages.unknownSubmitter(nearest(raw, [...reporting, ...divisions]), reporting.map((u) => u.name), divisions.map((d) => d.name)) };
}

/** The name of the closest unit or division: by edit distance, else by characters shared. */
function nearest(raw: string, candidates: UnitRow[]): string | undefined {
  const names = candidates.flatMap((u) => [u.name, ...u.aliases]);
  const near = closest(raw.trim(), names) ?? mostShared(raw, names);
  return near ? candidates.find((u) => u.name === near || u.aliases.includes(near))?.name : undefined;
}

/** The candidate sharing the most characters: the closest for names too far for edit distance. */
function mostShared(raw: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const score = [...new Set(c)].filter((ch) => raw.includes(ch)).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** `<单位>_<报告期>.xlsx` or `<单位>_<报告期>_<表名>.csv`; parts are trimmed. */
export function parseFileName(path: string): { unit?: string; period?: string; table?: string } {
  // copies saved by browsers and Windows: `… (1).csv`, `…（2）.xlsx`, `… - 副本.csv`
  const stem = basename(path, extname(path)).trim().replace(/\s*(?:[(（]\d+[)）]|-\s*副本|副本)$/, '').trim();
  const parts = stem.split(/[_＿]/).map((p) => p.trim());
  if (parts.length < 2) return {};
  return { unit: parts[0] || undefined, period: parts[1] || undefined, table: parts.slice(2).join('_') || undefined };
}

/** The unit (or division) and period a file's name gives, when it gives both: for the duplicate check before reading it. */
export function identityByName(path: string, who: Submitters): { unit: UnitRow; period: Period; table?: string } | undefined {
  const named = parseFileName(path);
  const period = named.period ? parsePeriod(named.period) : undefined;
  if (!named.unit || !period) return undefined;
  const r = resolveSubmitter(named.unit, who, period.year);
  return 'unit' in r ? { unit: r.unit, period, table: named.table } : undefined;
}

type Text = { zh: string; en: string };

/** Where 填报信息 names unit and period (workbooks), with the rows of the values. */
export interface SheetIdentity {
  unit?: string;
  period?: string;
  unitRow?: number;
  periodRow?: number;
}

export interface Identity {
  unit?: UnitRow;
  period?: Period;
  errors: IngestIssue[];
}

/**
 * Step 3 of ingest: the unit (or division) and period of a file, from 填报信息 (`sheet`, absent
 * for CSV files and workbooks without that sheet) and the file name. The sheet wins where the
 * name does not follow `<单位>_<报告期>`; where both name one, they must agree, or the file is
 * rejected (a division's file: K8). The period comes first: a division is looked up among the
 * divisions of the period's year.
 */
export function identifySubmission(path: string, sheet: SheetIdentity | undefined, who: Submitters): Identity {
  const file = basename(path);
  const named = parseFileName(path);
  const periodErrors: IngestIssue[] = [];
  const unitErrors: IngestIssue[] = [];
  const period = identifyOne('period', sheet?.period, named.period, sheet?.periodRow, who, undefined, file, periodErrors) as Period | undefined;
  const unit = identifyOne('unit', sheet?.unit, named.unit, sheet?.unitRow, who, period?.year, file, unitErrors) as UnitRow | undefined;
  // a division's file whose 填报信息 contradicts its name: K8 (key-tasks.md), for the unit or the period
  const division = isDivision(unit) || [sheet?.unit, named.unit].some((raw) => raw !== undefined && division_(raw, who, period?.year));
  const errors = [...unitErrors, ...periodErrors].map((e) => (division && (e.code === 'unit_mismatch' || e.code === 'period_mismatch') ? { ...e, code: 'K8' } : e));
  return { unit, period, errors };
}

const division_ = (raw: string, who: Submitters, year: number | undefined) => {
  const r = resolveSubmitter(raw, who, year);
  return 'unit' in r && isDivision(r.unit);
};

function identifyOne(
  what: 'unit' | 'period', fromSheet: string | undefined, fromName: string | undefined, sheetRow: number | undefined,
  who: Submitters, year: number | undefined, file: string, errors: IngestIssue[],
): UnitRow | Period | undefined {
  const resolve = (raw: string) => {
    if (what === 'unit') {
      const r = resolveSubmitter(raw, who, year);
      return 'unit' in r ? { value: r.unit, key: r.unit.code } : { error: r.error };
    }
    const p = parsePeriod(raw);
    return p ? { value: p, key: periodCode(p) } : { error: fileMessages.badPeriod };
  };
  const push = (code: string, text: Text, value: string | null, sheet?: string) => {
    errors.push({
      severity: 'error', code, file, value, sheet, cell: sheet ? `${sheet}!B${sheetRow ?? ''}` : undefined, row: sheet ? sheetRow : undefined,
      column: sheet ? 'B' : undefined, zh: text.zh, en: text.en,
    });
  };
  const code = what === 'unit' ? 'unknown_unit' : 'bad_period';
  const named = fromName !== undefined ? resolve(fromName) : undefined;
  if (fromSheet !== undefined) {
    const sheet = resolve(fromSheet);
    if ('error' in sheet) {
      push(code, sheet.error!, fromSheet, '填报信息');
      return undefined;
    }
    if (named && 'value' in named && named.key !== sheet.key) {
      const text = what === 'unit' ? fileMessages.unitMismatch(fromSheet, fromName!) : fileMessages.periodMismatch(fromSheet, fromName!);
      push(what === 'unit' ? 'unit_mismatch' : 'period_mismatch', text, fromSheet, '填报信息');
      return undefined;
    }
    return sheet.value;
  }
  if (named === undefined) {
    push(what === 'unit' ? 'no_unit' : 'no_period', what === 'unit' ? fileMessages.noUnit : fileMessages.noPeriod, null);
    return undefined;
  }
  if ('error' in named) {
    push(code, named.error!, fromName!);
    return undefined;
  }
  return named.value;
}

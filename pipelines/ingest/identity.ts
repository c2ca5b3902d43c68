import { basename, extname } from 'node:path';
import { closest } from '../args';
import { fileMessages } from '../messages';
import { parsePeriod, periodCode, type Period } from '../period';
import type { Warehouse } from '../warehouse';
import type { IngestIssue } from './types';

export interface UnitRow {
  code: string;
  name: string;
  aliases: string[];
  kind: string;
}

export async function loadUnits(wh: Warehouse): Promise<UnitRow[]> {
  return wh.all<UnitRow>('select code, name, aliases, kind from units order by display_order');
}

function squash(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

export type UnitResolution = { unit: UnitRow } | { error: { zh: string; en: string } };

/** A unit by name, alias or code; aggregates are refused; anything else gets the valid names and the closest one. */
export function resolveUnit(raw: string, units: UnitRow[]): UnitResolution {
  const key = squash(raw);
  const hit = units.find((u) => squash(u.code) === key || squash(u.name) === key || u.aliases.some((a) => squash(a) === key));
  if (hit && hit.kind === 'aggregate') return { error: fileMessages.aggregateUnit(hit.name) };
  if (hit) return { unit: hit };
  const reporting = units.filter((u) => u.kind !== 'aggregate');
  const names = reporting.map((u) => u.name);
  const candidates = reporting.flatMap((u) => [u.name, ...u.aliases]);
  const near = closest(raw.trim(), candidates) ?? mostShared(raw, candidates);
  const nearName = near ? reporting.find((u) => u.name === near || u.aliases.includes(near))?.name : undefined;
  return { error: fileMessages.unknownUnit(nearName, names) };
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
 * Step 3 of ingest: the unit and period of a file, from 填报信息 (`sheet`, absent for CSV files
 * and workbooks without that sheet) and the file name. The sheet wins where the name does not
 * follow `<单位>_<报告期>`; where both name one, they must agree, or the file is rejected.
 */
export function identifySubmission(path: string, sheet: SheetIdentity | undefined, units: UnitRow[]): Identity {
  const file = basename(path);
  const named = parseFileName(path);
  const errors: IngestIssue[] = [];
  const unit = identifyOne('unit', sheet?.unit, named.unit, sheet?.unitRow, units, file, errors) as UnitRow | undefined;
  const period = identifyOne('period', sheet?.period, named.period, sheet?.periodRow, units, file, errors) as Period | undefined;
  return { unit, period, errors };
}

function identifyOne(
  what: 'unit' | 'period', fromSheet: string | undefined, fromName: string | undefined, sheetRow: number | undefined,
  units: UnitRow[], file: string, errors: IngestIssue[],
): UnitRow | Period | undefined {
  const resolve = (raw: string) => {
    if (what === 'unit') {
      const r = resolveUnit(raw, units);
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

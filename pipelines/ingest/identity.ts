import { basename, extname } from 'node:path';
import { closest } from '../args';
import { fileMessages } from '../messages';
import { parsePeriod, periodCode, type Period } from '../period';
import type { Warehouse } from '../warehouse';

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

export function periodOf(text: string | undefined): Period | undefined {
  return text === undefined ? undefined : parsePeriod(text);
}

export { periodCode };

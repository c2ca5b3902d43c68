import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the generator needs from the seeds: the same files the warehouse loads. */
export interface SampleUnit {
  code: string;
  name: string;
  aliases: string[];
  coastal: boolean;
  displayOrder: number;
}

export interface SampleIndicator {
  code: string;
  name: string;
  unit: string;
  kind: 'cumulative' | 'rate' | 'level';
  direction: 'min' | 'max';
  source: 'summary' | 'land_supply' | 'patches';
  yellowBand: number;
}

export interface SampleSeeds {
  year: number;
  /** The nine reporting units (aggregates left out), in display order. */
  units: SampleUnit[];
  indicators: SampleIndicator[];
  /** target by indicator code, then unit code (unit allocations and aggregates). */
  targets: Map<string, Map<string, number>>;
}

/** RFC 4180 enough for the seed files: quoted fields, doubled quotes, no embedded line breaks. */
export function parseSeedCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') out.push(cur), (cur = '');
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = split(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export function readSampleSeeds(dir: string, year: number): SampleSeeds {
  const read = (name: string) => parseSeedCsv(readFileSync(join(dir, `${name}.csv`), 'utf8'));
  const units = read('units')
    .filter((u) => u.kind === 'county' || u.kind === 'zone')
    .map((u) => ({
      code: u.code,
      name: u.name,
      aliases: u.aliases ? u.aliases.split('|') : [],
      coastal: u.coastal === 'true',
      displayOrder: Number(u.display_order),
    }))
    .sort((a, b) => a.displayOrder - b.displayOrder);
  const indicators = read('indicators')
    .filter((i) => Number(i.year) === year)
    .map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind as SampleIndicator['kind'],
      direction: i.direction as SampleIndicator['direction'],
      source: i.source as SampleIndicator['source'],
      yellowBand: Number(i.yellow_band || 0),
    }));
  const targets = new Map<string, Map<string, number>>();
  for (const t of read('targets')) {
    if (Number(t.year) !== year || t.target === '') continue;
    if (!targets.has(t.indicator_code)) targets.set(t.indicator_code, new Map());
    targets.get(t.indicator_code)!.set(t.unit_code, Number(t.target));
  }
  return { year, units, indicators, targets };
}

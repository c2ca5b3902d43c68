import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../pipelines/ingest';
import { MANIFEST_NAME, type Manifest } from '../../pipelines/sample';
import { SCENARIO } from '../../pipelines/sample/scenario';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';

/**
 * The sample against the real ingest: the "done when". Slow (it loads 44 files), so it
 * runs once, through the CLI in-process, and every check reads that one warehouse.
 */
const root = tempDir('nrp-sample-ingest-');
const inbox = join(root, 'inbox');
const db = join(root, 'warehouse.duckdb');
let manifest: Manifest;
let good: { code: number; report: IngestReport };
const broken: { path: string; code: number; report: IngestReport }[] = [];

beforeAll(async () => {
  const s = await nrp(['sample', '--out', inbox]);
  expect(s.code, s.stderr).toBe(0);
  manifest = JSON.parse(readFileSync(join(inbox, MANIFEST_NAME), 'utf8'));
  // Every delivery folder in one call (ingest orders the files); then each broken file on its own.
  const folders = [...SCENARIO.rounds, SCENARIO.correctionRound].map((f) => join(inbox, f));
  const r = await nrp(['ingest', '--db', db, '--json', ...folders]);
  good = { code: r.code, report: JSON.parse(r.stdout) };
  for (const f of manifest.files.filter((f) => f.expect === 'rejected')) {
    const b = await nrp(['ingest', '--db', db, '--json', join(inbox, ...f.path.split('/'))]);
    broken.push({ path: f.path, code: b.code, report: JSON.parse(b.stdout) });
  }
}, 900_000);

const relativePath = (p: string) => p.slice(inbox.length + 1).split(/[\\/]/).join('/');

describe('nrp sample → nrp ingest', () => {
  it('accepts every file the manifest expects accepted, with exit 0 and no warning', () => {
    expect(good.code, JSON.stringify(good.report.files.filter((f) => f.status !== 'accepted'), null, 1)).toBe(0);
    const expected = manifest.files.filter((f) => f.expect === 'accepted').map((f) => f.path).sort();
    expect(good.report.files.map((f) => relativePath(f.path)).sort()).toEqual(expected);
    for (const f of good.report.files) {
      expect(f.status, f.path).toBe('accepted');
      expect(f.warnings.map((w) => w.en), f.path).toEqual([]);
    }
  });

  it('rejects the two broken files with exit 1, naming the cells the manifest names', () => {
    expect(broken).toHaveLength(2);
    for (const b of broken) {
      expect(b.code, b.path).toBe(1);
      const [file] = b.report.files;
      expect(file.status).toBe('rejected');
      expect(file.errors.length).toBeGreaterThan(0);
      const note = manifest.files.find((f) => f.path === b.path)!.note!;
      for (const cell of note.match(/供地台账![A-Z]+\d+/g) ?? []) expect(file.errors.map((e) => e.cell)).toContain(cell);
    }
    const mismatch = broken.find((b) => b.path.includes('平湖市'))!;
    expect(mismatch.report.files[0].errors.map((e) => e.zh).join('\n')).toMatch(/海盐县/);
  });

  it('leaves four quarters for nine units in the warehouse, minus the late one', async () => {
    await withReadWarehouse(db, async (wh) => {
      const rows = await wh.all<{ unit_code: string; period: string }>(
        'select distinct unit_code, period from submissions order by all',
      );
      expect(rows).toHaveLength(4 * 9 - 1);
      expect(rows).not.toContainEqual({ unit_code: SCENARIO.late.unit, period: `2023Q${SCENARIO.late.quarter}` });
      const tables = await wh.one<{ n: number }>('select count(distinct unit_code || period || table_name) as n from submissions');
      expect(Number(tables!.n)).toBe((4 * 9 - 1) * 3);
    });
  });

  it('keeps the correction as version 2 of each table, with the corrected row counts', async () => {
    const corrected = manifest.files.find((f) => f.supersedes)!;
    const original = manifest.files.find((f) => f.path === corrected.supersedes)!;
    await withReadWarehouse(db, async (wh) => {
      const rows = await wh.all<{ table_name: string; version: number; row_count: number; source_path: string }>(
        `select table_name, version, row_count, source_path from submissions
         where unit_code = '${corrected.unit_code}' and period = '${corrected.period}' order by table_name, version`,
      );
      expect(rows).toHaveLength(6);
      for (const r of rows) {
        const from = r.version === 2 ? corrected : original;
        expect(relativePath(r.source_path)).toBe(from.path);
        expect(Number(r.row_count)).toBe(from.tables[r.table_name as keyof typeof from.tables]);
      }
    });
  });
});

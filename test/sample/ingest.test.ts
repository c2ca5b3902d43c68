import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../pipelines/ingest';
import { MANIFEST_NAME, type Manifest } from '../../pipelines/sample';
import { SCENARIO } from '../../pipelines/sample/scenario';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';

/**
 * The sample against the real ingest and build: the "done when". Slow (it loads 108 files
 * and builds), so it runs once, through the CLI in-process, and every check reads that one warehouse.
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
  const built = await nrp(['build', '--db', db]);
  expect(built.code, built.stderr).toBe(0);
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

  it('rejects the three broken files with exit 1, naming the cells the manifest names', () => {
    expect(broken).toHaveLength(3);
    for (const b of broken) {
      expect(b.code, b.path).toBe(1);
      const [file] = b.report.files;
      expect(file.status).toBe('rejected');
      expect(file.errors.length).toBeGreaterThan(0);
      const note = manifest.files.find((f) => f.path === b.path)!.note!;
      const cells = note.match(/(供地台账|重点工作进展)![A-Z]+\d+/g) ?? [];
      expect(cells.length, note).toBeGreaterThan(b.path.includes('平湖市') ? -1 : 0);
      for (const cell of cells) expect(file.errors.map((e) => e.cell)).toContain(cell);
    }
    const mismatch = broken.find((b) => b.path.includes('平湖市'))!;
    expect(mismatch.report.files[0].errors.map((e) => e.zh).join('\n')).toMatch(/海盐县/);
    const draft = broken.find((b) => manifest.files.find((f) => f.path === b.path)!.submitter === 'division')!;
    expect(draft.report.files[0].errors.map((e) => e.code)).toEqual(['K4', 'K3']);
  });

  it('leaves four quarters for nine units and sixteen divisions in the warehouse, minus the late unit and the silent division', async () => {
    await withReadWarehouse(db, async (wh) => {
      const rows = await wh.all<{ unit_code: string; period: string }>(
        `select distinct unit_code, period from submissions where table_name <> '重点工作进展' order by all`,
      );
      expect(rows).toHaveLength(4 * 9 - 1);
      expect(rows).not.toContainEqual({ unit_code: SCENARIO.late.unit, period: `2023Q${SCENARIO.late.quarter}` });
      const tables = await wh.one<{ n: number }>(`select count(distinct unit_code || period || table_name) as n from submissions where table_name <> '重点工作进展'`);
      expect(Number(tables!.n)).toBe((4 * 9 - 1) * 3);
      const divisions = await wh.all<{ unit_code: string; period: string }>(
        `select distinct unit_code, period from submissions where table_name = '重点工作进展' order by all`,
      );
      expect(divisions).toHaveLength(4 * 16 - 1);
      const silent = SCENARIO.keyTasks.silent;
      expect(divisions).not.toContainEqual({ unit_code: silent.division, period: `2023Q${silent.quarter}` });
    });
  });

  it('keeps the correction as version 2 of each table, with the corrected row counts', async () => {
    const corrected = manifest.files.find((f) => f.supersedes && f.submitter === 'unit')!;
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

describe('nrp sample → ingest → build: the divisions\' key tasks in mart_key_task_progress', () => {
  type Row = { period: string; task_code: string; milestone_no: number; status_code: string; submission_version: number | null; reported_in_period: boolean; lead: string };
  const rows = () => withReadWarehouse(db, (wh) => wh.all<Row>(
    'select period, task_code, milestone_no, status_code, submission_version, reported_in_period, lead from mart_key_task_progress order by period, task_code, milestone_no',
  ));
  const of = (all: Row[], m: { task: string; no: number }) => Object.fromEntries(all.filter((r) => r.task_code === m.task && r.milestone_no === m.no).map((r) => [r.period, r.status_code]));
  const k = SCENARIO.keyTasks;

  it('has 138 milestones a quarter, most of them on time or on track', async () => {
    const all = await rows();
    for (const p of ['2023Q1', '2023Q2', '2023Q3', '2023Q4']) {
      const q = all.filter((r) => r.period === p);
      expect(q).toHaveLength(138);
      expect(q.filter((r) => ['done_on_time', 'on_track'].includes(r.status_code)).length / q.length, p).toBeGreaterThan(0.9);
    }
    expect(all.filter((r) => r.period === '2023Q4' && r.status_code === 'done_on_time').length).toBeGreaterThan(130);
  });

  it('finishes one milestone late, leaves one overdue, and has the lagging ones behind until Q4', async () => {
    const all = await rows();
    expect(of(all, k.late)).toEqual({ '2023Q1': 'on_track', '2023Q2': 'overdue', '2023Q3': 'done_late', '2023Q4': 'done_late' });
    expect(of(all, k.overdue)).toMatchObject({ '2023Q3': 'overdue', '2023Q4': 'overdue' });
    for (const m of k.lagging) expect(of(all, m), `${m.task} #${m.no}`).toEqual({ '2023Q1': 'lagging', '2023Q2': 'lagging', '2023Q3': 'lagging', '2023Q4': 'done_on_time' });
    expect(all.filter((r) => r.status_code === 'done_late').map((r) => `${r.task_code} #${r.milestone_no}`)).toEqual([`${k.late.task} #${k.late.no}`, `${k.late.task} #${k.late.no}`]);
  });

  it('shows the silent division\'s milestones as not reported in its quarter, and only those', async () => {
    const all = await rows();
    const q = all.filter((r) => r.period === `2023Q${k.silent.quarter}`);
    const silent = q.filter((r) => r.status_code === 'not_reported');
    expect(silent.length).toBeGreaterThan(0);
    const leads = await withReadWarehouse(db, (wh) => wh.all<{ name: string }>(`select name from divisions where code = '${k.silent.division}' and year = 2023`));
    expect(new Set(silent.map((r) => r.lead))).toEqual(new Set(leads.map((l) => l.name)));
    expect(q.filter((r) => r.lead === leads[0].name && r.status_code !== 'not_reported').every((r) => r.status_code.startsWith('done'))).toBe(true);
  });

  it('reads the corrected report (version 2) for the division and quarter it corrects', async () => {
    const all = await rows();
    const done = all.find((r) => r.period === `2023Q${k.correction.quarter}` && r.task_code === k.correction.done.task && r.milestone_no === k.correction.done.no)!;
    expect([done.status_code, done.submission_version, done.reported_in_period]).toEqual(['done_on_time', 2, true]);
    const lead = await withReadWarehouse(db, (wh) => wh.one<{ name: string }>(`select name from divisions where code = '${k.correction.division}' and year = 2023`));
    const quarter = all.filter((r) => r.period === `2023Q${k.correction.quarter}` && r.lead === lead!.name && r.reported_in_period);
    expect(quarter.length).toBeGreaterThan(5);
    expect(new Set(quarter.map((r) => r.submission_version))).toEqual(new Set([2]));
  });
});

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixed, STATUS_LABEL } from '../../reports/format';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';
import { readMarts, type PeriodMarts } from './marts';
import { libreOfficeCsv, SOFFICE } from './read';

/**
 * A second, independent reader: LibreOffice Calc (headless, Debian's libreoffice-calc-nogui)
 * opens the bulletin workbook and a feedback workbook and writes every sheet as CSV, once with
 * the stored values and once as its number formats show them. Skipped, and said so, where
 * soffice is not installed (.ci/run installs it).
 */
const PERIOD = '2023Q3';
/** LibreOffice writes values with 15 significant digits. */
const close = (got: string, want: number | null) => (want === null ? got === '' : Math.abs(Number(got) - want) <= 1e-12 * Math.max(1, Math.abs(want)));

describe.skipIf(!SOFFICE)('LibreOffice reads the workbooks (skipped where soffice is not installed)', () => {
  const dir = tempDir('nrp-xlsx-lo-');
  let m: PeriodMarts;
  let values: Map<string, string[][]>;
  let shown: Map<string, string[][]>;
  let feedback: Map<string, string[][]>;

  beforeAll(async () => {
    const db = await sampleWarehouse();
    m = await readMarts(db, PERIOD);
    expect((await nrp(['report', '--period', PERIOD, '--db', db, '--format', 'xlsx', '--out', dir])).code).toBe(0);
    expect((await nrp(['feedback', '--period', PERIOD, '--db', db, '--unit', '海宁市', '--out', dir])).code).toBe(0);
    values = libreOfficeCsv(join(dir, `bulletin-${PERIOD}.xlsx`), join(dir, 'lo'), false);
    shown = libreOfficeCsv(join(dir, `bulletin-${PERIOD}.xlsx`), join(dir, 'lo'), true);
    feedback = libreOfficeCsv(join(dir, `反馈-海宁市-${PERIOD}.xlsx`), join(dir, 'lo-feedback'), false);
  }, 300_000);

  it('finds every sheet, and the main-target table’s values are the mart’s', () => {
    expect([...values.keys()]).toEqual(expect.arrayContaining(['主要目标', '各地完成情况', '重点工作', '报送情况', '数据来源']));
    expect(values.size).toBe(5 + new Set(m.rows.filter((r) => r.main_target !== null).map((r) => r.main_target)).size);
    const rows = values.get('主要目标')!.slice(3);
    const city = m.rows.filter((r) => r.is_city && r.main_target !== null);
    city.forEach((r, i) => {
      const f = rows[i];
      expect(f[1]).toBe(r.indicator_name);
      expect(close(f[3], r.target) && close(f[4], r.actual), `${r.indicator_name}: ${f.join('|')}`).toBe(true);
      expect(close(f[5], r.kind === 'cumulative' ? r.completion_pct : null) && close(f[7], r.kind === 'cumulative' ? r.gap_pp : Number(f[7]) || null)).toBe(true);
      expect(f[8]).toBe(STATUS_LABEL[r.status]);
    });
  });

  it('shows them with the PDF’s decimals, signs and ≥ / ≤ through the number formats', () => {
    const rows = shown.get('主要目标')!.slice(3);
    const city = m.rows.filter((r) => r.is_city && r.main_target !== null);
    city.forEach((r, i) => {
      const f = rows[i];
      if (r.kind === 'cumulative') {
        expect(f[5]).toBe(fixed(r.completion_pct!, 1));
        expect(f[7]).toBe(`${r.gap_pp! > 0 ? '+' : r.gap_pp! < 0 ? '-' : ''}${fixed(Math.abs(r.gap_pp!), 1)}`);
      } else {
        expect(f[3].startsWith(r.direction === 'max' ? '≤' : '≥')).toBe(true);
      }
      if (r.unit_of_measure === '亩') expect(f[4]).toMatch(/^\d{1,3}(,\d{3})*\.\d\d$/);
      if (r.unit_of_measure === '%') expect(f[4]).toMatch(/^\d+\.\d$/);
      if (r.unit_of_measure === '个') expect(f[4]).toMatch(/^\d+$/);
    });
  });

  it('reads every unit × indicator figure of the matrix as the mart has it', () => {
    const rows = values.get('各地完成情况')!;
    const head = rows[2];
    let checked = 0;
    for (const r of m.rows) {
      const at = rows.findIndex((f) => f[0] === r.indicator_name);
      const col = head.indexOf(r.unit_short_name);
      expect(at > 2 && col > 3, `${r.indicator_name} ${r.unit_short_name}`).toBe(true);
      expect(close(rows[at][col], r.status === 'missing' ? null : r.actual), `${r.unit_name} ${r.indicator_name}: ${rows[at][col]}`).toBe(true);
      expect(rows[at + (r.kind === 'cumulative' ? 2 : 1)][col]).toBe(STATUS_LABEL[r.status]);
      checked += 1;
    }
    expect(checked).toBe(m.rows.length);
  });

  it('reads the feedback workbook: the unit’s figures and ranks as the mart has them', () => {
    const rows = feedback.get('本单位指标')!.slice(3);
    const own = m.rows.filter((r) => r.unit_code === '330481');
    own.forEach((r, i) => {
      expect(rows[i][1]).toBe(r.indicator_name);
      expect(close(rows[i][4], r.actual) && close(rows[i][8], r.rank)).toBe(true);
      expect(rows[i][10]).toBe(STATUS_LABEL[r.status]);
    });
  });
});

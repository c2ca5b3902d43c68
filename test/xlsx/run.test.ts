import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { sampleInbox, sampleWarehouseCopy } from '../mart-warehouse';

/**
 * `nrp run --feedback` (what `npm start` runs for each quarter): the bulletin workbook beside the
 * PDF, and every unit's feedback workbook in OUT/feedback/<P>/. On a copy of the sample warehouse
 * with its own inbox, so nothing new is loaded (the two broken files are rejected again: exit 1).
 */
describe('nrp run --feedback', () => {
  const dir = tempDir('nrp-xlsx-run-');

  it('writes bulletin-<P>.pdf and .xlsx, and 反馈-<unit>-<P>.xlsx for every reporting unit, and says where', async () => {
    const db = await sampleWarehouseCopy(dir);
    const out = join(dir, 'out');
    const r = await nrp(['run', '--period', '2023Q3', '--inbox', await sampleInbox(), '--db', db, '--out', out, '--feedback']);
    expect(r.code, r.stderr.slice(-2000)).toBe(1);
    expect(readdirSync(out).filter((f) => f.startsWith('bulletin-')).sort()).toEqual(['bulletin-2023Q3.html', 'bulletin-2023Q3.pdf', 'bulletin-2023Q3.xlsx']);
    const units = await withReadWarehouse(db, (wh) => wh.all<{ unit_name: string }>(
      "select distinct unit_name from mart_indicator_progress where period = '2023Q3' and unit_kind <> 'aggregate'"));
    expect(readdirSync(join(out, 'feedback', '2023Q3')).sort()).toEqual(units.map((u) => `反馈-${u.unit_name}-2023Q3.xlsx`).sort());
    expect(r.stderr).toContain(`2023Q3 bulletin 通报: ${join(out, 'bulletin-2023Q3.xlsx')}`);
    expect(r.stderr).toContain(`2023Q3 feedback 反馈: ${join(out, 'feedback', '2023Q3')}`);
    expect(r.stderr).toMatch(/bulletin 2023Q3 [\d.]+ s, html 2023Q3 [\d.]+ s, workbook 2023Q3 [\d.]+ s, feedback 2023Q3 [\d.]+ s/);

    // Without --feedback, the bulletin in both formats and no feedback.
    const plain = await nrp(['run', '--period', '2023Q3', '--inbox', await sampleInbox(), '--db', db, '--out', join(dir, 'plain')]);
    expect(plain.code).toBe(1);
    expect(existsSync(join(dir, 'plain', 'bulletin-2023Q3.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'plain', 'feedback'))).toBe(false);
  });
});

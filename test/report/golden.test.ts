import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';
import { nrp, tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';

/**
 * The city bulletin of the sample's 2023Q2 as text (poppler's `pdftotext -layout`), kept under
 * test/fixtures/report/: a change in wording, order or figures shows in review as a diff of this
 * file. Regenerate only deliberately, like the chart goldens:
 *   NRP_UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts   (ignored when CI is set)
 * Load times are the clock's at ingest, so they are masked; everything else must match.
 */
const GOLDEN = projectPath('test', 'fixtures', 'report', 'bulletin-2023Q2.txt');
const UPDATE = process.env.NRP_UPDATE_GOLDEN === '1' && !process.env.CI;
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

describe('the bulletin’s text', () => {
  const dir = tempDir('nrp-golden-');

  it.skipIf(!hasPdftotext)('2023Q2 reads as the golden text (pdftotext is in poppler-utils; .ci/run installs it)', async () => {
    const result = await nrp(['report', '--period', '2023Q2', '--db', await sampleWarehouse(), '--out', dir]);
    expect(result.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'bulletin-2023Q2.pdf'), '-'], { encoding: 'utf8' })
      .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'YYYY-MM-DD hh:mm:ss');
    if (UPDATE) {
      mkdirSync(join(GOLDEN, '..'), { recursive: true });
      writeFileSync(GOLDEN, text);
    }
    expect(existsSync(GOLDEN), `${GOLDEN} missing: run with NRP_UPDATE_GOLDEN=1 once and review it`).toBe(true);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipelines/period';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { bulletinChartsOf, chartsOf, readBulletinConfig, readBulletinModels, renderBulletin } from '../../reports';
import { tempDir } from '../helpers';
import { sampleWarehouse } from '../mart-warehouse';
import { pdfPages, squeeze } from './pdf-text';

/** `nrp run` draws each chart once, for the chart files and the bulletin: the bulletin takes the drawings it is given. */
describe('renderBulletin', () => {
  const dir = tempDir('nrp-library-');

  it('places the drawings it is given instead of drawing its charts again', async () => {
    const [model] = await withReadWarehouse(await sampleWarehouse(), (wh) => readBulletinModels(wh, readBulletinConfig(), [{ period: parsePeriod('2023Q2')! }]));
    const charts = chartsOf(model);
    const printed = bulletinChartsOf(model, charts);
    expect(printed.map((c) => c.kind)).toEqual(['overview', ...printed.slice(1).map((c) => c.kind)]);
    expect(printed.filter((c) => c.kind !== 'keytask').length).toBe(1 + model.mainTargets.length);
    // The sample's divisions reported: the city's bulletin prints the key-task status chart too.
    expect(printed.filter((c) => c.kind === 'keytask').map((c) => c.id)).toEqual(['keytask-status_by_section']);
    const marked = new Map(printed.map((c) => [c.id, `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="100" viewBox="0 0 440 100"><text x="10" y="50" font-family="Noto Sans SC">DRAWN ${c.id}</text></svg>`]));
    const pdf = await renderBulletin(model, { charts, drawings: marked });
    const file = join(dir, 'b.pdf');
    writeFileSync(file, pdf);
    const text = squeeze((await pdfPages(file)).join('\n'));
    for (const c of printed) expect(text).toContain(`DRAWN${c.id}`);
  });
});

import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../../pipelines/ingest/template';

/** The template is a workbook nrp writes: text that a spreadsheet would run as a formula is neutralised. */
describe('template output', () => {
  it('text cells starting with = + - @ get a leading apostrophe; plain text is untouched', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    const wb = buildTemplate('南湖区', { year: 2023, quarter: 2 }, hostile.map((name, i) => ({
      code: `c${i}`, name, unit: '亩', kind: 'cumulative', source: 'summary',
    })).concat([{ code: 'land_supply', name: '国有土地供应总量', unit: '亩', kind: 'cumulative', source: 'land_supply' }]));
    const ws = wb.getWorksheet('指标进度')!;
    const names: unknown[] = [];
    ws.eachRow((row) => names.push(row.getCell(2).value));
    for (const h of hostile) expect(names).toContain(`'${h}`);
    for (const h of hostile) expect(names).not.toContain(h);
    expect(names).toContain('国有土地供应总量');
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });
});

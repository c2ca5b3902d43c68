import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFiles, validateFiles } from '../../pipelines/ingest';
import { openForWrite } from '../../pipelines/warehouse';
import { projectPath } from '../../pipelines/paths';
import { tempDir } from '../helpers';

// A CSV typed the way units type them (see test/fixtures/README.md).
const fixture = projectPath('test/fixtures/ingest/嘉善县_2023年第二季度_卫片图斑.csv');

describe('a GBK CSV as Excel saves it', () => {
  it('is read: unit and period from the name, header under title rows, every spelling normalised; the one no-value mark in a required column is the only error', async () => {
    const report = await validateFiles([fixture]);
    const f = report.files[0];
    expect([f.unit_code, f.period]).toEqual(['330421', '2023Q2']);
    expect(f.errors.map((e) => [e.code, e.cell, e.value])).toEqual([['required', 'D6', '—']]);
  });

  it('with the mark replaced by a figure it is accepted, with the values read as meant', async () => {
    const dir = tempDir('nrp-ingest-kept-');
    const text = iconv.decode(readFileSync(fixture), 'gbk').replace('0.8万,—,', '0.8万,0,');
    const path = join(dir, '嘉善_2023Q2_卫片图斑.csv');
    writeFileSync(path, iconv.encode(text, 'gbk'));
    const wh = await openForWrite(':memory:');
    try {
      const r = (await ingestFiles(wh, [path])).files[0];
      expect(r.errors).toEqual([]);
      expect(r.tables).toMatchObject([{ table_name: '卫片图斑', sheet_name: null, rows: 4, version: 1 }]);
      expect(await wh.all('select source_row, patch_id, batch, occupied_farmland_mu, illegal_farmland_mu, judgement, rectification_status from raw_patches order by source_row')).toEqual([
        { source_row: 4, patch_id: 'JS-001', batch: '2023Q1', occupied_farmland_mu: 1200.5, illegal_farmland_mu: 0, judgement: '合法', rectification_status: null },
        { source_row: 5, patch_id: 'JS-002', batch: '2023Q2', occupied_farmland_mu: 3.5, illegal_farmland_mu: 1.5, judgement: '违法', rectification_status: '已拆除复耕' },
        { source_row: 6, patch_id: 'JS-003', batch: '2023Q2', occupied_farmland_mu: 8000, illegal_farmland_mu: 0, judgement: '其他', rectification_status: null },
        { source_row: 7, patch_id: 'JS-004', batch: '2023Q1', occupied_farmland_mu: 12345, illegal_farmland_mu: 12000, judgement: '违法', rectification_status: '整改中' },
      ]);
    } finally {
      wh.close();
    }
  });
});

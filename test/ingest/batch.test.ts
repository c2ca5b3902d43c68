import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPaths, ingestFiles, validateFiles, type IngestReport } from '../../pipelines/ingest';
import type { Warehouse } from '../../pipelines/warehouse';
import { tempDir } from '../helpers';
import { KT_HEADER, LAND_HEADER, PATCH_HEADER, PROGRESS_HEADER, ktRow, landRow, newWarehouse, patchRow, writeCsv, writeWorkbook } from './fixtures';

// The CSV fast path is taken by 卫片图斑 files of 1 MB and more; these small ones take it too, so
// that it is checked here (NRP_CSV_FAST_MIN_BYTES, read at each file).
process.env.NRP_CSV_FAST_MIN_BYTES = '0';

/**
 * Ingest takes the files of a call together (one statement per step for all of them, one
 * transaction for the load). The proof that this changes nothing: an inbox of every kind of file,
 * with a bad file in the middle, a duplicate, a correction, warnings that read what an earlier
 * file of the same call loaded (the previous quarter, the same quarter's details, a division's
 * earlier report), the CSV fast path and its fallback, gives the same reports, the same registry
 * and the same raw rows in one call as file by file.
 */
const dir = tempDir('nrp-ingest-batch-');
const inbox = join(dir, 'inbox');
let together: Warehouse;
let alone: Warehouse;

beforeAll(async () => {
  const at = (folder: string, name: string) => {
    mkdirSync(join(inbox, folder), { recursive: true });
    return join(inbox, folder, name);
  };
  // 2023Q1
  await writeWorkbook(at('2023-04-14', '南湖区_2023Q1.xlsx'), {
    info: { unit: '南湖区', period: '2023Q1' }, titleRows: 1,
    sheets: {
      指标进度: [PROGRESS_HEADER, ['new_farmland', null, 500, null, null, null], ['land_supply', null, 20, null, null, null]],
      供地台账: [LAND_HEADER, landRow('NH-1'), landRow('NH-2'), ['合计', null, null, null, 25, null, 1000]],
      卫片图斑: [PATCH_HEADER, patchRow('NH-T1'), patchRow('NH-T2', { 判定类型: '违法', '违法占用耕地面积（亩）': 2 })],
    },
  });
  await writeWorkbook(at('2023-04-14', '秀洲区_2023Q1.xlsx'), { // the bad file in the middle
    info: { unit: '秀洲区', period: '2023Q1' },
    sheets: { 供地台账: [LAND_HEADER, landRow('XZ-1', { '供地面积（亩）': -3 }), landRow('XZ-2', { 供地日期: '2023-02-30' })] },
  });
  writeCsv(at('2023-04-14', '海宁市_2023Q1_卫片图斑.csv'), [PATCH_HEADER, ...[1, 2, 3].map((i) => patchRow(`HN-${i}`) as string[])]); // fast path
  writeCsv(at('2023-04-14', '海宁市_2023Q1_供地台账.csv'), [['海宁市供地台账'], LAND_HEADER, landRow('HN-1', { 供地日期: '2023年2月1日' }) as string[]], 'gbk');
  writeCsv(at('2023-04-14', '海宁市_2023Q1_指标进度.csv'), [PROGRESS_HEADER, ['land_supply', null, 99, null, null, null]] as string[][]); // declared vs the ledger just above
  writeCsv(at('2023-04-14', '规划处_2023Q1_重点工作进展.csv'), [KT_HEADER, ktRow('T1-1', 4, { 进展状态: '已完成', 完成日期: '2023-03-10', '形象进度（%）': null }) as string[]]);
  // 2023Q2
  await writeWorkbook(at('2023-07-14', '南湖区_2023Q2.xlsx'), {
    info: { unit: '南湖区', period: '2023Q2' },
    sheets: { 指标进度: [PROGRESS_HEADER, ['new_farmland', null, 400, null, null, null]] }, // below Q1: a warning
  });
  writeCsv(at('2023-07-14', '海宁市_2023Q2_卫片图斑.csv'), [PATCH_HEADER, patchRow('HN-1') as string[], patchRow('HN-1') as string[]]); // fast path falls back: a duplicate id
  writeCsv(at('2023-07-14', '规划处_2023Q2_重点工作进展.csv'), [KT_HEADER, ktRow('T1-1', 4, { '形象进度（%）': 90 }) as string[]]); // W-K2 against Q1
  writeCsv(at('2023-07-14', '嘉善县_2023Q2_卫片图斑.csv'), [PATCH_HEADER, patchRow('JS-1', { 监测批次: '2023年第2季度' }) as string[]]);
  // a correction two weeks later, and the Q1 workbook again in another folder (a duplicate)
  writeCsv(at('2023-07-28', '规划处_2023Q1_重点工作进展.csv'), [KT_HEADER, ktRow('T1-1', 4, { 进展状态: '已完成', 完成日期: '2023-03-12', '形象进度（%）': 100 }) as string[]]);
  copyFileSync(join(inbox, '2023-04-14', '南湖区_2023Q1.xlsx'), at('2023-07-28', '南湖区_2023Q1.xlsx'));
  together = await newWarehouse(dir, 'together.duckdb');
  alone = await newWarehouse(dir, 'alone.duckdb');
}, 60_000);

afterAll(() => {
  together.close();
  alone.close();
});

/** A report without what may differ between two runs: nothing. (Kept as a function to say so.) */
const comparable = (r: IngestReport) => r.files;

async function contents(wh: Warehouse) {
  return {
    registry: await wh.all('select * exclude (loaded_at) from submissions order by submission_id'),
    progress: await wh.all('from raw_indicator_progress order by all'),
    land: await wh.all('from raw_land_supply order by all'),
    patches: await wh.all('from raw_patches order by all'),
    keyTasks: await wh.all('from raw_key_task_progress order by all'),
  };
}

describe('one call or file by file', () => {
  it('the same reports, registry and raw rows', async () => {
    const files = expandPaths([inbox]);
    expect(files).toHaveLength(12);
    const batch = await ingestFiles(together, [inbox]);
    const oneByOne: IngestReport['files'] = [];
    for (const f of files) oneByOne.push(...(await ingestFiles(alone, [f])).files);
    expect(comparable(batch)).toEqual(oneByOne);
    // the story is there: a rejection, a duplicate, warnings that read earlier files of the call
    const status = Object.fromEntries(batch.files.map((f) => [f.path.slice(inbox.length + 1), f.status]));
    expect(status['2023-04-14/秀洲区_2023Q1.xlsx']).toBe('rejected');
    expect(status['2023-07-28/南湖区_2023Q1.xlsx']).toBe('duplicate');
    expect(batch.files.filter((f) => f.status === 'accepted')).toHaveLength(9);
    const codes = batch.files.flatMap((f) => f.warnings.map((w) => w.code));
    for (const c of ['total_mismatch', 'declared_vs_computed', 'ytd_decrease', 'W-K2']) expect(codes, c).toContain(c);
    expect(batch.files.find((f) => f.file === '海宁市_2023Q2_卫片图斑.csv')!.errors.map((e) => e.code)).toEqual(['duplicate']);
    expect(batch.files.find((f) => f.file === '海宁市_2023Q1_卫片图斑.csv')!.tables[0].path).toBe('csv-fast');
    expect(await contents(together)).toEqual(await contents(alone));
  }, 120_000);

  it('validate gives each file the report it gives the file alone', async () => {
    const files = expandPaths([inbox]);
    const batch = await validateFiles([inbox]);
    const oneByOne: IngestReport['files'] = [];
    for (const f of files) oneByOne.push(...(await validateFiles([f])).files);
    expect(batch.files).toEqual(oneByOne);
    expect(batch.files.filter((f) => f.status === 'rejected').map((f) => f.file)).toEqual(['秀洲区_2023Q1.xlsx', '海宁市_2023Q2_卫片图斑.csv']);
  }, 120_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { withReadWarehouse } from '../../pipelines/warehouse';
import { nrp, tempDir } from '../helpers';
import { sampleWithoutDivisionReports } from '../mart-warehouse';
import { keyTaskWarehouse, LATE_DIVISION } from './key-task-reports';

/**
 * `nrp status --period P` shows the divisions beside the units (issue 15 step 2): the units'
 * table as before, then the divisions that lead a key task with their 重点工作进展, from
 * mart_submission_status on the sample warehouse with the divisions' reports written in.
 */
describe('nrp status: units, then divisions', () => {
  const dir = tempDir('nrp-status-');
  let db = '';
  type Row = { submitter_kind: string; unit_code: string; unit_name: string; table_name: string; arrived: boolean; cell: string | null; display_order: number };
  let mart: Row[] = [];

  beforeAll(async () => {
    db = await keyTaskWarehouse(dir);
    mart = await withReadWarehouse(db, (wh) =>
      wh.all<Row>(`select submitter_kind, unit_code, unit_name, table_name, arrived, display_order,
                          'v' || version || ' ' || strftime(loaded_at, '%Y-%m-%d %H:%M') as cell
                     from mart_submission_status where period = '2023Q2'`));
  });

  it('the mart holds every unit × its three tables as before, and every leading division × 重点工作进展', async () => {
    const units = mart.filter((r) => r.submitter_kind === 'unit');
    const divisions = mart.filter((r) => r.submitter_kind === 'division');
    expect(units).toHaveLength(27);
    expect(new Set(units.map((r) => r.table_name))).toEqual(new Set(['指标进度', '供地台账', '卫片图斑']));
    const leads = await withReadWarehouse(db, (wh) => wh.all<{ lead_code: string }>('select distinct lead_code from int_key_task_milestones where year = 2023'));
    expect(divisions.map((r) => r.unit_code).sort()).toEqual(leads.map((l) => l.lead_code).sort());
    expect(divisions.every((r) => r.table_name === '重点工作进展')).toBe(true);
    expect(divisions.filter((r) => !r.arrived).map((r) => r.unit_name)).toEqual([LATE_DIVISION]);
  });

  it('prints the units’ table, then the divisions’, each cell the latest version and load time or missing', async () => {
    const result = await nrp(['status', '--db', db, '--period', '2023Q2']);
    expect(result.code).toBe(0);
    const [units, divisions] = result.stdout.split('牵头处室 lead divisions');
    expect(units).toContain('报送单位 reporting units');
    expect(units).toMatch(/unit_code\s*│\s*unit_name\s*│\s*指标进度\s*│\s*供地台账\s*│\s*卫片图斑/);
    expect(units).not.toContain('重点工作进展');
    expect(divisions).toMatch(/division_code\s*│\s*division_name\s*│\s*重点工作进展/);
    // Divisions in display order, each with its cell.
    const listed = mart.filter((r) => r.submitter_kind === 'division').sort((a, b) => a.display_order - b.display_order);
    const positions = listed.map((r) => divisions.indexOf(` ${r.unit_name} `));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const r of listed) expect(divisions).toMatch(new RegExp(`${r.unit_name}\\s*│ ${r.arrived ? r.cell : '缺报 missing'}`));
  });

  it('--json: one array, units then divisions, with submitter_kind and a cell per expected table', async () => {
    const rows = JSON.parse((await nrp(['status', '--db', db, '--period', '2023Q2', '--json'])).stdout) as Record<string, string>[];
    expect(rows.map((r) => r.submitter_kind)).toEqual([...Array(9).fill('unit'), ...Array(16).fill('division')]);
    for (const m of mart) {
      const row = rows.find((r) => r.unit_code === m.unit_code)!;
      expect(row[m.table_name]).toBe(m.arrived ? m.cell : '缺报 missing');
    }
    expect(Object.keys(rows.at(-1)!)).toEqual(['submitter_kind', 'unit_code', 'unit_name', '重点工作进展']);
  });

  it('with no division file every division shows missing', async () => {
    const result = await nrp(['status', '--db', await sampleWithoutDivisionReports(dir, 'silent.duckdb'), '--period', '2023Q2']);
    expect(result.code).toBe(0);
    const divisions = result.stdout.split('牵头处室 lead divisions')[1];
    expect(divisions.match(/缺报 missing/g)).toHaveLength(16);
  });
});

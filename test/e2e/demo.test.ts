import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nrpProcess, tempDir } from '../helpers';

/** `npm start` runs `nrp demo`: the whole sample year, a bulletin per quarter, exit 0. */
describe('nrp demo (npm start)', () => {
  const dir = tempDir('nrp-demo-');
  const args = ['demo', '--inbox', join(dir, 'inbox'), '--db', join(dir, 'w.duckdb'), '--out', join(dir, 'out')];

  it('writes a bulletin (PDF and workbook) and the nine units\' feedback workbooks for each quarter of 2023 and says where they are', () => {
    const r = nrpProcess(args);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    for (const q of ['2023Q1', '2023Q2', '2023Q3', '2023Q4']) {
      expect(existsSync(join(dir, 'out', `bulletin-${q}.pdf`))).toBe(true);
      expect(existsSync(join(dir, 'out', `bulletin-${q}.xlsx`))).toBe(true);
      expect(readdirSync(join(dir, 'out', 'feedback', q)).filter((f) => f.endsWith('.xlsx'))).toHaveLength(9);
    }
    expect(r.stderr).toContain('3 拒收 rejected');
    expect(r.stderr).toContain('预期拒收 expected: 有误-应被拒收/调查监测处_2023Q3.xlsx');
    expect(r.stderr).toContain('16 个处室的季度重点工作进展');
    expect(r.stderr).toContain('故意制作的错误文件');
    expect(r.stderr).toContain('2023Q3 全市 city');
    expect(r.stderr).toContain('未报送 not submitted: 嘉兴港区');
    expect(r.stderr).toContain(join(dir, 'out'));
  }, 600_000);

  it('run again, it loads nothing twice and still exits 0', () => {
    const r = nrpProcess(args);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(r.stderr).toMatch(/文件 files: 0 接收 accepted, 3 拒收 rejected, 108 已接收过 already loaded/);
  }, 600_000);
});

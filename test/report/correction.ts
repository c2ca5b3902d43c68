import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withReadWarehouse } from '../../pipelines/warehouse';

/**
 * A unit's corrected 指标进度 for a period, as the unit would send it: the rows it sent before
 * (the latest version, read back from staging), with `changes` applied, as a UTF-8 CSV named the
 * contract's way (`海宁市_2023Q2_指标进度.csv`). Returns the file's path.
 */
export async function correctedSummaryCsv(
  db: string,
  dir: string,
  unit: { code: string; name: string },
  period: string,
  changes: Record<string, { value?: number | null; numerator?: number; denominator?: number }>,
): Promise<string> {
  const rows = await withReadWarehouse(db, (wh) =>
    wh.all<{ indicator_code: string; cumulative_value: number | null; numerator: number | null; denominator: number | null }>(
      'select indicator_code, cumulative_value, numerator, denominator from stg_indicator_progress where unit_code = ? and period = ? order by source_row',
      [unit.code, period],
    ),
  );
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const lines = ['指标代码,指标名称,累计完成,分子,分母,备注'];
  for (const r of rows) {
    const change = changes[r.indicator_code] ?? {};
    const value = 'value' in change ? change.value : r.cumulative_value;
    lines.push([r.indicator_code, '', cell(value), cell(change.numerator ?? r.numerator), cell(change.denominator ?? r.denominator), ''].join(','));
  }
  const file = join(dir, `${unit.name}_${period}_指标进度.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

import { gapText, percent, quantity, rank, STATUS_LABEL, targetText } from '../format';
import type { ProgressRow } from '../mart';

/**
 * A progress row's figures as the bulletin's tables print them (reports/format.ts, as the PDF's
 * tables do), for the tables, the tooltips and the unit panel alike: a figure reads the same
 * wherever the page shows it.
 */
export interface RowFigures {
  unit: string;
  indicator: string;
  /** 累计完成 or 实际值; 未报送 for a unit that sent nothing. */
  value: string;
  target: string;
  /** 完成率 (cumulative indicators), else —. */
  pct: string;
  /** 序时进度 (cumulative indicators), else —. */
  expected: string;
  /** Completion − 序时进度 for amounts, actual − line for rates, in 个百分点 (signed). */
  gap: string;
  rank: string;
  status: string;
}

export function rowFigures(row: ProgressRow): RowFigures {
  return {
    unit: row.unit_name,
    indicator: row.indicator_name,
    value: row.status === 'missing' ? STATUS_LABEL.missing : quantity(row.actual, row.unit_of_measure),
    target: targetText(row),
    pct: row.kind === 'cumulative' ? percent(row.completion_pct) : '—',
    expected: row.kind === 'cumulative' && row.expected_pct !== null ? percent(row.expected_pct) : '—',
    gap: gapText(row),
    rank: row.rank === null ? '—' : rank(row.rank),
    status: STATUS_LABEL[row.status] ?? row.status,
  };
}

/** The tooltip of a mark that stands for a row: its fields, in the order the tooltip lists them. */
export const TOOLTIP_FIELDS: { key: keyof RowFigures; title: string }[] = [
  { key: 'unit', title: '单位' },
  { key: 'indicator', title: '指标' },
  { key: 'value', title: '累计完成（实际值）' },
  { key: 'target', title: '目标' },
  { key: 'pct', title: '完成率' },
  { key: 'expected', title: '序时进度' },
  { key: 'gap', title: '差值（个百分点）' },
  { key: 'rank', title: '排名' },
  { key: 'status', title: '亮灯' },
];

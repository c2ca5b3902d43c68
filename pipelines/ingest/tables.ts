/**
 * The submitted tables: the units' three of submissions.md and the divisions' 重点工作进展 of
 * key-tasks.md. Their columns as headed in the files, the key each column has in the landed
 * tables (and the raw table), and what a header must hold.
 */
export type TableName = '指标进度' | '供地台账' | '卫片图斑' | '重点工作进展';
export type TableKey = 'indicator_progress' | 'land_supply' | 'patches' | 'key_task_progress';
/** Who submits a table: the reporting units, or the divisions (处室) that lead the key tasks. */
export type SubmitterKind = 'unit' | 'division';

export interface ColumnSpec {
  /** Key in the landed table: the raw-table column it becomes. */
  key: string;
  /** Header as the spec writes it. */
  header: string;
}

export interface TableSpec {
  name: TableName;
  key: TableKey;
  submitter: SubmitterKind;
  rawTable: string;
  columns: ColumnSpec[];
  /** A header row must hold every column of at least one of these groups (keys). */
  headerNeeds: string[][];
  /** Columns that must exist in the header when rows are present (keys); reported as missing columns. */
  required: string[];
  /**
   * What makes a row below a footer a data row (an error: the footer must come last): one of
   * `identifying` filled and one of `figures` filled. Notes and signatures hold neither.
   */
  identifying: string[];
  figures: string[];
  /**
   * The columns a total row (合计, 总计, 小计, 累计) sums, with their unit; a table without them
   * has no total rows (指标进度: a row there is an indicator).
   */
  summed: { key: string; unit: string }[];
}

export const TABLES: TableSpec[] = [
  {
    name: '指标进度',
    key: 'indicator_progress',
    submitter: 'unit',
    rawTable: 'raw_indicator_progress',
    columns: [
      { key: 'indicator_code', header: '指标代码' },
      { key: 'indicator_name', header: '指标名称' },
      { key: 'cumulative_value', header: '累计完成' },
      { key: 'numerator', header: '分子' },
      { key: 'denominator', header: '分母' },
      { key: 'remark', header: '备注' },
    ],
    headerNeeds: [
      ['indicator_code', 'cumulative_value'], ['indicator_name', 'cumulative_value'],
      ['indicator_code', 'numerator', 'denominator'], ['indicator_name', 'numerator', 'denominator'],
    ],
    required: [],
    identifying: ['indicator_code', 'indicator_name'],
    figures: ['cumulative_value', 'numerator', 'denominator'],
    summed: [],
  },
  {
    name: '供地台账',
    key: 'land_supply',
    submitter: 'unit',
    rawTable: 'raw_land_supply',
    columns: [
      { key: 'parcel_id', header: '地块编号' },
      { key: 'project_name', header: '项目名称' },
      { key: 'supply_method', header: '供地方式' },
      { key: 'land_use', header: '土地用途' },
      { key: 'area_mu', header: '供地面积（亩）' },
      { key: 'is_stock', header: '是否存量' },
      { key: 'price_wan', header: '成交价款（万元）' },
      { key: 'supply_date', header: '供地日期' },
      { key: 'agreed_start_date', header: '约定开工日期' },
      { key: 'agreed_completion_date', header: '约定竣工日期' },
      { key: 'actual_start_date', header: '实际开工日期' },
      { key: 'actual_completion_date', header: '实际竣工日期' },
      { key: 'extended_start_date', header: '延期开工日期' },
      { key: 'extended_completion_date', header: '延期竣工日期' },
    ],
    headerNeeds: [['parcel_id', 'project_name', 'supply_method', 'land_use', 'area_mu', 'is_stock', 'supply_date', 'agreed_start_date', 'agreed_completion_date']],
    required: ['parcel_id', 'project_name', 'supply_method', 'land_use', 'area_mu', 'is_stock', 'price_wan', 'supply_date', 'agreed_start_date', 'agreed_completion_date'],
    identifying: ['parcel_id'],
    figures: ['area_mu'],
    summed: [{ key: 'area_mu', unit: '亩' }, { key: 'price_wan', unit: '万元' }],
  },
  {
    name: '卫片图斑',
    key: 'patches',
    submitter: 'unit',
    rawTable: 'raw_patches',
    columns: [
      { key: 'patch_id', header: '图斑编号' },
      { key: 'batch', header: '监测批次' },
      { key: 'occupied_farmland_mu', header: '新增建设占用耕地面积（亩）' },
      { key: 'illegal_farmland_mu', header: '违法占用耕地面积（亩）' },
      { key: 'judgement', header: '判定类型' },
      { key: 'rectification_status', header: '整改状态' },
    ],
    headerNeeds: [['patch_id', 'batch', 'occupied_farmland_mu', 'illegal_farmland_mu', 'judgement']],
    required: ['patch_id', 'batch', 'occupied_farmland_mu', 'illegal_farmland_mu', 'judgement'],
    identifying: ['patch_id'],
    figures: ['occupied_farmland_mu'],
    summed: [{ key: 'occupied_farmland_mu', unit: '亩' }, { key: 'illegal_farmland_mu', unit: '亩' }],
  },
  {
    // key-tasks.md, "Progress submissions": the header names are exact (all nine), 形象进度 with or
    // without its bracketed （%）; a row of milestones nobody filled in reports nothing.
    name: '重点工作进展',
    key: 'key_task_progress',
    submitter: 'division',
    rawTable: 'raw_key_task_progress',
    columns: [
      { key: 'task_code', header: '任务编号' },
      { key: 'milestone_no', header: '节点序号' },
      { key: 'milestone', header: '节点名称' },
      { key: 'progress_status', header: '进展状态' },
      { key: 'completed_on', header: '完成日期' },
      { key: 'progress_pct', header: '形象进度（%）' },
      { key: 'report_text', header: '进展情况' },
      { key: 'problems', header: '存在问题' },
      { key: 'next_steps', header: '下步举措' },
    ],
    headerNeeds: [['task_code', 'milestone_no', 'milestone', 'progress_status', 'completed_on', 'progress_pct', 'report_text', 'problems', 'next_steps']],
    required: ['task_code', 'milestone_no', 'milestone', 'progress_status', 'completed_on', 'progress_pct', 'report_text', 'problems', 'next_steps'],
    identifying: ['task_code', 'milestone_no'],
    figures: ['progress_status', 'completed_on', 'progress_pct'],
    summed: [],
  },
];

/** The tables a kind of submitter sends. */
export const tablesOf = (kind: SubmitterKind): TableSpec[] => TABLES.filter((t) => t.submitter === kind);

export function tableByName(name: string): TableSpec | undefined {
  const n = normaliseHeader(name);
  return TABLES.find((t) => t.name === n);
}

/** Header cells are compared trimmed, without inner whitespace or line breaks, with （） as (). */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** A header cell's column key, also without its unit in brackets (`供地面积` for `供地面积（亩）`). */
export function columnKeyOf(table: TableSpec, headerCell: string): string | undefined {
  const n = normaliseHeader(headerCell);
  if (!n) return undefined;
  for (const c of table.columns) {
    const h = normaliseHeader(c.header);
    if (n === h || n === h.replace(/\(.*\)$/, '')) return c.key;
  }
  return undefined;
}

/** Excel column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface HeaderMatch {
  /** 0-based index of the header row among the rows given. */
  rowIndex: number;
  /** 0-based column of the header's first non-empty cell: where the table starts. */
  first: number;
  /** key → 0-based column index */
  columns: Map<string, number>;
}

/**
 * The header is the first of the first 11 rows (up to 10 title rows) that holds all required
 * columns. Returns undefined and the best candidate's missing columns when none does.
 */
export function findHeader(table: TableSpec, rows: (string | null)[][]): { match?: HeaderMatch; missing: string[] } {
  let bestMissing: string[] | undefined;
  for (let i = 0; i < Math.min(rows.length, 11); i++) {
    const columns = new Map<string, number>();
    rows[i].forEach((cell, j) => {
      if (cell === null) return;
      const key = columnKeyOf(table, cell);
      if (key && !columns.has(key)) columns.set(key, j);
    });
    if (columns.size === 0) continue;
    if (table.headerNeeds.some((group) => group.every((k) => columns.has(k)))) {
      const first = rows[i].findIndex((cell) => cell !== null && cell.trim() !== '');
      return { match: { rowIndex: i, first, columns }, missing: [] };
    }
    const missing = table.headerNeeds
      .map((group) => group.filter((k) => !columns.has(k)))
      .sort((a, b) => a.length - b.length)[0];
    if (!bestMissing || missing.length < bestMissing.length) bestMissing = missing;
  }
  return { missing: bestMissing ?? table.headerNeeds[0] };
}

export function headerOf(table: TableSpec, key: string): string {
  return table.columns.find((c) => c.key === key)?.header ?? key;
}

/**
 * The story the sample tells, fixed whatever the seed (the seed changes the numbers, not the
 * plot), so that the README and the tests can name who does what.
 */
export const SCENARIO = {
  year: 2023,
  /** Red on the illegal-farmland ratio in every quarter (and the least punctual projects). */
  laggard: '330411',
  /** No submission at all for this quarter. */
  late: { unit: 'JXPORT', quarter: 3 },
  /** Sends GBK CSV files, one per table, instead of a workbook. */
  csvUnit: '330481',
  /** Its first file for the quarter has a slip; a corrected file arrives two weeks later. */
  resubmission: { unit: '330402', quarter: 2 },
  /** A workbook with an actual start date after the period end and a negative area. */
  brokenDates: { unit: '330483', quarter: 3 },
  /** A workbook named for one unit whose 填报信息 names another (a colleague's file, copied). */
  brokenMismatch: { unit: '330482', quarter: 4, claims: '330424' },
  /** Folders are delivery days, so that sorting by path is the order the files arrived in. */
  rounds: ['2023-04-14', '2023-07-14', '2023-10-16', '2024-01-15'] as const,
  correctionRound: '2023-07-28',
  brokenFolder: '有误-应被拒收',
  /** Above this many rows in a table, a submission is written as CSV files (benchmarks, --scale). */
  workbookRowLimit: 100_000,
  /**
   * The divisions' 重点工作进展 (key-tasks.md): every other milestone is finished on time (a few
   * ahead of schedule); these are the exceptions, by task and milestone number.
   */
  keyTasks: {
    /** Finished three weeks after its deadline: 逾期未完成 at its due quarter, 逾期完成 after. */
    late: { task: 'T2-2', no: 3, daysLate: 21 },
    /** Not finished in the year: 逾期未完成 from its due quarter on. */
    overdue: { task: 'T3-2', no: 1 },
    /** Behind 序时进度 until Q4 (滞后序时), then finished on time; 未启动 in Q1. */
    lagging: [{ task: 'T1-1', no: 5 }, { task: 'T6-2', no: 2 }, { task: 'T8-1', no: 2 }],
    /** Sends no report for this quarter. */
    silent: { division: 'D12', quarter: 3 },
    /** Its first report of the quarter has two slips; a corrected one arrives two weeks later. */
    correction: { division: 'D09', quarter: 2, done: { task: 'T2-4', no: 1 } },
    /** A draft with a completion date after the period end and a status not in the list. */
    broken: { division: 'D13', quarter: 3 },
  },
} as const;

/** How a unit fills in its forms: the habits the ingest must cope with (submissions.md). */
export interface FormStyle {
  /** Title rows above each table's header. */
  titleRows: number;
  /** 填报信息 first (true) or last among the sheets. */
  infoFirst: boolean;
  /** What the unit writes as 填报单位, and in its file names; by quarter (1-4). */
  unitLabel(quarter: number): string;
  fileUnit(quarter: number): string;
  periodLabel(quarter: number): string;
  filePeriod(quarter: number): string;
  indicatorColumns: 'code+name' | 'name' | 'code';
  serialColumn: boolean;
  header: 'plain' | 'halfwidth' | 'linebreak';
  dates: 'cell' | 'iso' | 'slash' | 'chinese' | 'dotted' | 'compact';
  /** A quirk applied to every 4th number in the detail tables. */
  numbers: 'plain' | 'fullwidth' | 'thousands' | 'unit';
  /** How an empty date is written. */
  empty: '' | '-' | '无' | '/';
  landUseSuffix: boolean;
  batchLabel: 'code' | 'chinese';
  /** Also declares the detail-sourced figures (land supply, revenue, rates) in 指标进度. */
  declareDetail: boolean;
  /** Fills 累计完成 for rate rows as well as 分子/分母. */
  fillRateValue: boolean;
}

const Q_CN = ['一', '二', '三', '四'];
const code = (q: number) => `2023Q${q}`;
const chinese = (q: number) => `2023年第${Q_CN[q - 1]}季度`;
const months = (q: number) => `2023年1-${q * 3}月`;
const same = (name: string) => () => name;

const base: Omit<FormStyle, 'unitLabel' | 'fileUnit'> = {
  titleRows: 2,
  infoFirst: true,
  periodLabel: chinese,
  filePeriod: code,
  indicatorColumns: 'code+name',
  serialColumn: true,
  header: 'plain',
  dates: 'cell',
  numbers: 'plain',
  empty: '',
  landUseSuffix: false,
  batchLabel: 'code',
  declareDetail: false,
  fillRateValue: false,
};

export const STYLES: Record<string, FormStyle> = {
  // 南湖区: the template as issued.
  '330402': { ...base, unitLabel: same('南湖区'), fileUnit: same('南湖区') },
  // 秀洲区: one title row, period as 1-6月 in the sheet, 累计完成 filled for rates too.
  '330411': { ...base, titleRows: 1, unitLabel: same('秀洲区'), fileUnit: same('秀洲区'), periodLabel: months, fillRateValue: true },
  // 嘉善县: names only (no codes), dates typed as text 2023/3/14, prices with thousands separators, '-' for none.
  '330421': {
    ...base, unitLabel: same('嘉善县'), fileUnit: same('嘉善县'), filePeriod: chinese, indicatorColumns: 'name',
    dates: 'slash', numbers: 'thousands', empty: '-', landUseSuffix: true,
  },
  // 海盐县: no title rows, half-width brackets in headers, batches as 2023年第1季度, codes only.
  '330424': {
    ...base, titleRows: 0, infoFirst: false, unitLabel: same('海盐县'), fileUnit: same('海盐县'), periodLabel: code,
    indicatorColumns: 'code', serialColumn: false, header: 'halfwidth', batchLabel: 'chinese',
  },
  // 海宁市: GBK CSV files; Chinese dates, full-width digits; writes 海宁 in Q3's file names.
  '330481': {
    ...base, titleRows: 1, unitLabel: same('海宁市'), fileUnit: (q) => (q === 3 ? '海宁' : '海宁市'), periodLabel: code,
    dates: 'chinese', numbers: 'fullwidth', empty: '', landUseSuffix: true,
  },
  // 平湖市: three title rows, header cells broken over two lines, areas with a trailing 亩, 无 for none.
  '330482': {
    ...base, titleRows: 3, unitLabel: same('平湖市'), fileUnit: same('平湖市'), periodLabel: months,
    header: 'linebreak', numbers: 'unit', empty: '无', dates: 'dotted',
  },
  // 桐乡市: 填报信息 last, declares its land-supply figures in 指标进度 as well, dates as 20230314.
  '330483': {
    ...base, infoFirst: false, unitLabel: same('桐乡市'), fileUnit: same('桐乡市'), dates: 'compact', declareDetail: true, fillRateValue: true,
  },
  // 嘉兴经济技术开发区: writes 经开区 as 填报单位; dates as ISO text.
  JXETDZ: { ...base, unitLabel: same('经开区'), fileUnit: same('嘉兴经济技术开发区'), dates: 'iso', periodLabel: (q) => `2023-Q${q}`, empty: '/' },
  // 嘉兴港区: names its files 港区_….
  JXPORT: { ...base, titleRows: 1, unitLabel: same('嘉兴港区'), fileUnit: same('港区'), batchLabel: 'chinese' },
};

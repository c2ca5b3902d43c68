import { bilingual } from './bilingual';

type Text = { zh: string; en: string };
const t = (zh: string, en: string): Text => ({ zh, en });

/** What a cell-level check says; `h` is the column header, `d` the check's detail. */
export interface CellContext {
  h: string;
  d: string | null;
  unit?: string | null;
  periodEnd?: string;
  /** The value as typed. */
  v?: string | null;
  /** A total row's word: 合计, 总计, 小计 or 累计. */
  word?: string;
}

/** Cell-level errors and warnings found by the SQL checks (sql/ingest/*), by code. */
export const cellMessages: Record<string, (c: CellContext) => Text> = {
  required: (c) => t(`${c.h}为必填项${c.d ? `（${c.d}）` : ''}`, `${c.h} is required${c.d ? ` (${c.d})` : ''}`),
  not_a_number: (c) =>
    t(`${c.h}应为数字${c.unit ? `（单位：${c.unit}）` : ''}`, `${c.h} must be a number${c.unit ? ` in ${c.unit}` : ''}`),
  not_a_date: (c) => t(`${c.h}应为日期，如 2023-03-14`, `${c.h} must be a date such as 2023-03-14`),
  negative: (c) => t(`${c.h}不能为负数`, `${c.h} must not be negative`),
  not_positive: (c) => t(`${c.h}应大于 0`, `${c.h} must be greater than 0`),
  after_period_end: (c) => t(`${c.h}不能晚于报告期末 ${c.periodEnd}`, `${c.h} must not be after the period end ${c.periodEnd}`),
  date_order: (c) => t(`${c.h}不能早于${c.d}`, `${c.h} must not be before ${c.d}`),
  requires_actual_start: (c) =>
    t(`填写了${c.h}，须同时填写实际开工日期`, `${c.h} is filled in, so 实际开工日期 (actual start) is required too`),
  duplicate: (c) => t(`${c.h}重复：第 ${c.d} 行已有相同值`, `duplicate ${c.h}: row ${c.d} has the same value`),
  duplicate_indicator: (c) => t(`指标重复：第 ${c.d} 行已填报该指标`, `duplicate indicator row: row ${c.d} reports the same indicator`),
  unknown_indicator: (c) =>
    t(`未知指标${c.d ? `，最接近的是“${c.d}”` : ''}（见指标目录 indicators-2023.csv）`, `unknown indicator${c.d ? `; closest: "${c.d}"` : ''} (see the catalogue indicators-2023.csv)`),
  indicator_mismatch: (c) => t(`指标代码与指标名称不一致（代码对应“${c.d}”）`, `指标代码 and 指标名称 name different indicators (the code is "${c.d}")`),
  not_in_list: (c) => t(`${c.h}应为以下之一：${c.d}`, `${c.h} must be one of: ${c.d}`),
  illegal_exceeds_occupied: (c) =>
    t(`违法占用耕地面积不能大于新增建设占用耕地面积（${c.d}）`, `违法占用耕地面积 (illegal) must not exceed 新增建设占用耕地面积 (occupied, ${c.d})`),
  legal_with_illegal_area: (c) => t(`判定类型为“合法”的图斑，违法占用耕地面积应为 0`, `a patch judged 合法 (legal) must have 违法占用耕地面积 = 0`),
  denominator_not_positive: (c) => t(`${c.h}应大于 0`, `${c.h} (denominator) must be greater than 0`),
  numerator_exceeds_denominator: (c) =>
    t(`分子不能大于分母（${c.d}）：该比率不能超过 100%`, `分子 (numerator) must not exceed 分母 (denominator, ${c.d}): this rate cannot pass 100%`),
  batch_unreadable: (c) => t(`${c.h}应为季度，如 2023Q1、2023年第1季度`, `${c.h} must be a quarter such as 2023Q1 or 2023年第1季度`),
  batch_out_of_range: (c) => t(`${c.h}应为报告年度内、不晚于报告期的季度（${c.d}）`, `${c.h} must be a quarter of the reporting year, not after the period (${c.d})`),
  price_for_allocation: (c) => t(`划拨供地的${c.h}应为空`, `${c.h} must be blank for 划拨 (allocation)`),
  data_after_footer: (c) =>
    t(`表尾（第 ${c.d} 行起的说明、签名等）之后不能再有数据行：请把表尾放在最后一行数据之后`,
      `a data row after the footer (the notes and signatures from row ${c.d}): the footer must come after the last data row`),
  // warnings
  ytd_decrease: (c) => t(`累计完成低于上一报告期（${c.d}）`, `year-to-date value is lower than the previous period (${c.d})`),
  declared_vs_computed: (c) => t(`填报值与明细表计算值相差超过 1%（${c.d}）`, `declared value differs by more than 1% from what the detail tables compute (${c.d})`),
  rate_mismatch: (c) => t(`累计完成与 100×分子/分母 相差超过 0.1（${c.d}）`, `累计完成 differs from 100 × 分子/分母 by more than 0.1 (${c.d})`),
  total_mismatch: (c) =>
    t(`${c.word}行的${c.h}填报为 ${c.v}，与所含明细行之和 ${c.d} 不符（相差超过 0.01；载入的是明细行）`,
      `the ${c.word} (total) row's ${c.h} is typed as ${c.v}, but the detail rows it covers sum to ${c.d} (a difference over 0.01; the detail rows are what is loaded)`),
  total_not_a_number: (c) =>
    t(`${c.word}行的${c.h}“${c.v}”不是数字，未与明细行核对`, `the ${c.word} (total) row's ${c.h} "${c.v}" is not a number, so it was not checked against the detail rows`),
  ...keyTaskCellMessages(),
};

/**
 * 重点工作进展 (key-tasks.md): the codes are the spec's, K1–K8 and W-K1–W-K3; the SQL's detail
 * says which rule of the code was broken (`rule|value|value`).
 */
function keyTaskCellMessages(): Record<string, (c: CellContext) => Text> {
  const part = (c: CellContext, i: number) => (c.d ?? '').split('|')[i] ?? '';
  const STATUSES = t('已完成、推进中 或 未启动（也可写 完成、已办结、进行中、正在推进、未开始）', '已完成 (done), 推进中 (in progress) or 未启动 (not started); also 完成, 已办结, 进行中, 正在推进, 未开始');
  return {
    K1: (c) => {
      const [rule, year, task] = [part(c, 0), part(c, 1), part(c, 2)];
      if (rule === 'required') return t(`任务编号和节点序号为必填项`, `任务编号 (task) and 节点序号 (milestone number) are required`);
      if (rule === 'task') return t(`任务编号“${c.v}”不是 ${year} 年重点工作任务清单中的任务`, `任务编号 "${c.v}" is not a key task of ${year}'s catalogue`);
      return t(`任务 ${task} 在 ${year} 年任务清单中没有第“${c.v}”个节点`, `task ${task} has no milestone "${c.v}" in ${year}'s catalogue`);
    },
    K2: (c) => t(`任务 ${c.v} 由${c.d}牵头，只能由牵头处室报送`, `task ${c.v} is led by ${c.d}: only its lead division reports its progress`),
    K3: (c) => (c.d === 'blank'
      ? t(`进展状态为必填项，应为 ${STATUSES.zh}`, `进展状态 (status) is required: ${STATUSES.en}`)
      : t(`进展状态应为 ${STATUSES.zh}`, `进展状态 (status) must be ${STATUSES.en}`)),
    K4: (c) => {
      const [rule, value] = [part(c, 0), part(c, 1)];
      if (rule === 'missing') return t('进展状态为“已完成”，须填写完成日期', '已完成 (done) needs a 完成日期 (completion date)');
      if (rule === 'not_a_date') return t('完成日期应为日期，如 2023-03-14', '完成日期 must be a date such as 2023-03-14');
      if (rule === 'after') return t(`完成日期不能晚于报告期末 ${value}`, `完成日期 must not be after the period end ${value}`);
      if (rule === 'before') return t(`完成日期不能早于报告年度的 ${value}`, `完成日期 must not be before ${value}, the start of the reporting year`);
      return t(`只有“已完成”的节点才填写完成日期（本行为“${value}”）`, `完成日期 is given only for a milestone that is 已完成 (done); this row is ${value}`);
    },
    K5: (c) => {
      const rule = part(c, 0);
      if (rule === 'in_progress') return t('“推进中”的形象进度应大于 0、小于 100', '推进中 (in progress) needs a 形象进度 above 0 and below 100');
      if (rule === 'not_started') return t('“未启动”的形象进度应为空或 0', '未启动 (not started) takes a 形象进度 of 0 or none');
      return t('形象进度应为 0 到 100 之间的数字（可带 %）', '形象进度 must be a number from 0 to 100 (a % sign is fine)');
    },
    K6: (c) => t(`同一节点重复填报：第 ${c.d} 行已填报该节点`, `the same milestone twice: row ${c.d} reports it already`),
    K7: (c) => t(`${c.h}超过 500 字（${c.d} 字），请精简`, `${c.h} is longer than 500 characters (${c.d})`),
    // warnings
    'W-K2': (c) =>
      t(`该节点 ${part(c, 0)} 已报“已完成”，本期报为“${part(c, 1)}”，以本期为准`, `reported 已完成 (done) in ${part(c, 0)}, now ${part(c, 1)}: the latest report counts`),
    'W-K3': (c) => t(`“已完成”的形象进度应为空或 100，按 100 计`, `已完成 (done) with a 形象进度 of ${c.v}: taken as 100`),
  };
}

/** W-K1, a warning about the file: a milestone of the division's tasks without a row. */
export const keyTaskMessages = {
  milestoneNotReported: (task: string, no: number, milestone: string) =>
    t(`${task} 节点${no}（${milestone}）本期未填报进展，将显示为未报送`, `no row for ${task} milestone ${no} (${milestone}): it will show as not reported`),
};

/** File-level errors. */
export const fileMessages = {
  emptyFile: t('文件为空', 'the file is empty'),
  notAWorkbook: t('不是有效的 Excel 工作簿（.xlsx）：文件已损坏或并非 xlsx 格式', 'not a valid Excel workbook (.xlsx): the file is corrupt or not in xlsx format'),
  oldXls: t('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx', 'this is an old .xls file: save it as .xlsx in Excel'),
  binaryCsv: t('不是文本 CSV 文件（含二进制内容）', 'not a text CSV file (it holds binary data)'),
  unsupportedType: (ext: string) => t(`不支持的文件类型“${ext}”，请提交 .xlsx 工作簿或 .csv 文件`, `unsupported file type "${ext}": submit an .xlsx workbook or .csv files`),
  unreadable: (detail: string) => t(`无法读取文件：${detail}`, `cannot read the file: ${detail}`),
  csvParse: (detail: string) => t(`CSV 格式错误：${detail}`, `malformed CSV: ${detail}`),
  noTables: t('工作簿中没有 指标进度、供地台账 或 卫片图斑 工作表', 'the workbook has no sheet named 指标进度, 供地台账 or 卫片图斑'),
  csvTableName: (got: string) => t(`文件名中的表名“${got}”无法识别：应为 指标进度、供地台账、卫片图斑 或（处室）重点工作进展（文件名格式：<单位>_<报告期>_<表名>.csv）`, `table name "${got}" in the file name is not 指标进度, 供地台账, 卫片图斑 or (a division's) 重点工作进展 (name CSV files <单位>_<报告期>_<表名>.csv)`),
  missingColumns: (headers: string[]) =>
    t(`在前 11 行中找不到表头：缺少列 ${headers.join('、')}`, `no header row in the first 11 rows: missing column(s) ${headers.join(', ')}`),
  noUnit: t('无法确定填报单位：填报信息 表中没有“填报单位”，文件名也不是 <单位>_<报告期> 格式', 'cannot tell the reporting unit: no 填报单位 in 填报信息 and the file name is not <单位>_<报告期>'),
  noPeriod: t('无法确定报告期：填报信息 表中没有“报告期”，文件名也不是 <单位>_<报告期> 格式', 'cannot tell the period: no 报告期 in 填报信息 and the file name is not <单位>_<报告期>'),
  unknownUnit: (closest: string | undefined, valid: string[]) =>
    t(`未知填报单位${closest ? `，最接近的是“${closest}”` : ''}。可用单位：${valid.join('、')}`, `unknown reporting unit${closest ? `; closest: "${closest}"` : ''}. Valid units: ${valid.join(', ')}`),
  unknownSubmitter: (closest: string | undefined, units: string[], divisions: string[]) =>
    t(`未知填报单位${closest ? `，最接近的是“${closest}”` : ''}。可用单位：${units.join('、')}${divisions.length ? `；处室（报送重点工作进展）：${divisions.join('、')}` : ''}`,
      `unknown reporting unit${closest ? `; closest: "${closest}"` : ''}. Valid units: ${units.join(', ')}${divisions.length ? `; divisions (for 重点工作进展): ${divisions.join(', ')}` : ''}`),
  noDivisionTable: t('工作簿中没有 重点工作进展 工作表', 'the workbook has no sheet named 重点工作进展'),
  notForDivision: (table: string) =>
    t(`处室只报送 重点工作进展，不报送 ${table}`, `a division submits 重点工作进展 only, not ${table}`),
  notForUnit: (table: string) =>
    t(`${table} 由牵头处室报送，填报单位不报送`, `${table} is submitted by the lead divisions, not by the reporting units`),
  aggregateUnit: (name: string) => t(`“${name}”是汇总单位，由系统计算，不接受填报`, `"${name}" is an aggregate computed by nrp; it is never submitted`),
  badPeriod: t('报告期无法识别：应为 2023Q2、2023年第二季度、2023年1-6月 等', 'unreadable period: use 2023Q2, 2023年第二季度, 2023年1-6月 or the like'),
  unitMismatch: (inSheet: string, inName: string) =>
    t(`填报信息中的单位“${inSheet}”与文件名中的单位“${inName}”不一致，文件被拒收`, `the unit in 填报信息 ("${inSheet}") differs from the unit in the file name ("${inName}"): rejected`),
  periodMismatch: (inSheet: string, inName: string) =>
    t(`填报信息中的报告期“${inSheet}”与文件名中的报告期“${inName}”不一致，文件被拒收`, `the period in 填报信息 ("${inSheet}") differs from the period in the file name ("${inName}"): rejected`),
  loadFailed: (detail: string) => t(`写入数据仓库失败，未写入任何数据：${detail}`, `loading failed and nothing was written: ${detail}`),
  tooManyErrors: (n: number, listed: number) => t(`共 ${n} 个错误，仅列出前 ${listed} 个`, `${n} errors in all; the first ${listed} are listed`),
};

export const ingestMessages = {
  ingestSummary: 'load submission files (.xlsx, .csv) into the warehouse, validated, versioned',
  validateSummary: 'check submission files against the contract without writing anything',
  submissionsSummary: 'list the submissions registry (every version)',
  statusSummary: 'what arrived for a period, and what is missing: units × tables, then divisions × 重点工作进展',
  templateSummary: 'write the blank submission workbook for a unit (or a division\'s progress report) and period',
  ingestHelp: `Usage: nrp ingest [--db FILE] [--json] PATH...

Loads submission files into the warehouse. PATH is an .xlsx workbook, a .csv file named
<单位>_<报告期>_<表名>.csv, or a folder of them. Each file is validated on its own and loaded in
one transaction: a file with any error loads nothing. A resubmitted table becomes a new version;
the same bytes loaded again are recognised and skipped.
  --db     warehouse file (default: $NRP_DB, else data/warehouse.duckdb)
  --json   print the load report as JSON on standard output
Limits (a file past one is rejected; raise them with these environment variables):
  NRP_MAX_FILE_MB 200, NRP_MAX_ROWS 5000000 per table, NRP_MAX_CELL_CHARS 32767,
  NRP_MAX_UNZIP_RATIO 100 (per workbook part), NRP_MAX_UNZIP_MB 2048 (whole workbook)
Exit codes: 0 every file accepted (or already loaded), 1 any file rejected, 2 usage error.`,
  validateHelp: `Usage: nrp validate [--db FILE] [--json] PATH...

Checks submission files against the contract (docs: submissions.md) and writes nothing. The
warehouse, when it exists, is read for the previous period's values (warnings).
Exit codes: 0 every file valid, 1 any file has errors, 2 usage error.`,
  submissionsHelp: `Usage: nrp submissions [--db FILE] [--period P] [--unit U] [--json]

Lists the registry of loaded table snapshots, every version, newest last. The latest version of
each unit × period × table is the one the models read (marked *).`,
  statusHelp: `Usage: nrp status [--db FILE] --period P [--json]

For each reporting unit and table (指标进度, 供地台账, 卫片图斑), then for each division that leads
a key task and its 重点工作进展: the latest version and when it was loaded, or "missing".
As of the last build (mart_submission_status); --json prints one array, submitter_kind telling
units from divisions.`,
  statusUnitsHeading: '报送单位 reporting units',
  statusDivisionsHeading: '牵头处室 lead divisions (重点工作进展)',
  templateHelp: `Usage: nrp template --unit U --period P [--out DIR]
       nrp template --division D --period P [--out DIR]

--unit: writes <单位>_<报告期>.xlsx, the blank workbook a unit fills in: 填报信息 prefilled, one
sheet per table with its title and header rows, dropdowns for the listed values, a 合计 row (SUM
formulas) under 供地台账 and 卫片图斑, and the indicator catalogue listed in 指标进度.
--division: writes <处室>_<报告期>_重点工作进展.xlsx, the progress report a division (处室, by name,
alias or code) fills in: 填报信息 prefilled and every milestone of the key tasks it leads in the
period's year (任务编号, 节点序号, 节点名称, 截止日期), with a drop-down for 进展状态.
The filled-in workbook is what nrp ingest reads; a row left unfilled reports nothing.
  --out    folder to write to (default: the current folder)`,
  needPaths: bilingual('请给出要处理的文件或文件夹', 'give one or more files or folders'),
  noSuchPath: (p: string) => bilingual(`找不到文件或文件夹：${p}`, `no such file or folder: ${p}`),
  noFilesIn: (p: string) => bilingual(`文件夹中没有 .xlsx 或 .csv 文件：${p}`, `no .xlsx or .csv files in the folder: ${p}`),
  needPeriod: bilingual('请用 --period 指定报告期，如 2023Q2', 'give --period, e.g. 2023Q2'),
  needUnit: bilingual('请用 --unit 指定填报单位，或用 --division 指定处室（二者选一）', 'give --unit (e.g. 海宁市) or --division (e.g. 规划处), one of them'),
  unknownDivision: (raw: string, valid: string[], year: number) =>
    bilingual(`“${raw}”不是 ${year} 年的处室。可用处室：${valid.join('、')}`, `"${raw}" is not a division of ${year}. Divisions: ${valid.join(', ')}`),
  badPeriodArg: (p: string) => bilingual(`报告期“${p}”无法识别`, `unreadable period "${p}": use 2023Q2, 2023年第二季度 …`),
  accepted: (file: string, what: string) => `✓ ${file}: ${what}`,
  /** What a table's line in the load report says besides its rows: the rows skipped. */
  skippedRows: (totals: number, footer: number) =>
    [totals ? `跳过合计行 ${totals} 行 / ${totals} total row${totals === 1 ? '' : 's'} skipped` : '',
      footer ? `跳过表尾说明、签名 ${footer} 行 / ${footer} footer row${footer === 1 ? '' : 's'} skipped` : ''].filter(Boolean).join('; '),
  rejected: (file: string, n: number) => `✗ ${file}: 拒收，${n} 个错误，未写入任何数据 / rejected, ${n} error${n === 1 ? '' : 's'}, nothing loaded`,
  duplicate: (file: string) => `= ${file}: 与已载入的最新版本完全相同，跳过 / identical to the latest loaded version, skipped`,
  validOk: (file: string, what: string) => `✓ ${file}: 校验通过 / valid: ${what}`,
  summary: (acc: number, rej: number, dup: number) =>
    `${acc} 个文件接收，${rej} 个拒收，${dup} 个重复跳过 / ${acc} accepted, ${rej} rejected, ${dup} duplicate${dup === 1 ? '' : 's'} skipped`,
  wroteTemplate: (path: string) => `wrote ${path}`,
  missing: '缺报 missing',
};

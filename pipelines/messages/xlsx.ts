import { bilingual } from './bilingual';

/**
 * The workbooks' wording (reports/xlsx): sheet names, titles, column headers and notes of the
 * bulletin workbook and of each unit's feedback workbook, and `nrp feedback`'s own messages.
 * Figures are never in here: they come from the model, formatted by reports/format.ts.
 */
export const xlsxMessages = {
  sheet: {
    mainTargets: '主要目标',
    matrix: '各地完成情况',
    keyTasks: '重点工作',
    submissions: '报送情况',
    sources: '数据来源',
    ownFigures: '本单位指标',
    attention: '需关注指标',
    warnings: '校验提示',
    /** One sheet per main target, headed as the bulletin's 三、分项进展 heads it: （三）国有土地供应. */
    family: (numeral: string, title: string) => `（${numeral}）${title}`,
  },
  title: {
    matrix: (months: string) => `${months}各地主要目标任务完成情况`,
    family: (heading: string) => `${heading}　各地完成情况排名`,
    keyTasks: (year: number, scope: string) => `${year}年${scope}重点工作节点进展情况`,
    submissions: (period: string) => `${period}各地数据报送情况`,
    ownFigures: (unit: string, period: string) => `${unit}${period}主要目标任务完成情况反馈`,
    attention: (unit: string) => `${unit}亮红灯、黄灯指标`,
    unitSubmissions: (unit: string, period: string) => `${unit}${period}数据报送情况`,
    warnings: (unit: string) => `${unit}报送数据载入校验提示`,
  },
  /** The line under every title: the period the figures cover and the bulletin they belong to. */
  subtitle: (months: string, documentNumber: string, issuedOn: string) => `统计期间：${months}　　通报文号：${documentNumber}　　印发日期：${issuedOn}`,
  /** The caption of one indicator's block in a ranking sheet. */
  rankingCaption: (indicator: string, unit: string) => `${indicator}（计量单位：${unit}）`,
  header: {
    number: '序号',
    mainTarget: '主要目标',
    indicator: '指标',
    unitOfMeasure: '计量单位',
    yearTarget: '年度目标',
    target: '目标',
    cityTarget: (city: string) => `${city}目标`,
    actual: '累计完成\n（实际值）',
    completion: '完成率\n（%）',
    expected: '序时进度\n（%）',
    gap: '差值\n（个百分点）',
    status: '亮灯',
    rank: '排名',
    rankedUnits: '参与排名\n单位数',
    unit: '单位',
    line: '项目',
    cityActual: (city: string) => `${city}累计完成\n（实际值）`,
    explanation: '情况说明',
    task: '重点任务',
    milestoneNo: '节点',
    milestone: '节点内容',
    lead: '牵头处室',
    unitsInvolved: '涉及单位',
    due: '完成时限',
    schedule: '序时进度\n（%）',
    progress: '形象进度\n（%）',
    milestoneStatus: '进展状态',
    completedOn: '完成日期',
    reportText: '进展情况',
    problems: '存在问题',
    nextSteps: '下步计划',
    table: '报送表',
    arrived: '报送情况',
    version: '版本',
    versionCount: '版本数',
    loadedAt: '载入时间',
    rows: '行数',
    warningCount: '校验提示\n（条）',
    fileName: '文件名',
    sha256: 'SHA-256',
    warnings: '载入校验提示',
    warning: '提示内容',
  },
  /** The lines of the unit × indicator matrix under each indicator. */
  line: { actual: '累计完成', completion: '完成率（%）', value: '实际值' },
  arrived: '已报送',
  notArrived: '未报送',
  note: {
    /** After the bulletin's sentence on 完成率 and 差值 (reports/text/captions.ts), in the workbooks' notes. */
    percentUnit: '百分比以“%”为单位（如57.8即57.8%）。',
    matrix: (aggregates: string) =>
      `说明：各指标依次列出累计完成（比率类、总量类为实际值）、完成率（%）和亮灯；底色浅红为红灯、浅黄为黄灯、灰色为未报送。${aggregates}按已报送成员单位汇总，不含未报送单位。`,
    ranking: '说明：排名按完成率（比率类、总量类按实际值）由高到低，控制类指标按实际值由低到高；未报送、无目标、无数据的单位及汇总行不排名，列于其后。',
    keyTasks: '说明：序时进度、形象进度以“%”为单位；灯色底色浅红为滞后或逾期、浅黄为进度偏慢、灰色为未报送。',
    submissions: (tables: string) => `说明：同一单位同一报送表有多个版本时，取最新版本（版本号最大者）。各单位应报送${tables}。`,
    missingUnits: (names: string) => `未按时报送的单位：${names}。`,
    noAttention: '本期无亮红灯、黄灯的指标。',
    noKeyTasks: '本期无涉及本单位的重点工作节点。',
    allArrived: '本期应报送的各表均已报送。',
    lights: (counts: string) => `本期${counts}。`,
  },
  feedbackSummary: 'write each unit’s feedback workbook: its figures, ranks, lights, missing tables and warnings',
  feedbackHelp: `Usage: nrp feedback --period P [--unit U] [--db FILE] [--out DIR] [--config FILE]

Writes one workbook per reporting unit, 反馈-<unit name>-<P>.xlsx, from the same bulletin model
as the PDF (run nrp build first): the unit's figures with its rank among the units, light and gap
(本单位指标), the indicators where it is red or yellow (需关注指标), every table it was due to send
and whether it arrived (报送情况), the warnings raised when its files were loaded (校验提示), and
the key tasks that name it (重点工作).
  --period   reporting period: 2023Q2, 2023年第二季度, 2023年1-6月, …
  --unit     only this unit (code, name or alias: 330481, 海宁市, 海宁); default: every unit
  --out      folder to write to (default: the current folder)
  --config   bulletin configuration (default: reports/bulletin.config.json): the document number
             and issue date the workbooks carry (never the clock)
The same warehouse and configuration give the same bytes.
Exit codes: 0 written, 1 no data or configuration for the period, 2 usage error.

Examples:
  nrp feedback --period 2023Q2 --out out/feedback/2023Q2
  nrp feedback --period 2023Q2 --unit 海宁市`,
  /** `nrp run`'s timing stage for the bulletin workbook, and for the units' feedback workbooks. */
  stageWorkbook: (p: string) => `workbook ${p} / 工作簿`,
  stageFeedback: (p: string) => `feedback ${p} / 反馈`,
  needPeriod: bilingual('请用 --period 指定报告期，如 --period 2023Q2', 'give the period: --period 2023Q2'),
  loading: 'reading the marts',
  writing: 'writing the feedback workbooks',
  wrote: (file: string, bytes: number) => `wrote ${file} (${(bytes / 1024).toFixed(0)} KB)`,
  wroteMany: (n: number, dir: string) => `wrote ${n} feedback workbook(s) in ${dir}`,
  /** A workbook about to be written holds a part no output of nrp may hold (an external link, macros). */
  forbiddenPart: (part: string) => bilingual(`工作簿中出现不允许的部件 ${part}`, `the workbook would hold ${part}: no external links or macros are written`),
};

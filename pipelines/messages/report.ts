import { bilingual } from './bilingual';

export const reportMessages = {
  summary: 'write the quarterly bulletin (PDF in GB/T 9704 form, one HTML file, a workbook) for the city or one unit',
  help: `Usage: nrp report --period P [--db FILE] [--unit U] [--out DIR] [--format pdf,html,xlsx] [--issue] [--config FILE]

Writes the quarterly bulletin 关于…主要目标任务进展情况的通报 as a PDF, from mart_indicator_progress,
the key-task marts (四、重点工作推进情况 and the annex 重点工作任务进展清单) and mart_submission_status
(run nrp build first).
  --period   reporting period: 2023Q2, 2023年第二季度, 2023年1-6月, …
  --unit     a bulletin for one unit (code, name or alias: 330481, 海宁市, 海宁)
  --out      folder to write to (default: the current folder); the file is
             bulletin-<P>.pdf, or bulletin-<P>-<unit code>.pdf with --unit
  --format   one or more of pdf (default), html and xlsx, comma-separated. The HTML is one file that
             opens offline (scripts, data and fonts inside): the same figures and sentences as the
             PDF, the year's quarters switchable in place, a unit selector, tooltips, sortable
             tables. xlsx writes the bulletin's tables as a workbook (bulletin-<P>.xlsx)
  --issue    record the city bulletin as issued: its figures become the published values that a
             later bulletin for the same period footnotes when a unit's resubmission changes them;
             issuing the same number again with other figures is refused (give a new number)
One-unit editions carry the city bulletin's document number and date.
  --config   bulletin configuration (default: reports/bulletin.config.json): document number and
             issue date per period, addressees, 下步工作
The same warehouse and configuration give the same PDF, byte for byte.
Exit codes: 0 written, 1 no data or configuration for the period, 2 usage error.

Examples:
  nrp report --period 2023Q2
  nrp report --period 2023Q2 --format pdf,html,xlsx
  nrp report --period 2023Q2 --unit 海宁市 --out out/`,
  needPeriod: bilingual('请用 --period 指定报告期，如 --period 2023Q2', 'give the period: --period 2023Q2'),
  badPeriod: (raw: string) =>
    bilingual(`无法识别的报告期“${raw}”`, `cannot read the period "${raw}"; write it as 2023Q2, 2023年第二季度 or 2023年1-6月`),
  unknownUnit: (raw: string, suggestion?: string) =>
    bilingual(
      `未知的单位“${raw}”${suggestion ? `，是否为“${suggestion}”？` : ''}`,
      `unknown unit "${raw}"${suggestion ? `; did you mean "${suggestion}"?` : ''}; give a code, name or alias from seeds/units.csv`,
    ),
  noPeriodConfig: (period: string, file: string) =>
    bilingual(
      `配置文件中没有 ${period} 的文号和印发日期`,
      `${file} has no document number and issue date for ${period}: add "periods": { "${period}": { "serial": N, "issuedOn": "YYYY-MM-DD" } }`,
    ),
  badConfig: (file: string, detail: string) => bilingual(`无法读取通报配置 ${file}`, `cannot read the bulletin configuration ${file}: ${detail}`),
  noMart: (detail: string) =>
    bilingual('数据仓库中还没有指标进度表，请先运行 nrp build', `mart_indicator_progress is not in the warehouse yet: run nrp build first\n${detail}`),
  noRows: (period: string) =>
    bilingual(`数据仓库中没有 ${period} 的指标进度数据`, `mart_indicator_progress has no rows for ${period}: load the submissions and run nrp build`),
  reissueChanged: (documentNumber: string) =>
    bilingual(
      `${documentNumber} 已按其他数据登记为已印发；请在配置中为更正后的通报设定新的文号`,
      `${documentNumber} was recorded as issued with other figures; give the corrected bulletin a new document number in the configuration`,
    ),
  issueCityOnly: bilingual(
    '--issue 只用于全市通报；单位通报是全市通报的分送件，使用同一文号',
    '--issue records the city bulletin only; a one-unit edition carries the city bulletin’s number',
  ),
  loading: 'reading the marts',
  rendering: (formats: string[]) => `writing the bulletin (${formats.join(', ')})`,
  issueNeedsPdf: bilingual('--issue 登记的是通报 PDF，请在 --format 中包含 pdf', '--issue records the bulletin PDF: include pdf in --format'),
  badFormat: (raw: string, known: string[]) =>
    bilingual(`无法识别的输出格式“${raw}”`, `unknown format "${raw}": give ${known.join(', ')} or a comma list of them (${known.join(',')})`),
  stageHtml: (p: string) => `html ${p} / 网页版`,
  wrote: (file: string, bytes: number) => `wrote ${file} (${(bytes / 1024).toFixed(0)} KB)`,
  issued: (documentNumber: string, n: number) => `recorded ${documentNumber} as issued (${n} published values)`,
};

import { bilingual } from './bilingual';

export const chartMessages = {
  summary: 'write the bulletin charts of a period as SVG, PNG or Vega-Lite JSON',
  help: `Usage: nrp charts --period P [--db FILE] [--out DIR] [--format svg|png|vl.json] [--scale N] [--only PREFIXES]

Writes every chart of the quarterly bulletin for period P (2023Q2, 2023年第二季度, …) into DIR,
one file per chart, named for what it shows:
  overview-main_targets      the city on each main target (bullet per indicator)
  matrix-main_targets        lights of every unit on the main-target indicators
  matrix-other_indicators    lights on the other indicators
  rank-<indicator>           units ranked by completion, with the expected time progress (序时进度)
  rate-<indicator>           units' rate against the threshold, the city's pooled rate marked
  trend-main_target_<N>      the city by quarter against the schedule, for main target N
  keytask-status_by_section  重点工作: each section's milestones by status (按期完成 … 未报送)
  keytask-division_on_time_rate  each lead division's 节点按期完成率, the city's marked
and charts.json listing id, title and file. Reads mart_indicator_progress and the key-task marts
(run nrp build first); the warehouse is opened read-only.
  --out      folder to write into (default: charts/<period>)
  --format   svg (default), png, or vl.json (the Vega-Lite spec)
  --scale    PNG pixels per point (default 3, about 216 dpi; charts are 440 pt wide)
  --only     only the charts whose id starts with one of these comma-separated prefixes,
             e.g. --only rank-,trend-main_target_3 (PNG takes a second or two per chart)
Exit codes: 0 ok, 1 no mart rows for the period or the warehouse cannot be read, 2 usage error.

Example:
  nrp charts --period 2023Q2 --format png --out out/charts`,
  needPeriod: bilingual('请用 --period 指定报告期，例如 --period 2023Q2', 'give the period: --period 2023Q2'),
  badPeriod: (raw: string) =>
    bilingual(`无法识别的报告期“${raw}”，示例：2023Q2、2023年第二季度`, `cannot read the period "${raw}"; e.g. 2023Q2`),
  badFormat: (format: string, suggestion?: string) =>
    bilingual(
      `不支持的格式“${format}”${suggestion ? `，是否想用 ${suggestion}？` : ''}`,
      `unknown format "${format}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}; use svg, png or vl.json`,
    ),
  badScale: (raw: string) => bilingual(`--scale 须为 0.5 到 10 之间的数：“${raw}”`, `--scale must be a number from 0.5 to 10, not "${raw}"`),
  noRows: (period: string) =>
    bilingual(`数据仓库中没有 ${period} 的指标进度（mart_indicator_progress），请先运行 nrp build`, `no rows for ${period} in mart_indicator_progress; run nrp build first`),
  noMart: (detail: string) =>
    bilingual('数据仓库中还没有指标进度表，请先运行 nrp build', `the warehouse has no mart_indicator_progress yet; run nrp build first\n${detail}`),
  noneSelected: (only: string, ids: string[]) =>
    bilingual(`--only ${only} 未匹配任何图表；可选：${ids.join('、')}`, `--only ${only} matches no chart; the charts are: ${ids.join(', ')}`),
  rendering: 'rendering charts / 正在生成图表',
  wrote: (n: number, dir: string) => `wrote ${n} ${n === 1 ? 'chart' : 'charts'} to ${dir} / 已写入 ${n} 张图表`,
};

import { bilingual } from './bilingual';

export const runMessages = {
  summary: 'ingest the inbox, build, draw the charts and write the bulletin for a period',
  help: `Usage: nrp run --period P [--inbox DIR] [--db FILE] [--out DIR] [--format pdf,html,xlsx] [--config FILE] [--feedback] [--json]

One command from new files to a bulletin:
  1. ingest every file in the inbox that is not loaded yet (same bytes are skipped),
  2. build the models and run the data tests,
  3. draw each chart of each period once, for its file (OUT/charts/<P>/*.svg) and the bulletin,
  4. write the bulletin of each period in each format: OUT/bulletin-<P>.pdf, OUT/bulletin-<P>.html
     (one offline page) and OUT/bulletin-<P>.xlsx (its tables as a workbook).
  --period   a quarter (2023Q2, 2023年第二季度, …); repeat it for several, or give a year
             (2023) for every quarter of that year that has submissions
  --inbox    folder of the units' files (default: inbox)
  --out      folder for charts and bulletins (default: out)
  --format   the bulletin's formats, a comma list (default: pdf,html,xlsx; see nrp report --help)
  --config   bulletin configuration (default: reports/bulletin.config.json): number and date per period
  --feedback also write each unit's feedback workbook (OUT/feedback/<P>/反馈-<unit>-<P>.xlsx, as
             nrp feedback writes them)
  --json     print the summary as JSON on standard output
Exit codes: 0 all files accepted, 1 some file rejected (everything else still ran), 2 usage error.`,
  demoSummary: 'generate the sample submissions and run the whole of 2023 on them (npm start)',
  demoHelp: `Usage: nrp demo [--inbox DIR] [--db FILE] [--out DIR] [--seed N]

The main job on the bundled sample data: writes a year of sample submissions of the nine units
into the inbox (nrp sample), then runs the pipeline for every quarter of 2023 (nrp run --feedback)
and says where the bulletins, workbooks and the units' feedback workbooks are. The sample holds two deliberately broken files: their rejection is
expected, and the demo exits 0 when every file ended as the sample's MANIFEST.json says.`,
  needPeriod: bilingual('请用 --period 指定报告期，如 2023Q2 或 2023', 'give --period, e.g. 2023Q2, or a year: 2023'),
  badPeriod: (raw: string) => bilingual(`无法识别的报告期“${raw}”`, `cannot read the period "${raw}"; use e.g. 2023Q2 or 2023`),
  noInbox: (dir: string) => bilingual(`收件箱 ${dir} 不存在`, `the inbox ${dir} does not exist; put the units' files there or give --inbox DIR`),
  noPeriods: (year: number) => bilingual(`${year} 年没有任何报送数据`, `no submissions for ${year}: nothing to report`),
  stageIngest: 'ingest / 接收文件',
  stageBuild: 'build / 指标计算',
  stageCharts: (p: string) => `charts ${p} / 图表`,
  stageReport: (p: string) => `bulletin ${p} / 通报`,
  helperFailed: (p: string, reason: string) =>
    bilingual(`PDF 辅助进程未写出 ${p} 的通报（${reason}），改由主进程写出`, `the PDF helper did not write the ${p} bulletin (${reason}); written by the main process instead`),
  heading: '\n── 运行结果 / summary ──',
  files: (a: number, r: number, d: number) => `文件 files: ${a} 接收 accepted, ${r} 拒收 rejected, ${d} 已接收过 already loaded`,
  rejected: (file: string, reason: string) => `  ✗ ${file}: ${reason}`,
  statusLine: (p: string, counts: Record<string, number>) =>
    `${p} 全市 city: 绿灯 green ${counts.green ?? 0}, 黄灯 yellow ${counts.yellow ?? 0}, 红灯 red ${counts.red ?? 0}` +
    `${counts.no_data ? `, 无数据 no data ${counts.no_data}` : ''}${counts.no_target ? `, 无目标 no target ${counts.no_target}` : ''}` +
    `${counts.missing_units ? `; 未报送 not submitted: ${counts.missing_units}` : ''}`,
  output: (label: string, path: string) => `${label}: ${path}`,
  outputBulletin: (p: string) => `${p} bulletin 通报`,
  outputCharts: (p: string) => `${p} charts 图表`,
  outputFeedback: (p: string) => `${p} feedback 反馈`,
  timing: (stages: { name: string; ms: number }[]) => 'time 用时: ' + stages.map((s) => `${s.name.split(' / ')[0]} ${(s.ms / 1000).toFixed(1)} s`).join(', '),
  demoUnexpected: (file: string, expected: string, got: string) =>
    bilingual(`示例文件 ${file} 应为 ${expected}，实际为 ${got}`, `sample file ${file} should have been ${expected}, was ${got}`),
  demoExpectedRejects: (n: number) =>
    `\n上述 ${n} 个拒收文件是示例中故意制作的错误文件，拒收符合预期。\n` +
    `The ${n} rejected files are the sample's deliberately broken ones: rejecting them is what should happen.`,
  statusNotBuilt: (detail: string) =>
    bilingual('数据仓库尚未计算报送情况（mart_submission_status），请先运行 nrp build 或 nrp run', `the warehouse has no mart_submission_status yet: run nrp build (or nrp run) first\n${detail}`),
  statusUnbuilt: (n: number) =>
    bilingual(`另有 ${n} 份报送在上次计算之后载入，运行 nrp build 后计入`, `${n} table snapshot(s) loaded since the last build are not shown: run nrp build to include them`),
  demoDone: (out: string) => `\n示例通报已生成 / the sample bulletins are in: ${out}`,
};

import { bilingual } from './bilingual';

export const sampleMessages = {
  summary: 'generate a year of sample submissions from the nine units (deterministic)',
  help: `Usage: nrp sample [--out DIR] [--seed N] [--scale N]

Writes what the nine reporting units send for 2023Q1..2023Q4 into DIR (default: inbox/):
workbooks with title rows and a 填报信息 sheet, one unit's GBK CSV files, typed values as people
type them, one unit late for one quarter, one corrected resubmission and two broken files that
ingest must reject; and the 16 divisions' quarterly 重点工作进展 (key-task progress) in every form
the contract allows, with milestones finished late, overdue and lagging, one division silent for
a quarter, one corrected report and one broken draft. DIR/MANIFEST.json lists every file and
what ingest should do with it.
The same seed and scale always give the same bytes.
  --out    folder to write (default inbox/); a folder holding an earlier sample is replaced,
           any other non-empty folder is refused
  --seed   integer seed (default 2023)
  --scale  multiply the detail rows (ledger, patches) by N for benchmarks (default 1);
           tables above 100,000 rows are written as CSV instead of workbooks
Exit codes: 0 ok, 1 could not write, 2 usage error.

Example:
  nrp sample && nrp ingest inbox/`,
  badSeed: (raw: string) => bilingual(`--seed 须为非负整数，收到“${raw}”`, `--seed must be a non-negative integer, got "${raw}"`),
  badScale: (raw: string) => bilingual(`--scale 须为 1 到 10000 之间的整数，收到“${raw}”`, `--scale must be a whole number from 1 to 10000, got "${raw}"`),
  noPositionals: bilingual('nrp sample 不接受位置参数；输出目录请用 --out 指定', 'nrp sample takes no positional arguments; give the folder with --out'),
  folderNotEmpty: (dir: string) =>
    bilingual(
      `输出目录 ${dir} 非空，且不是先前生成的示例数据；为免与真实报送文件混在一起，请换一个目录（--out）`,
      `${dir} is not empty and does not hold an earlier sample; choose another folder with --out so sample files never mix with real submissions`,
    ),
  notAFolder: (dir: string) => bilingual(`${dir} 不是目录`, `${dir} is not a folder`),
  stage: (dir: string) => `writing sample submissions to ${dir}`,
  done: (files: number, rejected: number, dir: string) =>
    `${files} files (${rejected} deliberately broken), manifest: ${dir}`,
  /** nrp demo: what the divisions' files are. */
  demoDivisions: (reports: number, divisions: number, k: { late: string; overdue: string; lagging: string[] }, silent: string) =>
    `\n示例另含 ${divisions} 个处室的季度重点工作进展（${reports} 份，含 1 份更正）：节点 ${k.late} 逾期完成，${k.overdue} 逾期未完成，` +
    `${k.lagging.join('、')} 滞后序时，${silent} 未报送。\n` +
    `The sample also holds the ${divisions} divisions' quarterly key-task progress reports (${reports}, one of them a correction): ` +
    `milestone ${k.late} finished late, ${k.overdue} overdue, ${k.lagging.join(', ')} lagging, ${silent} not reported.`,
  /** nrp demo: each rejection the sample expects, with why. */
  demoExpectedRejection: (path: string, note: string) => `  预期拒收 expected: ${path} — ${note}`,
};

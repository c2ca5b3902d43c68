import { bilingual } from './bilingual';

export const modelMessages = {
  buildSummary: 'reload seeds, run the SQL models and the data tests (one transaction)',
  buildHelp: `Usage: nrp build [--db FILE] [--json]
       nrp build --from-lake DIR --db FILE [--json]

Reloads the seeds, runs every model in sql/staging, sql/intermediate and sql/marts in dependency
order, then every data test in sql/tests (each must return no rows), all in one transaction.
If a model or a data test fails, nothing changes: the previous marts stay as they were, and the
failing file is named with a sample of its rows. Exit code 1 on failure.

Periods built: every quarter of each plan year in the indicators seed, up to the latest period
for which any table was submitted. A unit with nothing for a period is \`missing\` there.

--from-lake DIR runs the same models and data tests over a lake written by nrp export: FILE
(a new file, or one an earlier --from-lake build made; never a warehouse) gets views over the
lake's registry and raw Parquet files, the lake's seeds as tables, and the marts. FILE is built
whole beside itself and renamed into place; the marts equal those of a build on the warehouse.

Options:
  --db FILE         warehouse file (default: NRP_DB, else data/warehouse.duckdb)
  --from-lake DIR   build over the lake in DIR into FILE
  --json            print the build summary as JSON`,
  stageSeeds: 'seeds',
  stageModels: (n: number) => `models (${n})`,
  stageTests: (n: number) => `data tests (${n})`,
  built: (models: number, tests: number, periods: string[], seconds: string) =>
    bilingual(
      `已构建 ${models} 个模型，${tests} 项数据检验通过；报告期：${periods.length ? periods.join('、') : '无（尚无报送）'}；用时 ${seconds} 秒`,
      `built ${models} models, ${tests} data tests passed; periods: ${periods.length ? periods.join(', ') : 'none (nothing submitted yet)'}; ${seconds} s`,
    ),
  badName: (file: string) =>
    bilingual(`模型文件名不合规：${file}（只用小写字母、数字和下划线）`, `bad model file name: ${file} (use lowercase letters, digits and _)`),
  noDescription: (file: string) =>
    bilingual(`模型 ${file} 缺少说明（首部注释 -- description: …）`, `model ${file} has no description (header line -- description: …)`),
  martView: (file: string) =>
    bilingual(`数据集市模型 ${file} 必须物化为表`, `mart model ${file} must be materialised as a table, not a view`),
  layerOrder: (file: string, other: string, layer: string) =>
    bilingual(`模型 ${file} 引用了更上层的 ${other}（${layer}）`, `model ${file} reads ${other} from the later layer ${layer}`),
  cycle: (files: string[]) =>
    bilingual(`模型之间存在循环引用：${files.join('、')}`, `models depend on each other in a cycle: ${files.join(', ')}`),
  modelFailed: (file: string) =>
    bilingual(`模型运行失败：${file}；数据仓库未作改动`, `model failed: ${file}; the warehouse was left as it was`),
  columnsUndocumented: (file: string) =>
    bilingual(`模型 ${file} 的字段说明与结果不符（首部注释 -- column 名称: 含义）`, `model ${file}: column descriptions do not match its result (header lines -- column NAME: meaning)`),
  undocumented: (columns: string[]) => `  no description / 无说明: ${columns.join(', ')}`,
  stale: (columns: string[]) => `  described but not in the result / 结果中不存在: ${columns.join(', ')}`,
  testsFailed: (failed: number, total: number) =>
    bilingual(
      `${failed} 项数据检验未通过（共 ${total} 项）；数据仓库未作改动`,
      `${failed} of ${total} data tests failed; the warehouse was left as it was`,
    ),
  testFailed: (file: string, rows: number, description: string) =>
    `✗ ${file}: ${rows} failing row(s) / ${rows} 行不符${description ? ` — ${description}` : ''}`,
  testError: (file: string, detail: string) => `✗ ${file}: the test query failed / 检验查询出错: ${detail}`,
};

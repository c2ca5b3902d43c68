import { bilingual } from './bilingual';

export const lakeMessages = {
  exportSummary: 'write the warehouse as a Parquet lake (Hive partitions + manifest) that other engines read',
  exportHelp: `Usage: nrp export --lake DIR [--period P] [--db FILE] [--json]

Writes the warehouse as a lake of Parquet files that DuckDB, MotherDuck, DuckLake, Spark or Trino
read without nrp: the seeds, the registry (submissions, submission_versions, bulletin_issues,
bulletin_published_values, nrp_schema), the raw tables and every mart, with DIR/_manifest.json
(relations, columns and types, row counts, sha256 of each file, the schema version).

Layout:
  DIR/<relation>/year=YYYY/period=YYYYQn/data.parquet   relations with a period (raw tables by
                                                       the period of their submission)
  DIR/<relation>/data.parquet                          seeds and nrp_schema (read whole)

  --period P   2023Q2, or a year (2023: its quarters). Replaces only those periods' partitions;
               the other periods stay as they are. The seeds are rewritten every time. Without
               --period the whole lake is written again (partitions of periods the warehouse no
               longer has are removed).
  --db FILE    warehouse file (default: NRP_DB, else data/warehouse.duckdb)
  --json       print the manifest summary as JSON

Every file is written beside its place and renamed into it once all are written; the manifest is
replaced last. The same warehouse gives the same bytes. Export after nrp build (nrp run builds),
so that the marts in the lake are those of the raw data in it.

Example:
  nrp export --lake lake/ && nrp build --from-lake lake/ --db lake-build.duckdb`,
  needLake: bilingual('请用 --lake 指定湖目录，例如 --lake lake/', 'give the lake folder: --lake DIR'),
  badPeriod: (raw: string) =>
    bilingual(`无法识别的报告期“${raw}”`, `cannot read the period "${raw}"; use e.g. 2023Q2, or a year: 2023`),
  stageExport: (relations: number) => `export (${relations} relations)`,
  stageCommit: 'commit',
  exported: (relations: number, files: number, mb: string, periods: string[], dir: string) =>
    bilingual(
      `已导出 ${relations} 个关系、${files} 个 Parquet 文件（${mb} MB）到 ${dir}；报告期：${periods.length ? periods.join('、') : '无'}`,
      `exported ${relations} relations, ${files} Parquet files (${mb} MB) to ${dir}; periods: ${periods.length ? periods.join(', ') : 'none'}`,
    ),
  noManifest: (dir: string) =>
    bilingual(
      `${dir} 不是数据湖（没有 _manifest.json）；先运行 nrp export --lake ${dir}`,
      `${dir} is not a lake (no _manifest.json); write one first: nrp export --lake ${dir}`,
    ),
  badManifest: (file: string, detail: string) =>
    bilingual(`数据湖清单无法读取：${file}`, `the lake's manifest cannot be read: ${file}\n${detail}`),
  newerLake: (version: number, known: number) =>
    bilingual(
      `数据湖清单格式为第 ${version} 版，本程序只认识到第 ${known} 版；请升级 nrp`,
      `the lake's manifest has format ${version}; this nrp knows up to ${known}: upgrade nrp`,
    ),
  schemaDiffers: (lake: number, current: number) =>
    bilingual(
      `数据湖按第 ${lake} 版数据结构写出，本程序的模型需要第 ${current} 版；请用本程序重新导出（nrp export --lake，不带 --period）`,
      `the lake was written with schema version ${lake}; these models need version ${current}: export it again with this nrp (nrp export --lake, without --period)`,
    ),
  partialNeedsSameShape: (detail: string) =>
    bilingual(
      `只导出部分报告期时，数据湖中其他报告期须与数据仓库结构一致，但：${detail}；请不带 --period 整体导出`,
      `exporting some periods keeps the lake's other periods, which needs the same relations, columns and types as the warehouse, but ${detail}: export everything (without --period)`,
    ),
  commitPending: (dir: string) =>
    bilingual(
      `数据湖 ${dir} 正在提交一次导出，或上次导出中断（有 _commit.json）；稍后重试，或运行 nrp export --lake ${dir} 完成它`,
      `the lake ${dir} is committing an export, or an export was interrupted (_commit.json is there): try again shortly, or run nrp export --lake ${dir}, which finishes it first`,
    ),
  fileChanged: (file: string, expected: number, found: number | undefined) =>
    bilingual(
      `数据湖文件与清单不符：${file}`,
      `a lake file does not match the manifest: ${file} (manifest: ${expected} bytes; found: ${found === undefined ? 'no file' : `${found} bytes`}); export the lake again`,
    ),
  typesDiffer: (relation: string, detail: string) =>
    bilingual(`数据湖关系 ${relation} 的字段类型与清单不符`, `the lake relation ${relation} does not read back with the manifest's columns and types: ${detail}`),
  locked: (dir: string, holder: string) =>
    bilingual(`另一个导出正在写入数据湖 ${dir}（${holder}）`, `another export is writing the lake ${dir} (${holder}); try again when it is done`),
  badPeriodValue: (relation: string, value: string) =>
    bilingual(`关系 ${relation} 中的报告期“${value}”不是 YYYYQn 格式，无法分区`, `${relation} holds the period "${value}", not of the form YYYYQn: it cannot be partitioned`),
  notLakeBuild: (db: string) =>
    bilingual(
      `${db} 是数据仓库，不是由数据湖构建的库；--from-lake 请指定一个新文件（或以前由数据湖构建的文件）`,
      `${db} is a warehouse, not a database built from a lake: give --from-lake a new file (or one it built before)`,
    ),
  lakeBuildNeedsFromLake: (db: string, lake: string) =>
    bilingual(
      `${db} 是由数据湖 ${lake} 构建的库，请用 nrp build --from-lake ${lake} --db ${db} 重建`,
      `${db} was built from the lake ${lake}: rebuild it with nrp build --from-lake ${lake} --db ${db}`,
    ),
  builtFromLake: (models: number, tests: number, periods: string[], seconds: string, lake: string, db: string) =>
    bilingual(
      `已由数据湖 ${lake} 构建 ${db}：${models} 个模型，${tests} 项数据检验通过；报告期：${periods.length ? periods.join('、') : '无'}；用时 ${seconds} 秒`,
      `built ${db} from the lake ${lake}: ${models} models, ${tests} data tests passed; periods: ${periods.length ? periods.join(', ') : 'none'}; ${seconds} s`,
    ),
  stageLake: 'lake views',
  writeFailed: (file: string, detail: string) =>
    bilingual(`无法写出数据湖文件 ${file}；数据湖未作改动`, `cannot write the lake file ${file}; the lake was left as it was\n${detail}`),
};

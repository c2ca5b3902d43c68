import { bilingual } from './bilingual';

export const queryMessages = {
  summary: 'run read-only SQL against the warehouse (table, csv, json, arrow, parquet)',
  help: `Usage: nrp query [--db FILE | --lake DIR] [--format table|csv|json|arrow|parquet] [--out FILE] SQL
       nrp query [--db FILE | --lake DIR] [--format …] [--out FILE] --file query.sql

Runs SQL against the warehouse, opened read-only: a statement that writes is refused.
  --lake     query a lake written by nrp export instead (every relation of its manifest is a
             view over its Parquet files; read-only like the warehouse)
  --format   table (default, aligned for Chinese text), csv, json (array of objects),
             arrow (Arrow IPC file; needs --out), parquet (needs --out)
  --out      write to FILE instead of standard output
  --file     read the SQL from FILE
Exit codes: 0 ok, 1 the query failed (DuckDB's message is printed), 2 usage error.

Examples:
  nrp query "select code, name, city_target from indicators"
  nrp query --format csv --out progress.csv "from mart_indicator_progress where period = '2023Q2'"
  nrp query --lake lake/ "select period, count(*) from raw_patches join submissions using (submission_id) group by period"`,
  needSql: bilingual('请给出 SQL 语句，或用 --file 指定 SQL 文件', 'give one SQL statement, or --file query.sql'),
  lakeOrDb: bilingual('--lake 与 --db 只能二选一', 'give either --lake DIR or --db FILE, not both'),
  bothSql: bilingual('SQL 语句与 --file 只能二选一', 'give either SQL or --file, not both'),
  badFormat: (format: string) =>
    bilingual(`不支持的格式“${format}”`, `unknown format "${format}"; use table, csv, json, arrow or parquet`),
  needOut: (format: string) =>
    bilingual(`${format} 格式须用 --out 指定输出文件`, `--format ${format} writes a binary file: give --out FILE`),
  readOnly: (detail: string) =>
    bilingual(
      '查询以只读方式打开数据仓库，不能修改数据。',
      `nrp query opens the warehouse read-only; statements that write are refused.\n${detail}`,
    ),
  failed: (detail: string) => `查询失败 / query failed:\n${detail}`,
  cannotReadFile: (file: string) => bilingual(`无法读取 SQL 文件 ${file}`, `cannot read the SQL file ${file}`),
  rows: (n: number) => `(${n} ${n === 1 ? 'row' : 'rows'})`,
  wrote: (file: string, n: number) => `wrote ${n} ${n === 1 ? 'row' : 'rows'} to ${file}`,
};

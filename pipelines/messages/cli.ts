import { bilingual } from './bilingual';

export const cliMessages = {
  usageHeader: 'nrp — 嘉兴市自然资源和规划主要目标任务：数据接收、指标计算、图表与季度通报\n' +
    'nrp — targets of the Jiaxing Natural Resources and Planning Bureau: ingest, KPIs, charts, bulletin\n\n' +
    'Usage: nrp <command> [options]\n\nCommands:',
  usageFooter: '\nGlobal: --db FILE (else $NRP_DB, else data/warehouse.duckdb)\n' +
    'Run `nrp <command> --help` for a command\'s options.',
  unknownCommand: (name: string, closest: string | undefined) =>
    bilingual(
      `未知命令“${name}”${closest ? `，是否要用“${closest}”？` : ''}`,
      `unknown command "${name}"${closest ? `; did you mean "${closest}"?` : ''}`,
    ),
  badOption: (detail: string) => bilingual(`参数错误：${detail}`, `usage error: ${detail}`),
  seeHelp: (command: string) => `See: nrp ${command} --help`,
  unexpected: (detail: string) =>
    bilingual(`内部错误：${detail}`, `internal error (please report it): ${detail}`),
};

import { bilingual } from './bilingual';

export const warehouseMessages = {
  cannotOpen: (path: string, detail: string) =>
    bilingual(`无法打开数据仓库 ${path}`, `cannot open the warehouse ${path}: ${detail}`),
  locked: (path: string, holder: string, seconds: number) =>
    bilingual(
      `数据仓库 ${path} 正被另一进程写入（${holder}），已等待 ${seconds} 秒。请待其完成后重试。`,
      `the warehouse ${path} is being written by another process (${holder}); waited ${seconds} s. ` +
        'Try again when it has finished, or raise NRP_LOCK_TIMEOUT (seconds).',
    ),
  newerSchema: (path: string, found: number, known: number) =>
    bilingual(
      `数据仓库 ${path} 的结构版本 ${found} 高于本程序支持的 ${known}，请升级 nrp。`,
      `the warehouse ${path} has schema version ${found}, newer than this nrp knows (${known}); upgrade nrp.`,
    ),
  walUnreplayable: (path: string) =>
    bilingual(
      `无法打开数据仓库 ${path}：其预写日志 ${path}.wal（上次检查点之后写入的内容）无法回放。未改动或删除任何文件。`,
      `cannot open the warehouse ${path}: DuckDB cannot replay its write-ahead log ${path}.wal (what was written after the last checkpoint). Nothing was changed or deleted.`,
    ),
  recoverHint: (path: string) => [
    `恢复办法 / to recover: nrp recover --db ${path} --inbox <收件箱 inbox>`,
    '  将预写日志改名留存（不删除），打开上次检查点时的数据仓库，重新载入收件箱中尚未载入的文件并重建模型。',
    '  sets the log aside under a new name (kept, not deleted), opens the warehouse as of its last checkpoint,',
    '  loads again the inbox files it does not hold, and rebuilds the models: no submission still in the inbox is lost.',
  ],
  fileUnreadable: (path: string) =>
    bilingual(
      `无法读取数据仓库文件 ${path}（文件已损坏或不是 DuckDB 数据库）。未改动或删除任何文件。`,
      `the warehouse file ${path} cannot be read (damaged, or not a DuckDB database). Nothing was changed or deleted.`,
    ),
  rebuildHint: (path: string) => [
    `请从备份恢复该文件；或执行 / restore it from a backup, or run: nrp recover --db ${path} --inbox <收件箱 inbox> --rebuild`,
    '  将损坏的文件改名留存，新建数据仓库并重新载入收件箱（已发布通报的登记不能从收件箱恢复）。',
    '  which keeps the damaged file under a new name, creates a new warehouse and loads the inbox again',
    '  (the record of bulletins issued with --issue cannot be rebuilt from the inbox).',
  ],
  recoverSummary: 'set aside a write-ahead log that cannot be replayed, reload the inbox and rebuild',
  recoverHelp: `Usage: nrp recover [--db FILE] [--inbox DIR] [--rebuild] [--json]

For a warehouse that does not open ("cannot replay its write-ahead log"). Nothing is deleted:
  1. FILE.wal is renamed FILE.wal.unreplayable-N (kept) and the warehouse opens as of its last
     checkpoint;
  2. every file of the inbox whose bytes the warehouse does not hold is loaded again (what the
     set-aside log had committed comes back from the inbox), and the models are rebuilt.
A warehouse that opens is left as it is. Where the file itself cannot be read, --rebuild keeps it
as FILE.broken-N and builds a new warehouse from the inbox (issued-bulletin records are not in the
inbox and are not rebuilt; the kept file still holds them).
  --inbox    folder of the submitted files (default: inbox)
Exit codes: 0 recovered or nothing to do, 1 it could not recover or a file was rejected, 2 usage error.`,
  healthy: (path: string) => bilingual(`数据仓库 ${path} 可以正常打开，无需恢复，未做任何改动。`, `the warehouse ${path} opens: nothing to recover, nothing changed.`),
  setAside: (from: string, to: string) => bilingual(`已将 ${from} 改名留存为 ${to}`, `kept ${from} as ${to}`),
  recovered: (accepted: number | null, inbox: string, periods: string[]) =>
    bilingual(
      `已恢复：${accepted === null ? `收件箱 ${inbox} 不存在，未重新载入` : `从 ${inbox} 重新载入 ${accepted} 个文件`}，模型已重建（${periods.join('、') || '无报告期'}）。`,
      `recovered: ${accepted === null ? `no inbox at ${inbox}, nothing reloaded` : `${accepted} file(s) loaded again from ${inbox}`}; models rebuilt (${periods.join(', ') || 'no periods'}).`,
    ),
  copyFailed: (path: string, detail: string) =>
    bilingual(
      `无法写入数据仓库 ${path}：其副本未能写成（${detail}）。数据仓库未被改动。`,
      `cannot write the warehouse ${path}: its working copy could not be written (${detail}). The warehouse was not changed.`,
    ),
  diskFull: '磁盘已满 / the disk is full',
  seedInvalid: (file: string, detail: string) =>
    bilingual(`种子数据 ${file} 有误：${detail}`, `seed file ${file} is invalid: ${detail}`),
};

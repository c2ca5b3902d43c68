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
  seedInvalid: (file: string, detail: string) =>
    bilingual(`种子数据 ${file} 有误：${detail}`, `seed file ${file} is invalid: ${detail}`),
};

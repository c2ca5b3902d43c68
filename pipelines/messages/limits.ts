import { bilingual } from './bilingual';

type Text = { zh: string; en: string };
const t = (zh: string, en: string): Text => ({ zh, en });

/** How to raise a limit, said the same way in every limit message. */
const raise = (env: string) => t(`如确需处理，可设置环境变量 ${env} 调高上限`, `to accept it, raise the limit with the environment variable ${env}`);
const says = (zh: string, en: string, env: string): Text => {
  const r = raise(env);
  return t(`${zh}。${r.zh}`, `${en}; ${r.en}`);
};

/** A workbook that is not one: what every zip problem says first. */
const corrupt = (detailZh: string, detailEn: string): Text =>
  t(`不是有效的 Excel 工作簿（.xlsx）：${detailZh}`, `not a valid Excel workbook (.xlsx): ${detailEn}`);

/**
 * Ingest size limits (pipelines/ingest/limits.ts): each message names the limit, the value
 * found and the environment variable that raises it.
 */
export const limitMessages = {
  fileTooLarge: (mb: string, limitMb: string) =>
    says(`文件过大：${mb} MB，超过上限 ${limitMb} MB`, `file too large: ${mb} MB, over the limit of ${limitMb} MB`, 'NRP_MAX_FILE_MB'),
  tooManyRows: (sheet: string, found: string, limit: number) =>
    says(`“${sheet}”的数据行过多：${found} 行，超过上限 ${limit} 行`, `too many rows in ${sheet}: ${found}, over the limit of ${limit}`, 'NRP_MAX_ROWS'),
  cellTooLong: (header: string, chars: number, limit: number) =>
    says(`${header}单元格内容过长：${chars} 个字符，超过上限 ${limit} 个字符`, `${header} cell too long: ${chars} characters, over the limit of ${limit}`, 'NRP_MAX_CELL_CHARS'),
  nulInCell: (header: string) =>
    t(`${header}单元格含有不可见的控制字符 NUL，请删除后再提交`, `${header} cell holds an invisible NUL control character: remove it and submit again`),
  unzipRatio: (entry: string, ratio: string, limit: number) =>
    says(`工作簿中“${entry}”解压后膨胀 ${ratio} 倍，超过上限 ${limit} 倍（疑似压缩炸弹，未解压）`,
      `${entry} in the workbook inflates ${ratio} times, over the limit of ${limit} (a likely zip bomb; not inflated)`, 'NRP_MAX_UNZIP_RATIO'),
  unzipTotal: (mb: string, limitMb: string) =>
    says(`工作簿解压后共 ${mb} MB，超过上限 ${limitMb} MB（疑似压缩炸弹，未解压）`,
      `the workbook inflates to ${mb} MB, over the limit of ${limitMb} MB (a likely zip bomb; not inflated)`, 'NRP_MAX_UNZIP_MB'),
  // a workbook whose zip is broken: 不是有效的 Excel 工作簿（.xlsx）, and why
  zipTruncated: corrupt('文件不完整（找不到 zip 目录，可能在复制或下载时被截断）', 'the file is incomplete (no zip directory: truncated while copying or downloading?)'),
  zipDirectoryDamaged: corrupt('zip 目录已损坏', 'the zip directory is damaged'),
  zipEmpty: corrupt('压缩包中没有任何内容', 'the zip holds nothing'),
  zipEncrypted: corrupt('工作簿已加密（请去掉密码后再提交）', 'the workbook is encrypted (remove the password and submit it again)'),
  zipMethod: (entry: string) => corrupt(`“${entry}”使用了不支持的压缩方式`, `${entry} uses an unsupported compression method`),
  zipPartMisplaced: (entry: string) => corrupt(`“${entry}”不在 zip 目录所指的位置`, `${entry} is not where the zip directory says`),
  zipPartIncomplete: (entry: string) => corrupt(`“${entry}”不完整`, `${entry} is incomplete`),
  zipPartOversize: (entry: string) => corrupt(`“${entry}”解压后的大小与 zip 目录不符`, `${entry} inflates to more than the zip directory says`),
  zipPartDamaged: (entry: string) => corrupt(`“${entry}”已损坏（解压失败或校验和不符）`, `${entry} is damaged (it does not inflate, or its checksum differs)`),
  badLimit: (name: string, value: string, fallback: number) =>
    bilingual(`环境变量 ${name}=“${value}”无效：应为正数（默认 ${fallback}）`, `${name}="${value}" is not a positive number (default ${fallback})`),
};

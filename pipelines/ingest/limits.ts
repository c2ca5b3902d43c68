/**
 * Size limits on what ingest reads, so that a hostile or broken file is refused with a clear
 * message instead of filling memory or disk: file size, rows per table, characters per cell, and
 * for workbooks (zip files) the inflation ratio and total inflated size, checked from the zip's
 * central directory and by inflating each entry into nothing BEFORE exceljs inflates anything.
 *
 * Every limit can be raised with an environment variable (read at each file, so tests and
 * bureau staff can change it without a rebuild):
 *   NRP_MAX_FILE_MB      200        size of one submitted file
 *   NRP_MAX_ROWS         5000000    data rows of one table (sheet or CSV)
 *   NRP_MAX_CELL_CHARS   32767      characters in one cell (Excel's own cell limit)
 *   NRP_MAX_UNZIP_RATIO  100        inflated / compressed size of one workbook part over 1 MB
 *   NRP_MAX_UNZIP_MB     2048       inflated size of all parts of one workbook
 */
import { statSync } from 'node:fs';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { CliError } from '../errors';
import { limitMessages } from '../messages';
import type { Warehouse } from '../warehouse';
import type { LandedTable } from './landed';
import { columnLetter } from './tables';
import { MAX_LISTED_ERRORS, type IngestIssue } from './types';

type Text = { zh: string; en: string };
const MB = 1024 * 1024;

export interface IngestLimits {
  maxFileBytes: number;
  maxRows: number;
  maxCellChars: number;
  maxUnzipRatio: number;
  maxInflatedBytes: number;
}

const SETTINGS = [
  { env: 'NRP_MAX_FILE_MB', key: 'maxFileBytes', fallback: 200, scale: MB },
  { env: 'NRP_MAX_ROWS', key: 'maxRows', fallback: 5_000_000, scale: 1 },
  { env: 'NRP_MAX_CELL_CHARS', key: 'maxCellChars', fallback: 32_767, scale: 1 },
  { env: 'NRP_MAX_UNZIP_RATIO', key: 'maxUnzipRatio', fallback: 100, scale: 1 },
  { env: 'NRP_MAX_UNZIP_MB', key: 'maxInflatedBytes', fallback: 2048, scale: MB },
] as const;

/** Parts smaller than this may inflate any ratio (a 1 KB styles.xml of repeats is no bomb). */
const RATIO_GRACE_BYTES = MB;

/** The limits in force: defaults, each replaced by its environment variable when set. A bad value is a usage error. */
export function ingestLimits(env: NodeJS.ProcessEnv = process.env): IngestLimits {
  const out = {} as Record<keyof IngestLimits, number>;
  for (const s of SETTINGS) {
    const raw = env[s.env];
    if (raw === undefined || raw.trim() === '') {
      out[s.key] = s.fallback * s.scale;
      continue;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw CliError.usage(limitMessages.badLimit(s.env, raw, s.fallback));
    out[s.key] = Math.floor(n * s.scale);
  }
  return out;
}

/** A limit crossed while a file is read (thrown from inside the readers, turned into a file error). */
export class LimitExceeded extends Error {
  constructor(readonly code: string, readonly text: Text, readonly sheet?: string) {
    super(text.en);
    this.name = 'LimitExceeded';
  }
}

/** MB with three significant digits (200, 2048, 0.00763): limits below 1 MB are for tests. */
const mbText = (bytes: number) => String(Number((bytes / MB).toPrecision(3)));

/** The file's size against NRP_MAX_FILE_MB, from stat: before the file is read into memory. */
export function fileSizeProblem(path: string, limits: IngestLimits): { code: string; text: Text } | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined; // reading it reports why it cannot be read
  }
  if (size <= limits.maxFileBytes) return undefined;
  return { code: 'file_too_large', text: limitMessages.fileTooLarge(mbText(size), mbText(limits.maxFileBytes)) };
}

// ---------------------------------------------------------------------------------------------
// The zip container of a workbook.

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

type ZipProblem = { code: string; text: Text };
const corrupt = (zh: string, en: string): ZipProblem => ({ code: 'not_a_workbook', text: limitMessages.zipCorrupt(zh, en) });

const SIG = { eocd: 0x06054b50, zip64Locator: 0x07064b50, zip64Eocd: 0x06064b50, central: 0x02014b50, local: 0x04034b50 };

/**
 * The central directory at the end of a zip: every entry with its sizes as the directory
 * declares them. A truncated file has lost it, and is refused here (a streaming reader would
 * otherwise read the sheets that survived and load part of the workbook).
 */
export function readCentralDirectory(bytes: Buffer): { entries: ZipEntry[]; directoryOffset: number } | ZipProblem {
  const truncated = corrupt('文件不完整（找不到 zip 目录，可能在复制或下载时被截断）', 'the file is incomplete (no zip directory: truncated while copying or downloading?)');
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (bytes.readUInt32LE(p) === SIG.eocd && p + 22 + bytes.readUInt16LE(p + 20) <= bytes.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return truncated;
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== SIG.zip64Locator) return truncated;
    const at = Number(bytes.readBigUInt64LE(locator + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== SIG.zip64Eocd) return truncated;
    count = Number(bytes.readBigUInt64LE(at + 32));
    size = Number(bytes.readBigUInt64LE(at + 40));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  const badDirectory = corrupt('zip 目录已损坏', 'the zip directory is damaged');
  if (offset + size > bytes.length) return truncated;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > offset + size || bytes.readUInt32LE(p) !== SIG.central) return badDirectory;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > offset + size) return badDirectory;
    const entry: ZipEntry = {
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    };
    // ZIP64 extra field: the 64-bit values of whichever fields hold 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = bytes.readUInt16LE(x);
      const len = bytes.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => {
          if (q + 8 > x + 4 + len) return undefined;
          const v = Number(bytes.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? entry.uncompressedSize;
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
        if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
      }
      x += 4 + len;
    }
    entries.push(entry);
    p = end;
  }
  return { entries, directoryOffset: offset };
}

/**
 * Inflates one entry into nothing, counting bytes and the CRC, and stops as soon as it passes
 * `stopAfter`: so a part that lies about its size is caught without holding what it inflates to.
 */
function inflateCount(data: Buffer, stopAfter: number): Promise<{ size: number; crc: number; over?: boolean; error?: string }> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    let crc = 0;
    let settled = false;
    const settle = (r: { size: number; crc: number; over?: boolean; error?: string }) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > stopAfter) {
        settle({ size, crc, over: true });
        inflate.destroy();
        return;
      }
      crc = crc32(chunk, crc);
    });
    inflate.on('end', () => settle({ size, crc }));
    inflate.on('error', (e) => settle({ size, crc, error: e.message }));
    inflate.on('close', () => settle({ size, crc, error: 'stream closed early' }));
    inflate.end(data);
  });
}

/** Parts up to this size are inflated in one call (faster); larger ones stream into a counter. */
const SYNC_INFLATE_BYTES = 64 * MB;

/** A part inflated in one call, never to more than its declared size (zlib stops there and throws). */
function inflateSmall(data: Buffer, declared: number, keep?: (out: Buffer) => void): { size: number; crc: number; over?: boolean; error?: string } {
  try {
    // one output chunk of the declared size: no growing and copying of chunks
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, declared), chunkSize: Math.max(64, Math.min(declared + 1, SYNC_INFLATE_BYTES + 1)) });
    keep?.(out);
    return { size: out.length, crc: crc32(out) };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { size: declared + 1, crc: 0, over: true };
    return { size: 0, crc: 0, error: (error as Error).message };
  }
}

/**
 * Checks a workbook's zip before exceljs sees it: the directory is whole; each part is stored
 * or deflated, not encrypted, where the directory says; no part inflates more than
 * NRP_MAX_UNZIP_RATIO times (parts over 1 MB) and all together no more than NRP_MAX_UNZIP_MB,
 * first as declared, then by actually inflating each part into a counter (which also checks
 * its CRC: a damaged part is refused rather than read as other text). Parts inflated in one
 * call are kept in `keepParts` (by local header offset) when given: the direct reader uses them.
 */
export async function zipProblem(bytes: Buffer, limits: IngestLimits, keepParts?: Map<number, Buffer>): Promise<ZipProblem | undefined> {
  const dir = readCentralDirectory(bytes);
  if (!('entries' in dir)) return dir;
  if (dir.entries.length === 0) return corrupt('压缩包中没有任何内容', 'the zip holds nothing');
  let declared = 0;
  for (const e of dir.entries) {
    if (e.flags & 0x1) return corrupt('工作簿已加密（请去掉密码后再提交）', 'the workbook is encrypted (remove the password and submit it again)');
    if (e.method !== 0 && e.method !== 8) return corrupt(`“${e.name}”使用了不支持的压缩方式`, `${e.name} uses an unsupported compression method`);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_GRACE_BYTES && ratio > limits.maxUnzipRatio) {
      return { code: 'unzip_ratio', text: limitMessages.unzipRatio(e.name, ratio.toFixed(0), limits.maxUnzipRatio) };
    }
    declared += e.uncompressedSize;
  }
  if (declared > limits.maxInflatedBytes) return { code: 'unzip_too_large', text: limitMessages.unzipTotal(mbText(declared), mbText(limits.maxInflatedBytes)) };

  let inflated = 0;
  for (const e of dir.entries) {
    const at = e.localOffset;
    if (at + 30 > dir.directoryOffset || bytes.readUInt32LE(at) !== SIG.local) return corrupt(`“${e.name}”不在 zip 目录所指的位置`, `${e.name} is not where the zip directory says`);
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > dir.directoryOffset) return corrupt(`“${e.name}”不完整`, `${e.name} is incomplete`);
    const data = bytes.subarray(start, end);
    let actual: { size: number; crc: number; over?: boolean; error?: string };
    if (e.method === 0) actual = { size: data.length, crc: crc32(data) };
    else if (e.uncompressedSize <= SYNC_INFLATE_BYTES) actual = inflateSmall(data, e.uncompressedSize, (out) => keepParts?.set(at, out));
    else actual = await inflateCount(data, e.uncompressedSize);
    if (actual.over) {
      // Inflates beyond what the directory declares: a crafted bomb, refused by the same limits.
      const ratio = actual.size / Math.max(1, e.compressedSize);
      return ratio > limits.maxUnzipRatio
        ? { code: 'unzip_ratio', text: limitMessages.unzipRatio(e.name, `> ${ratio.toFixed(0)}`, limits.maxUnzipRatio) }
        : corrupt(`“${e.name}”解压后的大小与 zip 目录不符`, `${e.name} inflates to more than the zip directory says`);
    }
    if (actual.error !== undefined || actual.size !== e.uncompressedSize || actual.crc !== e.crc) {
      return corrupt(`“${e.name}”已损坏（解压失败或校验和不符）`, `${e.name} is damaged (it does not inflate, or its checksum differs)`);
    }
    inflated += actual.size;
    if (inflated > limits.maxInflatedBytes) return { code: 'unzip_too_large', text: limitMessages.unzipTotal(`> ${mbText(inflated)}`, mbText(limits.maxInflatedBytes)) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Landed tables: rows and cell length.

/** A value read from 填报信息 (label in column A, value in column B). */
export interface InfoCell {
  label: string;
  value?: string;
  row?: number;
}

/**
 * 填报信息 values and, in the landed tables, rows over NRP_MAX_ROWS, cells over NRP_MAX_CELL_CHARS and cells holding NUL characters in the
 * landed tables, as errors (checked before the contract checks, which need not run on text of
 * that size). A long cell is reported by its address and length; its text is cut to a preview.
 */
export async function landedLimitErrors(wh: Warehouse, landed: LandedTable[], file: string, limits: IngestLimits, info: InfoCell[] = []): Promise<IngestIssue[]> {
  const out: IngestIssue[] = [];
  for (const c of info) {
    const chars = c.value === undefined ? 0 : [...c.value].length;
    if (chars <= limits.maxCellChars) continue;
    const text = limitMessages.cellTooLong(c.label, chars, limits.maxCellChars);
    out.push({
      severity: 'error', code: 'cell_too_long', file, sheet: '填报信息', cell: `填报信息!B${c.row ?? ''}`, row: c.row, column: 'B',
      header: c.label, value: `${c.value!.slice(0, 40)}…`, zh: text.zh, en: text.en,
    });
  }
  for (const s of landed) {
    const where = s.sheet ?? s.table.name;
    // The CSV fast path tests the sizes of its text cells in the scan that checks the rules
    // (fast_patches_check.sql; a file with a long cell goes down the text path, whose table is
    // checked here in full) and holds no NUL (land-csv.ts). Its numbers, typed by read_csv
    // (DOUBLE), print in at most 24 characters, so only a limit below that has its cells tested
    // here. Every other landed table is text: all its cells are tested.
    const columns = s.fast && limits.maxCellChars >= 24 ? [] : [...s.header.columns.entries()];
    // cells over the length limit, and cells holding NUL (invalid in a workbook's XML, cut off by C strings downstream):
    // one scan counts the rows and, with cheap tests (strlen counts bytes, never fewer than the characters length
    // counts), the suspect ones; only when there are any does a second query find and describe them
    const prefilter = columns.map(([key]) => `strlen(${key}::varchar) > ${limits.maxCellChars} or contains(${key}::varchar, chr(0))`).join(' or ');
    const counted = (await wh.one<{ n: number; suspects: number }>(
      `select count(*) as n, ${columns.length > 0 ? `count(*) filter (where ${prefilter})` : '0'} as suspects from ${s.relation}`,
    ))!;
    const rows = counted.n;
    if (rows > limits.maxRows) {
      const text = limitMessages.tooManyRows(where, String(rows), limits.maxRows);
      out.push({ severity: 'error', code: 'too_many_rows', file, sheet: where, zh: text.zh, en: text.en });
      continue;
    }
    if (counted.suspects === 0) continue;
    const suspect = columns
      .map(([key]) => `select source_row, '${key}' as col, length(${key}::varchar) as chars, contains(${key}::varchar, chr(0)) as nul, ` +
        `left(replace(${key}::varchar, chr(0), '\\0'), 40) as preview from suspect_rows ` +
        `where length(${key}::varchar) > ${limits.maxCellChars} or contains(${key}::varchar, chr(0))`)
      .join(' union all ');
    const found = await wh.all<{ source_row: number; col: string; chars: number; nul: boolean; preview: string }>(
      `with suspect_rows as materialized (select * from ${s.relation} where ${prefilter}) ` +
        `select * from (${suspect}) order by source_row, col limit ${MAX_LISTED_ERRORS}`,
    );
    for (const f of found) {
      const index = s.header.columns.get(f.col)!;
      const column = columnLetter(index);
      const header = s.table.columns.find((c) => c.key === f.col)?.header ?? f.col;
      const tooLong = f.chars > limits.maxCellChars;
      const text = tooLong ? limitMessages.cellTooLong(header, f.chars, limits.maxCellChars) : limitMessages.nulInCell(header);
      out.push({
        severity: 'error', code: tooLong ? 'cell_too_long' : 'nul_in_cell', file, sheet: where,
        cell: s.sheet ? `${s.sheet}!${column}${f.source_row}` : `${column}${f.source_row}`,
        row: f.source_row, column, header, value: tooLong ? `${f.preview}…` : f.preview, zh: text.zh, en: text.en,
      });
    }
  }
  return out;
}

/**
 * The zip container of a workbook, read from its bytes in memory (the whole file is read once,
 * for its sha256): the central directory, where each entry's data lies, and inflating it; and
 * the two touches the written workbooks get (pinned entry times, the list of their parts). The
 * one zip module of the project: ingest's size limits and workbook reader, the sample generator
 * and the workbook outputs (reports/xlsx) all use it.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** General purpose flags (bit 0: encrypted). */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** Where the entry's record in the central directory starts. */
  centralOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: every entry's data lies before it. */
  directoryOffset: number;
}

/** Why a zip cannot be read: no end record (truncated), or a directory that does not parse. */
export type ZipDamage = { damage: 'no_directory' | 'bad_directory' };

const SIG = { eocd: 0x06054b50, zip64Locator: 0x07064b50, zip64Eocd: 0x06064b50, central: 0x02014b50, local: 0x04034b50 };

/**
 * The central directory at the end of a zip: every entry with its sizes as the directory
 * declares them (ZIP64 included). A truncated file has lost it.
 */
export function readZipDirectory(bytes: Buffer): ZipDirectory | ZipDamage {
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (bytes.readUInt32LE(p) === SIG.eocd && p + 22 + bytes.readUInt16LE(p + 20) <= bytes.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return { damage: 'no_directory' };
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== SIG.zip64Locator) return { damage: 'no_directory' };
    const at = Number(bytes.readBigUInt64LE(locator + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== SIG.zip64Eocd) return { damage: 'no_directory' };
    count = Number(bytes.readBigUInt64LE(at + 32));
    size = Number(bytes.readBigUInt64LE(at + 40));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  if (offset + size > bytes.length) return { damage: 'no_directory' };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > offset + size || bytes.readUInt32LE(p) !== SIG.central) return { damage: 'bad_directory' };
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > offset + size) return { damage: 'bad_directory' };
    const entry: ZipEntry = {
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      centralOffset: p,
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
 * An entry's data as stored (deflated or not), found through its local header; `misplaced` when
 * no local header is where the directory says, `incomplete` when the data runs into the directory.
 */
export function entryData(bytes: Buffer, dir: ZipDirectory, e: ZipEntry): Buffer | { damage: 'misplaced' | 'incomplete' } {
  const at = e.localOffset;
  if (at + 30 > dir.directoryOffset || bytes.readUInt32LE(at) !== SIG.local) return { damage: 'misplaced' };
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > dir.directoryOffset) return { damage: 'incomplete' };
  return bytes.subarray(start, end);
}

/**
 * Deflated data inflated in one call, into one buffer of the declared size (no growing and
 * copying of chunks); zlib stops and throws (ERR_BUFFER_TOO_LARGE) past `declared` bytes, so a
 * part that lies about its size never takes more memory than it declared.
 */
export function inflateWhole(data: Buffer, declared: number): Buffer {
  return inflateRawSync(data, { maxOutputLength: Math.max(1, declared), chunkSize: Math.max(64, Math.min(declared + 1, 64 * 1024 * 1024 + 1)) });
}

/** Deflated data inflated piece by piece (chunks of `chunkSize`), for parts too large to hold inflated. */
export function inflatePieces(data: Buffer, chunkSize = 1024 * 1024): AsyncIterable<Buffer> {
  const inflate = createInflateRaw({ chunkSize });
  inflate.end(data);
  return inflate; // leaving a for-await loop over it early destroys it
}

// Writing: the outputs' and the sample's workbooks --------------------------------------------

/**
 * Sets the DOS time and date of every entry, in the local headers and the central directory, to
 * the given day at 09:00: JSZip (inside exceljs) stamps every entry with "now", which would make
 * the same workbook differ from run to run.
 */
export function pinZipTimes(zip: Buffer, date: { y: number; m: number; d: number }): void {
  const dosDate = ((date.y - 1980) << 9) | (date.m << 5) | date.d;
  const dosTime = 9 << 11;
  const dir = readZipDirectory(zip);
  if ('damage' in dir) throw new Error(`workbook zip: ${dir.damage}`);
  for (const e of dir.entries) {
    // the time and date of the entry's record in the central directory, and of its local header
    zip.writeUInt16LE(dosTime, e.centralOffset + 12);
    zip.writeUInt16LE(dosDate, e.centralOffset + 14);
    if (zip.readUInt32LE(e.localOffset) !== 0x04034b50) throw new Error('unexpected zip local header layout');
    zip.writeUInt16LE(dosTime, e.localOffset + 10);
    zip.writeUInt16LE(dosDate, e.localOffset + 12);
  }
}

/** The names in a zip's central directory, in order. */
export function zipEntryNames(zip: Buffer): string[] {
  const dir = readZipDirectory(zip);
  if ('damage' in dir) throw new Error(`workbook zip: ${dir.damage}`);
  return dir.entries.map((e) => e.name);
}

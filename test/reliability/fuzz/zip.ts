/**
 * Just enough zip to take a valid workbook apart and put it back together wrongly: entries read
 * through the directory reader ingest itself uses, and a writer that can deflate, store, and
 * declare sizes that are not the real ones (the crafted zip bomb).
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { entryData, readZipDirectory } from '../../../pipelines/zip';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Declared uncompressed size, when it should lie (in both the local header and the directory). */
  declaredSize?: number;
  /** Already deflated data (for bombs built without holding the inflated bytes). */
  deflated?: Buffer;
  /** CRC to declare with `deflated` (default: of `data`). */
  crc?: number;
}

export function readZip(bytes: Buffer): ZipPart[] {
  const dir = readZipDirectory(bytes);
  if ('damage' in dir) throw new Error(`not a zip: ${dir.damage}`);
  return dir.entries.map((e) => {
    const raw = entryData(bytes, dir, e);
    if ('damage' in raw) throw new Error(`${e.name}: ${raw.damage}`);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) };
  });
}

/**
 * A zip with local headers (no data descriptors), a central directory and its end record; with
 * `zip64`, every size and offset is given in ZIP64 form (as some writers do for any file).
 */
export function writeZip(parts: ZipPart[], options: { zip64?: boolean } = {}): Buffer {
  const z64 = options.zip64 ?? false;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.deflated ?? (p.store ? p.data : deflateRawSync(p.data));
    const method = p.store && !p.deflated ? 0 : 8;
    const crc = p.crc ?? crc32(p.data);
    const size = p.declaredSize ?? p.data.length;
    const local = Buffer.alloc(30 + (z64 ? 20 : 0));
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(z64 ? 0xffffffff : body.length, 18);
    local.writeUInt32LE(z64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46 + (z64 ? 28 : 0));
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(z64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(z64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    if (z64) {
      // the extra fields follow the name: local (sizes), central (sizes and offset)
      const localExtra = Buffer.alloc(20);
      localExtra.writeUInt16LE(1, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(size), 4);
      localExtra.writeBigUInt64LE(BigInt(body.length), 12);
      local.writeUInt16LE(20, 28);
      const centralExtra = Buffer.alloc(28);
      centralExtra.writeUInt16LE(1, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(size), 4);
      centralExtra.writeBigUInt64LE(BigInt(body.length), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(28, 30);
      locals.push(local.subarray(0, 30), name, localExtra, body);
      centrals.push(central.subarray(0, 46), name, centralExtra);
      offset += 30 + name.length + 20 + body.length;
      continue;
    }
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(z64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(z64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(z64 ? 0xffffffff : offset, 16);
  if (!z64) return Buffer.concat([...locals, directory, end]);
  const record = Buffer.alloc(56); // the ZIP64 end of central directory record
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(parts.length), 24);
  record.writeBigUInt64LE(BigInt(parts.length), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, directory, record, locator, end]);
}

/**
 * `prefix`, then `megabytes` MB of spaces, then `suffix`, deflated without ever holding the
 * spaces: 1 MB of spaces deflated once into a whole block (a full flush ends it on a byte
 * boundary), repeated, between the deflated prefix and the deflated, final suffix.
 */
export function deflatedWithSpaces(prefix: string, megabytes: number, suffix: string): { deflated: Buffer; size: number; crc: number } {
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  const head = Buffer.from(prefix, 'utf8');
  const tail = Buffer.from(suffix, 'utf8');
  const flushed = { finishFlush: constants.Z_FULL_FLUSH };
  const block = deflateRawSync(mb, flushed);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc);
  crc = crc32(tail, crc);
  return {
    deflated: Buffer.concat([deflateRawSync(head, flushed), ...Array.from({ length: megabytes }, () => block), deflateRawSync(tail)]),
    size: head.length + megabytes * mb.length + tail.length,
    crc,
  };
}

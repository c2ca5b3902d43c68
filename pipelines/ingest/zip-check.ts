import { crc32 } from 'node:zlib';
import { limitMessages } from '../messages';
import { MB, mbText, type IngestLimits } from './limits';
import { entryData, inflatePieces, inflateWhole, readZipDirectory } from '../zip';

type Text = { zh: string; en: string };
type ZipProblem = { code: string; text: Text };
const corrupt = (text: Text): ZipProblem => ({ code: 'not_a_workbook', text });

/** Parts smaller than this may inflate any ratio (a 1 KB styles.xml of repeats is no bomb). */
const RATIO_GRACE_BYTES = MB;

/** Parts up to this size are inflated in one call (faster) and kept for the reader; larger ones stream into a counter. */
export const KEEP_INFLATED_BYTES = 64 * MB;

type Inflated = { size: number; crc: number; over?: boolean; error?: string };

/**
 * Inflates one entry into nothing, counting bytes and the CRC, and stops as soon as it passes
 * `stopAfter`: so a part that lies about its size is caught without holding what it inflates to.
 */
async function inflateCount(data: Buffer, stopAfter: number): Promise<Inflated> {
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of inflatePieces(data, 256 * 1024)) {
      size += chunk.length;
      if (size > stopAfter) return { size, crc, over: true }; // leaving the loop ends the inflating
      crc = crc32(chunk, crc);
    }
    return { size, crc };
  } catch (error) {
    return { size, crc, error: (error as Error).message };
  }
}

/** A part inflated in one call, never to more than its declared size. */
function inflateSmall(data: Buffer, declared: number, keep?: (out: Buffer) => void): Inflated {
  try {
    const out = inflateWhole(data, declared);
    keep?.(out);
    return { size: out.length, crc: crc32(out) };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { size: declared + 1, crc: 0, over: true };
    return { size: 0, crc: 0, error: (error as Error).message };
  }
}

/**
 * Checks a workbook's zip before anything reads it: the directory is whole (a truncated file
 * has lost it, and is refused here rather than read in part); each part is stored or deflated,
 * not encrypted, where the directory says; no part inflates more than NRP_MAX_UNZIP_RATIO times
 * (parts over 1 MB) and all together no more than NRP_MAX_UNZIP_MB, first as declared, then by
 * actually inflating each part into a counter (which also checks its CRC: a damaged part is
 * refused rather than read as other text). Parts inflated in one call are kept in `keepParts`
 * (by local header offset) when given: the workbook reader uses them.
 */
export async function zipProblem(bytes: Buffer, limits: IngestLimits, keepParts?: Map<number, Buffer>): Promise<ZipProblem | undefined> {
  const dir = readZipDirectory(bytes);
  if ('damage' in dir) return corrupt(dir.damage === 'no_directory' ? limitMessages.zipTruncated : limitMessages.zipDirectoryDamaged);
  if (dir.entries.length === 0) return corrupt(limitMessages.zipEmpty);
  let declared = 0;
  for (const e of dir.entries) {
    if (e.flags & 0x1) return corrupt(limitMessages.zipEncrypted);
    if (e.method !== 0 && e.method !== 8) return corrupt(limitMessages.zipMethod(e.name));
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_GRACE_BYTES && ratio > limits.maxUnzipRatio) {
      return { code: 'unzip_ratio', text: limitMessages.unzipRatio(e.name, ratio.toFixed(0), limits.maxUnzipRatio) };
    }
    declared += e.uncompressedSize;
  }
  if (declared > limits.maxInflatedBytes) return { code: 'unzip_too_large', text: limitMessages.unzipTotal(mbText(declared), mbText(limits.maxInflatedBytes)) };

  let inflated = 0;
  for (const e of dir.entries) {
    const data = entryData(bytes, dir, e);
    if ('damage' in data) return corrupt(data.damage === 'misplaced' ? limitMessages.zipPartMisplaced(e.name) : limitMessages.zipPartIncomplete(e.name));
    let actual: Inflated;
    if (e.method === 0) actual = { size: data.length, crc: crc32(data) };
    else if (e.uncompressedSize <= KEEP_INFLATED_BYTES) actual = inflateSmall(data, e.uncompressedSize, (out) => keepParts?.set(e.localOffset, out));
    else actual = await inflateCount(data, e.uncompressedSize);
    if (actual.over) {
      // Inflates beyond what the directory declares: a crafted bomb, refused by the same limits.
      const ratio = actual.size / Math.max(1, e.compressedSize);
      return ratio > limits.maxUnzipRatio
        ? { code: 'unzip_ratio', text: limitMessages.unzipRatio(e.name, `> ${ratio.toFixed(0)}`, limits.maxUnzipRatio) }
        : corrupt(limitMessages.zipPartOversize(e.name));
    }
    if (actual.error !== undefined || actual.size !== e.uncompressedSize || actual.crc !== e.crc) return corrupt(limitMessages.zipPartDamaged(e.name));
    inflated += actual.size;
    if (inflated > limits.maxInflatedBytes) return { code: 'unzip_too_large', text: limitMessages.unzipTotal(`> ${mbText(inflated)}`, mbText(limits.maxInflatedBytes)) };
  }
  return undefined;
}

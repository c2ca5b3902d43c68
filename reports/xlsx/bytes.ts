import type ExcelJS from 'exceljs';
import { CliError } from '../../pipelines/errors';
import { xlsxMessages } from '../../pipelines/messages';
import { day } from '../../pipelines/sample/dates';
import { pinZipTimes } from '../../pipelines/sample/xlsx';

/**
 * A workbook's bytes, the same for the same model: exceljs stamps the document properties and
 * JSZip every zip entry with the current time. The properties carry the bulletin's issue date
 * (buildWorkbook), and the entries' times are pinned to it here with the sample writer's helper.
 * Before the bytes leave, the zip's directory is checked for parts no output may hold.
 */
export async function workbookBytes(wb: ExcelJS.Workbook, issuedOn: string): Promise<Buffer> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true }));
  pinZipTimes(buffer, day(issuedOn));
  const forbidden = zipEntryNames(buffer).find((name) => FORBIDDEN_PART.test(name));
  if (forbidden) throw new CliError(xlsxMessages.forbiddenPart(forbidden));
  return buffer;
}

/** External links (xl/externalLinks/…), macros (vbaProject.bin) and embedded objects are never written. */
export const FORBIDDEN_PART = /externalLink|vbaProject|activeX|embeddings\//i;

/** The names in a zip's central directory, in order. */
export function zipEntryNames(zip: Buffer): string[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('workbook zip without an end-of-central-directory record');
  const names: string[] = [];
  let pos = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    if (zip.readUInt32LE(pos) !== 0x02014b50) throw new Error('unexpected zip central directory layout');
    const nameLength = zip.readUInt16LE(pos + 28);
    names.push(zip.toString('utf8', pos + 46, pos + 46 + nameLength));
    pos += 46 + nameLength + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return names;
}

import type ExcelJS from 'exceljs';
import { CliError } from '../../pipelines/errors';
import { xlsxMessages } from '../../pipelines/messages';
import { pinZipTimes, zipEntryNames } from '../../pipelines/zip';

/**
 * A workbook's bytes, the same for the same model: exceljs stamps the document properties and
 * JSZip every zip entry with the current time. The properties carry the bulletin's issue date
 * (buildWorkbook), and the entries' times are pinned to it here (pipelines/zip.ts, the one zip module).
 * Before the bytes leave, the zip's directory is checked for parts no output may hold.
 */
export async function workbookBytes(wb: ExcelJS.Workbook, issuedOn: string): Promise<Buffer> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true }));
  const [y, m, d] = issuedOn.split('-').map(Number);
  pinZipTimes(buffer, { y, m, d });
  const forbidden = zipEntryNames(buffer).find((name) => FORBIDDEN_PART.test(name));
  if (forbidden) throw new CliError(xlsxMessages.forbiddenPart(forbidden));
  return buffer;
}

/** External links (xl/externalLinks/…), macros (vbaProject.bin) and embedded objects are never written. */
export const FORBIDDEN_PART = /externalLink|vbaProject|activeX|embeddings\//i;

/**
 * The workbook reader of ingest: the zip's parts (zip.ts, on the file's bytes already in memory),
 * the workbook's sheets in order with their names and parts (workbook.xml and its relationships),
 * the shared strings and the number formats, then each sheet's rows (xlsx-rows.ts) and cells
 * (xlsx-cells.ts). A sheet held in memory is read in one pass; one larger than `streamAbove`
 * (64 MB of XML, about 300,000 rows: more than zip-check.ts keeps inflated) is inflated and
 * read piece by piece, so that no sheet is too large to read. Anything it does not understand
 * (a missing part, malformed XML) throws, and ingest refuses the file as not a workbook.
 */
import { KEEP_INFLATED_BYTES } from './zip-check';
import { runsText, attr, styleKinds, xmlText, type CellContext } from './xlsx-cells';
import { sheetRows, streamedSheetRows, type SheetRow } from './xlsx-rows';
import { entryData, inflatePieces, inflateWhole, readZipDirectory, type ZipDirectory, type ZipEntry } from '../zip';

export interface SheetRows {
  name: string;
  rows: Iterable<SheetRow> | AsyncIterable<SheetRow>;
  /** Read piece by piece (a sheet over `streamAbove`). */
  streamed: boolean;
}

export interface WorkbookReadOptions {
  /** The parts zip-check.ts inflated, by local header offset. */
  inflated?: Map<number, Buffer>;
  /** Sheets whose XML is larger than this are read piece by piece (default 64 MB). */
  streamAbove?: number;
  /** The size of those pieces (default 4 MB). */
  pieceBytes?: number;
}

/** The largest part other than a sheet read as one string (V8's strings end near 512 M characters). */
const MAX_PART_BYTES = 512 * 1024 * 1024;

/**
 * Some programs (.NET's Open XML SDK among them) write every element with a namespace prefix
 * (`<x:row>`). The prefix of a part's root element, if any, is dropped from every tag, so that
 * such files read like Excel's own instead of as empty sheets.
 */
function unprefixer(head: string): (xml: string) => string {
  const prefix = /<([A-Za-z_][\w.-]*):(?:worksheet|workbook|sst|styleSheet)\b/.exec(head.slice(0, 4096))?.[1];
  if (!prefix) return (xml) => xml;
  const tag = new RegExp(`<(/?)${prefix}:`, 'g');
  return (xml) => xml.replace(tag, '<$1');
}

/** The prefix bound to the relationships namespace in workbook.xml (`r` as Excel writes it). */
function relationshipPrefix(workbook: string): string {
  return /xmlns:([\w.-]+)="http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships"/.exec(workbook)?.[1] ?? 'r';
}

/** A part's text, prefixes dropped: as zip-check.ts inflated it, or inflated here. */
function partText(bytes: Buffer, dir: ZipDirectory, e: ZipEntry, inflated?: Map<number, Buffer>): string {
  if (e.uncompressedSize > MAX_PART_BYTES) throw new Error(`${e.name} is too large to read`);
  const done = inflated?.get(e.localOffset);
  let text: string;
  if (done && done.length === e.uncompressedSize) text = done.toString('utf8');
  else {
    const data = entryData(bytes, dir, e);
    if ('damage' in data) throw new Error(`${e.name}: ${data.damage}`);
    if (e.method === 0) text = data.toString('utf8');
    else if (e.method === 8) text = inflateWhole(data, e.uncompressedSize).toString('utf8');
    else throw new Error(`${e.name}: zip method ${e.method}`);
  }
  return unprefixer(text)(text);
}

/** A sheet too large to hold: its XML in pieces (stored parts sliced, deflated ones inflated as they are read). */
async function* partPieces(bytes: Buffer, dir: ZipDirectory, e: ZipEntry, pieceBytes: number): AsyncGenerator<Buffer> {
  const data = entryData(bytes, dir, e);
  if ('damage' in data) throw new Error(`${e.name}: ${data.damage}`);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += pieceBytes) yield data.subarray(i, i + pieceBytes);
  } else yield* inflatePieces(data, pieceBytes);
}

/** The sheets of a workbook (its bytes), in workbook order. Throws for anything it cannot read. */
export function readWorkbookDirect(bytes: Buffer, options: WorkbookReadOptions = {}): SheetRows[] {
  const { inflated, streamAbove = KEEP_INFLATED_BYTES, pieceBytes = 4 * 1024 * 1024 } = options;
  const dir = readZipDirectory(bytes);
  if ('damage' in dir) throw new Error(`zip: ${dir.damage}`);
  const entries = new Map(dir.entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string) => {
    const e = entries.get(name);
    return e ? partText(bytes, dir, e, inflated) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error('not a standard workbook');
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '');
  const sharedXml = text('xl/sharedStrings.xml');
  const cells: CellContext = {
    shared: sharedXml ? [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runsText(m[1] ?? '')) : [],
    kinds: styleKinds(text('xl/styles.xml')),
    date1904,
  };
  const relId = `${relationshipPrefix(workbook)}:id`;
  const sheets: SheetRows[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlText(attr(m[0], 'name') ?? '');
    const target = targets.get(attr(m[0], relId) ?? '');
    if (!target) throw new Error(`sheet ${name} has no part`);
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const e = entries.get(part);
    if (!e) throw new Error(`missing part ${part}`);
    if (e.uncompressedSize > streamAbove) sheets.push({ name, rows: streamedSheetRows(partPieces(bytes, dir, e, pieceBytes), cells, lazyUnprefixer()), streamed: true });
    else sheets.push({ name, rows: sheetRows(partText(bytes, dir, e, inflated), cells), streamed: false });
  }
  return sheets;
}

/** An unprefixer decided from the first text it sees (a streamed sheet's first piece). */
function lazyUnprefixer(): (xml: string) => string {
  let clean: ((xml: string) => string) | undefined;
  return (xml) => (clean ??= unprefixer(xml))(xml);
}

/**
 * exceljs, with its streaming XML parsing fixed for Chinese text.
 *
 * exceljs 4.4 (lib/utils/parse-sax.js) decodes each compressed chunk of a sheet's XML to text on
 * its own, so a character whose UTF-8 bytes straddle two chunks turns into "��" — in large
 * workbooks this hits a few cells in every ten thousand (商服用地 read as 商��用地). The fix
 * decodes with a StringDecoder, which carries partial characters over to the next chunk. It is
 * installed in require's cache before exceljs binds to the parser; if exceljs was already loaded
 * by someone else, its modules are dropped and loaded again so that this copy binds to the fix.
 */
import Module from 'node:module';
import { sep } from 'node:path';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSType from 'exceljs';

type SaxEvent = { eventType: string; value: unknown };

function fixedParseSax(): ((iterable: AsyncIterable<unknown>) => AsyncGenerator<SaxEvent[]>) & { nrpUtf8Fixed: true } {
  // saxes is exceljs's own dependency: resolve it from there.
  const { SaxesParser } = require(require.resolve('saxes', { paths: [require.resolve('exceljs')] }));
  const parse = async function* (input: AsyncIterable<unknown> & { pipe?: (s: PassThrough) => PassThrough }) {
    let iterable: AsyncIterable<unknown> = input;
    if (typeof input.pipe === "function" && !(Symbol.asyncIterator in (input as object))) iterable = (input as { pipe: (s: PassThrough) => PassThrough }).pipe(new PassThrough());
    const parser = new SaxesParser();
    const decoder = new StringDecoder('utf8');
    let error: unknown;
    let events: SaxEvent[] = [];
    parser.on('error', (err: unknown) => (error = err));
    parser.on('opentag', (value: unknown) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value: unknown) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value: unknown) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk as Uint8Array)));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.end();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  };
  return Object.assign(parse, { nrpUtf8Fixed: true as const });
}

let fixed: typeof ExcelJSType | undefined;

export function excelJS(): typeof ExcelJSType {
  if (fixed) return fixed;
  const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax');
  const cached = require.cache[parseSaxPath];
  if (!(cached && (cached.exports as { nrpUtf8Fixed?: boolean }).nrpUtf8Fixed)) {
    const marker = `${sep}node_modules${sep}exceljs${sep}`;
    for (const key of Object.keys(require.cache)) if (key.includes(marker)) delete require.cache[key];
    const m = new Module(parseSaxPath, module);
    m.filename = parseSaxPath;
    m.loaded = true;
    m.exports = fixedParseSax();
    require.cache[parseSaxPath] = m;
  }
  fixed = require('exceljs') as typeof ExcelJSType;
  return fixed;
}

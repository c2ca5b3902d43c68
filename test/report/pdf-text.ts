import { readFileSync } from 'node:fs';

/** Text of each page of a PDF, as pdfjs extracts it (the legacy build runs in Node). */
export async function pdfPages(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(file));
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** Text without the spaces and line breaks layout puts between runs, for matching sentences. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

import type { Content, TableCell } from 'pdfmake/interfaces';

/**
 * A table with its head repeated on every page it runs onto, rows kept whole, and the
 * bureau's rules. `head` may have several rows (grouped heads).
 */
export function table(widths: (number | string)[], head: TableCell[][], body: TableCell[][], options: { fontSize?: number } = {}): Content {
  const styledHead = head.map((row) => row.map((cell) => (typeof cell === 'string' ? { text: cell, style: 'tableHead' } : { style: 'tableHead', ...(cell as object) })));
  const styledBody = body.map((row) => row.map((cell) => (typeof cell === 'string' ? { text: cell, style: 'tableCell' } : { style: 'tableCell', ...(cell as object) })));
  return {
    table: { widths, headerRows: head.length, dontBreakRows: true, keepWithHeaderRows: 1, body: [...styledHead, ...styledBody] as TableCell[][] },
    layout: 'bulletin',
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
  } as Content;
}

export function caption(number: number, text: string): Content {
  return { text: `表${number}　${text}`, style: 'caption', headlineLevel: 1 } as Content;
}

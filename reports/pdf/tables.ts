import type { Content, TableCell } from 'pdfmake/interfaces';

/**
 * A table with its caption (表N　…) and head repeated on every page it runs onto, rows kept
 * whole, and the bureau's rules. The caption is the table's first head row, so it can never be
 * left alone at the foot of a page (and no page-break callback, which re-lays the whole
 * document each time it fires, is needed).
 */
export function table(
  widths: (number | string)[],
  head: TableCell[][],
  body: TableCell[][],
  options: { fontSize?: number; caption?: string } = {},
): Content {
  // The size goes on every cell: a cell's style would otherwise override the table's.
  const size = options.fontSize ? { fontSize: options.fontSize } : {};
  const styled = (style: string) => (cell: TableCell) => (typeof cell === 'string' ? { text: cell, style, ...size } : { style, ...size, ...(cell as object) });
  const styledHead = head.map((row) => row.map(styled('tableHead')));
  const styledBody = body.map((row) => row.map(styled('tableCell')));
  const captionRows = options.caption
    ? [[{ text: options.caption, style: 'caption', colSpan: widths.length, border: [false, false, false, false] }, ...widths.slice(1).map(() => ({}))]]
    : [];
  return {
    table: {
      widths,
      headerRows: captionRows.length + head.length,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      body: [...captionRows, ...styledHead, ...styledBody] as TableCell[][],
      captionRows: captionRows.length,
    },
    layout: 'bulletin',
  } as Content;
}

/**
 * A head label of four or five characters set on two lines (按期 / 完成, 逾期 / 未完成), so that
 * a narrow column never breaks a word after three characters.
 */
export function twoLineHead(label: string): string {
  const chars = [...label];
  if (chars.length < 4 || chars.length > 7 || label.includes('\n')) return label;
  const cut = chars.length === 4 ? 2 : chars.length === 5 ? 2 : Math.ceil(chars.length / 2);
  return `${chars.slice(0, cut).join('')}\n${chars.slice(cut).join('')}`;
}

export function captionText(number: number, text: string): string {
  return `表${number}　${text}`;
}

/** A heading kept on the same page as what follows it (the stack moves as one). */
export function keepTogether(...parts: Content[]): Content {
  return { stack: parts, unbreakable: true } as Content;
}

/** A paragraph of this many characters or fewer (about five lines) moves with its heading as one block. */
const SHORT_PARAGRAPH = 140;

/**
 * A heading and the paragraph after it, never parted by a page break. A short paragraph moves
 * with its heading as one block; a long one would leave most of a page blank when moved whole,
 * so the heading is marked instead (headlineLevel 1) and moves to the next page only when it
 * stands in the last lines of one (`orphanHeading`, the document's pageBreakBefore). The mark is
 * rare in practice, and each time it fires pdfmake lays the document out once more.
 */
export function headingWith(heading: Content, first: Content): Content[] {
  const text = (first as { text?: unknown }).text;
  if (typeof text === 'string' && [...text].length > SHORT_PARAGRAPH) return [{ ...(heading as object), headlineLevel: 1 } as Content, first];
  return [keepTogether(heading, first)];
}

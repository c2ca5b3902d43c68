import type { CustomTableLayout, StyleDictionary } from 'pdfmake/interfaces';

/**
 * Page geometry and type after GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm,
 * body 3号 (16 pt) with 22 lines a page, title 2号 (22 pt), page numbers 4号 (14 pt).
 */
export const MM = 72 / 25.4;
export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  top: 37 * MM,
  left: 28 * MM,
  typeWidth: 156 * MM,
  typeHeight: 225 * MM,
} as const;
export const MARGINS: [number, number, number, number] = [
  PAGE.left,
  PAGE.top,
  PAGE.width - PAGE.left - PAGE.typeWidth,
  PAGE.height - PAGE.top - PAGE.typeHeight,
];
/** Landscape pages (the appendix tables) keep the same margins around a turned type area. */
export const LANDSCAPE_WIDTH = PAGE.height - MARGINS[1] - MARGINS[3];

export const RED = '#E60012';
export const BODY_SIZE = 16;
/** 22 lines in 225 mm: 29.2 pt a line; Noto's line box is 1.448 em, so 1.26 × 16 pt. */
export const BODY_LINE_HEIGHT = 1.26;
export const TABLE_SIZE = 10.5;

/** Font families registered with pdfmake (see fonts.ts). The SVG charts name `Noto Sans SC`. */
export const FONTS = {
  /** 仿宋 stand-in: body and tables. */
  body: 'NotoSerifSC',
  /** 小标宋 stand-in: masthead, title, （一） headings. */
  title: 'NotoSerifSCBold',
  /** 黑体 stand-in: 一、 headings, table heads; the charts' family too. */
  heading: 'Noto Sans SC',
} as const;

export const STYLES: StyleDictionary = {
  body: { font: FONTS.body, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT, leadingIndent: BODY_SIZE * 2, alignment: 'justify' },
  masthead: { font: FONTS.title, fontSize: 36, color: RED, alignment: 'center' },
  docNumber: { font: FONTS.body, fontSize: BODY_SIZE, alignment: 'center' },
  title: { font: FONTS.title, fontSize: 22, alignment: 'center', lineHeight: 1.2 },
  addressees: { font: FONTS.body, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT },
  h1: { font: FONTS.heading, bold: true, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT, leadingIndent: BODY_SIZE * 2 },
  h2: { font: FONTS.title, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT, leadingIndent: BODY_SIZE * 2 },
  caption: { font: FONTS.heading, bold: true, fontSize: 12, alignment: 'center', margin: [0, 4, 0, 2] },
  tableHead: { font: FONTS.heading, bold: true, fontSize: TABLE_SIZE, alignment: 'center', fillColor: '#F2F2F2' },
  tableCell: { font: FONTS.body, fontSize: TABLE_SIZE, alignment: 'center', lineHeight: 1 },
  tableNote: { font: FONTS.body, fontSize: 10, lineHeight: 1.2, margin: [0, 3, 0, 0] },
  small: { font: FONTS.body, fontSize: 9, lineHeight: 1.1 },
  signature: { font: FONTS.body, fontSize: BODY_SIZE, alignment: 'right', lineHeight: BODY_LINE_HEIGHT },
  annexLabel: { font: FONTS.heading, bold: true, fontSize: BODY_SIZE },
  annexTitle: { font: FONTS.title, fontSize: 18, alignment: 'center', margin: [0, 6, 0, 10] },
  pageNumber: { font: FONTS.body, fontSize: 14 },
};

/** Thin black rules, a heavier line under the head, as printed statistical tables have. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => {
    const captionRows = (node.table as { captionRows?: number }).captionRows ?? 0;
    if (i < captionRows) return 0;
    return i === captionRows || i === node.table.body.length ? 1 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4;
  },
  vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 0 : 0.4),
  hLineColor: () => '#000000',
  vLineColor: () => '#808080',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 3,
  paddingBottom: () => 2,
};


import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { percent, quantity } from '../format';
import type { ProgressRow } from '../mart';

/**
 * Everything a chart looks like, in one place: font, sizes, status colours and shapes, number
 * formats. The builders read this; none of them picks a colour or a format on its own.
 */

/** The bundled CJK face. The SVG names this family; resvg and the width measurement load the files below. */
export const FONT_FAMILY = 'Noto Sans SC';

const fontPackage = dirname(createRequire(__filename).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
export const FONT_FILES = {
  regular: join(fontPackage, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: join(fontPackage, '700Bold', 'NotoSansSC_700Bold.ttf'),
} as const;

/** A4 type area (版心) is 156 mm ≈ 442 pt; charts are designed at this width, 1 px = 1 pt. */
export const PAGE_WIDTH = 440;

export const SIZES = {
  title: 13,
  subtitle: 10,
  label: 10,
  axisTitle: 10,
  legend: 10,
  value: 9,
  /** Height of one band (one unit) in a ranking chart. */
  band: 22,
  /** Height of one row in the status matrix. */
  matrixRow: 20,
} as const;

export type Status = ProgressRow['status'];

/**
 * Traffic lights that survive colour blindness: Okabe–Ito bluish green / orange / vermillion
 * differ in lightness as well as hue, and every light also has its own shape and its own word,
 * so nothing depends on telling colours apart.
 */
export const STATUS_STYLE: Record<Status, { color: string; shape: string; glyph: string; label: string }> = {
  green: { color: '#009E73', shape: 'circle', glyph: '●', label: '绿灯（正常）' },
  yellow: { color: '#E69F00', shape: 'triangle-up', glyph: '▲', label: '黄灯（提醒）' },
  red: { color: '#D55E00', shape: 'square', glyph: '■', label: '红灯（警示）' },
  missing: { color: '#8C8C8C', shape: 'cross', glyph: '✚', label: '未报送' },
  no_data: { color: '#BDBDBD', shape: 'diamond', glyph: '◆', label: '无数据' },
  // A short bar (a dash): "nothing to measure against". An SVG path, since Vega's 'stroke' shape is invisible when filled.
  no_target: { color: '#6F8FB3', shape: 'M-1,-0.3H1V0.3H-1Z', glyph: '—', label: '无目标' },
};

export const STATUS_ORDER: Status[] = ['green', 'yellow', 'red', 'missing', 'no_data', 'no_target'];

/** Colour and shape scales keyed by the status label, so both legends merge into one. */
export function statusScales(present: Status[]) {
  const used = STATUS_ORDER.filter((s) => present.includes(s));
  return {
    color: { domain: used.map((s) => STATUS_STYLE[s].label), range: used.map((s) => STATUS_STYLE[s].color) },
    shape: { domain: used.map((s) => STATUS_STYLE[s].label), range: used.map((s) => STATUS_STYLE[s].shape) },
  };
}

export const INK = {
  text: '#222222',
  muted: '#666666',
  grid: '#E4E4E4',
  reference: '#333333',
  city: '#1F4E99',
  track: '#EDEDED',
} as const;

/** The Vega-Lite config every chart shares: the font everywhere, quiet axes, no view border. */
export function chartConfig() {
  return {
    font: FONT_FAMILY,
    background: '#FFFFFF',
    padding: 4,
    view: { stroke: null },
    title: { fontSize: SIZES.title, fontWeight: 'bold', anchor: 'start', color: INK.text, subtitleFontSize: SIZES.subtitle, subtitleColor: INK.muted, offset: 8 },
    axis: { labelFontSize: SIZES.label, titleFontSize: SIZES.axisTitle, titleFontWeight: 'normal', labelColor: INK.text, titleColor: INK.muted, gridColor: INK.grid, domainColor: '#999999', tickColor: '#999999' },
    legend: { labelFontSize: SIZES.legend, titleFontSize: SIZES.legend, orient: 'bottom', direction: 'horizontal', columns: 4, symbolSize: 70, symbolOpacity: 1, titleFontWeight: 'normal', labelLimit: 0 },
    point: { opacity: 1 },
    tick: { opacity: 1 },
    text: { fontSize: SIZES.value, color: INK.text },
  };
}

// ---------------------------------------------------------------------------------------------
// Number formats: the bulletin's (reports/format.ts), so a chart label and the sentence beside it
// never disagree. 万亩 from 10,000 亩 with two decimals, percentages with one decimal.

/** `57.8%` */
export function formatPercent(value: number): string {
  return percent(value);
}

/** `2.31万亩`, `6485.8亩`, `12个`, `264.91万平方米` */
export function formatAmount(value: number, unit: string): string {
  return quantity(value, unit);
}

/** Quarter label from a period code: `2023Q2` → `二季度`. */
export function quarterLabel(period: string): string {
  const q = Number(period.slice(-1));
  return `${'一二三四'[q - 1]}季度`;
}

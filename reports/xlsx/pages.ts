/**
 * Where the printed pages break. A spreadsheet program breaks a sheet wherever the page is full,
 * which can cut an indicator's lines in the matrix (its name left on one page, its light on the
 * next) or leave a ranking's caption alone at the foot of a page. So the writer sets the breaks
 * itself, before a block that would not fit, from the same geometry it sets up: A4 landscape, its
 * margins, fitted to the page's width. The programs measure fonts a little differently, so a
 * page is taken as a little shorter than it is: a break comes early rather than late.
 */

/** A4 landscape (842 × 595 pt) inside the writer's margins (0.5 in left and right, 0.75 in top and bottom). */
export const PRINTABLE = { width: 841.89 - 2 * 36, height: 595.28 - 2 * 54 } as const;
const SAFETY = 0.92;

/** A column `width` characters wide in points, as Excel converts it (7 px a character and 5 px of padding, at 96 dpi). */
export function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 5) * 0.75;
}

/** The scale fitting the table to one page wide (never enlarged). */
export function fitScale(widths: readonly number[]): number {
  return Math.min(1, PRINTABLE.width / widths.reduce((sum, w) => sum + columnPoints(w), 0));
}

/** The height, in the sheet's points, that one page holds below the rows repeated on it. */
export function pageCapacity(scale: number, repeatedHeight: number): number {
  return (PRINTABLE.height * SAFETY) / scale - repeatedHeight;
}

/**
 * The rows (indexes into `heights`) after which a page should break. `groups[i]` is how many rows
 * starting at i belong together (1 for a row on its own); a group longer than a page is let run
 * across pages row by row.
 */
export function pageBreaks(heights: readonly number[], groups: readonly number[], capacity: number): number[] {
  const breaks: number[] = [];
  let used = 0;
  let i = 0;
  while (i < heights.length) {
    let size = Math.max(1, groups[i] ?? 1);
    let height = heights.slice(i, i + size).reduce((a, b) => a + b, 0);
    if (height > capacity) {
      size = 1;
      height = heights[i];
    }
    if (used > 0 && used + height > capacity) {
      breaks.push(i - 1);
      used = 0;
    }
    used += height;
    i += size;
  }
  return breaks;
}

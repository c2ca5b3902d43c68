import { fitLines } from './measure';
import { PAGE_WIDTH, SIZES } from './theme';

/** A chart title whose subtitle lines are broken to fit the type area (see fitLines). */
export function chartTitle(text: string, subtitle: string[], extra: Record<string, unknown> = {}) {
  return { text, subtitle: fitLines(subtitle, SIZES.subtitle, PAGE_WIDTH - 10), subtitlePadding: 4, ...extra };
}

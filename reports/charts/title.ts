import { fitLines } from './measure';
import { INK, PAGE_WIDTH, SIZES } from './theme';

/** A chart title whose subtitle lines are broken to fit the type area (see fitLines). */
export function chartTitle(text: string, subtitle: string[], extra: Record<string, unknown> = {}) {
  return { text, subtitle: fitLines(subtitle, SIZES.subtitle, PAGE_WIDTH - 10), subtitlePadding: 4, ...extra };
}

/**
 * The spec without its title, for documents that caption figures themselves (图N　…), but
 * keeping the subtitle's notes (what the dark ticks mean, who did not report) in their
 * smaller grey type: the chart stays readable without the caption's help.
 */
export function withoutTitle(spec: Record<string, unknown>): Record<string, unknown> {
  const { title, ...rest } = spec;
  const subtitle = (title as { subtitle?: string[] } | undefined)?.subtitle ?? [];
  if (subtitle.length === 0) return rest;
  const extra = { ...(title as Record<string, unknown>) };
  delete extra.text;
  delete extra.subtitle;
  delete extra.subtitlePadding;
  return { ...rest, title: { ...extra, text: subtitle, fontSize: SIZES.subtitle, fontWeight: 'normal', color: INK.muted, lineHeight: SIZES.subtitle + 4 } };
}

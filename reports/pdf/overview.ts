import type { Content } from 'pdfmake/interfaces';
import { overviewParagraphs } from '../text/opening';
import type { BuildContext } from './context';
import { headingWith } from './tables';

/** 一、总体情况: its paragraphs (reports/text/opening.ts), the heading kept with the first. */
export function overview(ctx: BuildContext): Content[] {
  const heading: Content = { text: ctx.heading('overview'), style: 'h1' };
  const [first, ...rest] = overviewParagraphs(ctx).map((text): Content => ({ text, style: 'body' }));
  return [...headingWith(heading, first), ...rest];
}

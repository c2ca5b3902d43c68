import type { Content } from 'pdfmake/interfaces';
import { problemParagraphs } from '../text/problems';
import type { BuildContext } from './context';
import { headingWith } from './tables';

/** 存在问题: its paragraphs (reports/text/problems.ts), the heading kept with the first. */
export function problems(ctx: BuildContext): Content[] {
  const heading: Content = { text: ctx.heading('problems'), style: 'h1' };
  const [first, ...rest] = problemParagraphs(ctx).map((text): Content => ({ text, style: 'body' }));
  return [...headingWith(heading, first), ...rest];
}

import type { Content } from 'pdfmake/interfaces';
import type { BuildContext } from './context';
import { headingWith } from './tables';

/** 下步工作 (the last part): the bureau's own words, from configuration (per period, else the default). */
export function nextSteps(ctx: BuildContext): Content[] {
  const paragraphs = ctx.model.issue.nextSteps;
  const heading: Content = { text: ctx.heading('nextSteps'), style: 'h1' };
  const body: Content[] = paragraphs.map((text) => ({ text, style: 'body' }));
  return body.length ? [...headingWith(heading, body[0]), ...body.slice(1)] : [heading];
}

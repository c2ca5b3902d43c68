import type { Content } from 'pdfmake/interfaces';
import type { BuildContext } from './context';
import { keepTogether } from './tables';

/** 五、下步工作: the bureau's own words, from configuration (per period, else the default). */
export function nextSteps(ctx: BuildContext): Content[] {
  const paragraphs = ctx.model.issue.nextSteps;
  const heading: Content = { text: '五、下步工作', style: 'h1' };
  const body: Content[] = paragraphs.map((text) => ({ text, style: 'body' }));
  return body.length ? [keepTogether(heading, body[0]), ...body.slice(1)] : [heading];
}

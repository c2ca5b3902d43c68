import type { Content } from 'pdfmake/interfaces';
import type { BuildContext } from './context';

/** 五、下步工作: the bureau's own words, from configuration (per period, else the default). */
export function nextSteps(ctx: BuildContext): Content[] {
  const { config, period } = ctx.input;
  const paragraphs = config.nextSteps[period] ?? config.nextSteps.default ?? [];
  return [{ text: '五、下步工作', style: 'h1', headlineLevel: 1 } as Content, ...paragraphs.map((text) => ({ text, style: 'body' }))];
}

import type { Content } from 'pdfmake/interfaces';
import { addresseeLine, bulletinTitle, openingParagraph } from '../text/opening';
import type { BuildContext } from './context';
import { MM, PAGE, RED } from './styles';

/** 版头: the issuing body in red, the document number, the red rule; then title, addressees, opening (reports/text/opening.ts). */
export function masthead(ctx: BuildContext): Content[] {
  const { issue } = ctx.model;
  return [
    { text: issue.masthead, style: 'masthead', margin: [0, 8 * MM, 0, 0] },
    { text: issue.documentNumber, style: 'docNumber', margin: [0, 14 * MM, 0, 0] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE.typeWidth, y2: 0, lineWidth: 2, lineColor: RED }], margin: [0, 4 * MM, 0, 0] },
    { text: bulletinTitle(ctx.model), style: 'title', margin: [0, 12 * MM, 0, 8 * MM] },
    { text: addresseeLine(ctx), style: 'addressees' },
    { text: openingParagraph(ctx), style: 'body' },
  ];
}

import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { appendix } from './appendix';
import { closing, recordBlock } from './closing';
import type { BulletinModel } from '../model/types';
import { BuildContext, type Figure } from './context';
import { keyTasks } from './key-tasks';
import { mainTargets } from './main-targets';
import { masthead } from './masthead';
import { bulletinTitle } from '../text/opening';
import { nextSteps } from './next-steps';
import { overview } from './overview';
import { problems } from './problems';
import { progress } from './progress';
import { BODY_LINE_HEIGHT, BODY_SIZE, FONTS, MARGINS, PAGE, STYLES } from './styles';

/**
 * The whole bulletin as a pdfmake document definition: a pure function of the model and the
 * drawn figures it places. No clock: the PDF's dates are the issue date.
 */
export function bulletinDocument(model: BulletinModel, figures: readonly Figure[]): TDocumentDefinitions {
  const ctx = new BuildContext(model, figures);
  const content: Content[] = [
    ...masthead(ctx),
    ...overview(ctx),
    ...mainTargets(ctx),
    ...progress(ctx),
    ...keyTasks(ctx),
    ...problems(ctx),
    ...endOfBody(ctx),
    ...appendix(ctx),
  ];
  const issued = new Date(`${model.issue.issuedOn}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    styles: STYLES,
    defaultStyle: { font: FONTS.body, fontSize: 16 },
    footer: pageNumber,
    pageBreakBefore: orphanHeading,
    info: {
      title: bulletinTitle(model).replace('\n', ''),
      author: model.issue.issuer,
      subject: model.issue.documentNumber,
      creator: 'nrp report',
      producer: 'nrp report (pdfmake)',
      creationDate: issued,
      modDate: issued,
    },
    language: 'zh-CN',
  };
}

/**
 * 下步工作, then 附件说明, signature and 版记. The last paragraph goes with the signature onto one
 * page, so that the signature never stands on a page of its own (GB/T 9704 7.3.5).
 */
function endOfBody(ctx: BuildContext): Content[] {
  const steps = nextSteps(ctx);
  const last = steps.pop();
  return [...steps, { stack: [...(last ? [last] : []), ...closing(ctx), ...recordBlock(ctx)], unbreakable: true } as Content];
}

/** Room a heading needs below it: itself and two lines of its paragraph. */
const HEADING_ROOM = 3 * BODY_SIZE * BODY_LINE_HEIGHT * 1.448;

/**
 * A marked heading (headingWith) in the last lines of a page goes to the next one, so it is never
 * left alone at the foot of a page. Only position is read: pdfmake lays the document out again
 * once for each heading moved, and for nothing else.
 */
export function orphanHeading(node: { headlineLevel?: number; startPosition: { top: number; pageOrientation?: string } }): boolean {
  if (node.headlineLevel !== 1 || node.startPosition.pageOrientation === 'landscape') return false;
  return node.startPosition.top > PAGE.top + PAGE.typeHeight - HEADING_ROOM;
}

/**
 * `— N —` in 4号 at the outer side, one character in: right on odd pages, left on even
 * (GB/T 9704 7.5), 7 mm below the type area.
 */
function pageNumber(currentPage: number): Content {
  const odd = currentPage % 2 === 1;
  return {
    text: `— ${currentPage} —`,
    style: 'pageNumber',
    alignment: odd ? 'right' : 'left',
    margin: [MARGINS[0] + (odd ? 0 : 14), 7 * (72 / 25.4), MARGINS[2] + (odd ? 14 : 0), 0],
  };
}

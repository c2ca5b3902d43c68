import type { Content, Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces';
import { appendix } from './appendix';
import { closing, recordBlock } from './closing';
import { BuildContext } from './context';
import { mainTargets } from './main-targets';
import { masthead, bulletinTitle } from './masthead';
import type { BulletinInput } from './model';
import { nextSteps } from './next-steps';
import { overview } from './overview';
import { problems } from './problems';
import { progress } from './progress';
import { FONTS, MARGINS, STYLES } from './styles';

/**
 * The whole bulletin as a pdfmake document definition: a pure function of its input (rows,
 * submissions, configuration, chart SVGs). No clock: the PDF's dates are the issue date.
 */
export function bulletinDocument(input: BulletinInput): TDocumentDefinitions {
  const ctx = new BuildContext(input);
  const [annexOne, ...annexRest] = appendix(ctx);
  const content: Content[] = [
    ...masthead(ctx),
    ...overview(ctx),
    ...mainTargets(ctx),
    ...progress(ctx),
    ...problems(ctx),
    ...nextSteps(ctx),
    ...closing(ctx),
    ...recordBlock(ctx),
    { ...(annexOne as object), pageBreak: 'before', pageOrientation: 'landscape' } as Content,
    ...annexRest,
  ];
  const issued = new Date(`${input.issuedOn}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    styles: STYLES,
    defaultStyle: { font: FONTS.body, fontSize: 16 },
    footer: pageNumber,
    pageBreakBefore: keepHeadingsWithText,
    info: {
      title: bulletinTitle(ctx),
      author: input.config.issuer,
      subject: input.documentNumber,
      creator: 'nrp report',
      producer: 'nrp report (pdfmake)',
      creationDate: issued,
      modDate: issued,
    },
    language: 'zh-CN',
  };
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

/** A heading or a table caption never ends a page: it moves to the next with what follows it. */
function keepHeadingsWithText(node: Node, queries: NodeQueries): boolean {
  return node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0;
}

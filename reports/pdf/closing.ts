import type { Content } from 'pdfmake/interfaces';
import { chineseDate } from '../format';
import type { BuildContext } from './context';
import { BODY_SIZE, PAGE } from './styles';

/** 附件说明, then the issuing body and the date, right-aligned four characters in (GB/T 9704 7.3.5). */
export function closing(ctx: BuildContext): Content[] {
  const annexes = ctx.annexes.map((a) => ctx.annexTitle(a));
  const indent = BODY_SIZE * 2;
  return [
    {
      margin: [0, BODY_SIZE * 1.2, 0, 0],
      columns: [
        { width: indent + BODY_SIZE * 3, text: '附件：', style: 'addressees', alignment: 'right' },
        { width: '*', stack: annexes.map((a, i) => ({ text: `${i + 1}．${a}`, style: 'addressees' })) },
      ],
    },
    {
      margin: [0, BODY_SIZE * 2.5, BODY_SIZE * 4, 0],
      stack: [
        { text: ctx.model.issue.issuer, style: 'signature' },
        { text: chineseDate(ctx.model.issue.issuedOn), style: 'signature' },
      ],
    },
  ];
}

/** 版记: 抄送 and 印发 between rules, at the end of the document. */
export function recordBlock(ctx: BuildContext): Content[] {
  const { issue } = ctx.model;
  const rule = (width: number) => ({ canvas: [{ type: 'line' as const, x1: 0, y1: 0, x2: PAGE.typeWidth, y2: 0, lineWidth: width }] });
  return [
    {
      margin: [0, 24, 0, 0],
      stack: [
        rule(1),
        ...(issue.copyTo ? [{ text: `抄送：${issue.copyTo}`, fontSize: 14, margin: [14, 4, 14, 4] }, rule(0.5)] : []),
        {
          columns: [
            { text: issue.printedBy, fontSize: 14, margin: [14, 4, 0, 4] },
            { text: `${chineseDate(issue.issuedOn)}印发`, fontSize: 14, alignment: 'right', margin: [0, 4, 14, 4] },
          ],
        },
        rule(1),
      ],
    } as Content,
  ];
}

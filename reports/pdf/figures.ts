import type { Content } from 'pdfmake/interfaces';
import type { Figure } from './context';
import { PAGE } from './styles';
import { svgForPdf } from './svg-for-pdf';
import { measureRoot, rootTag } from './svg-size';

/**
 * A chart as vectors (pdfmake's svg node: text stays text, lines stay sharp), scaled to the type
 * area's width, kept on one page with its caption below it (图N　…, the chart's title).
 */
export function chartBlock(figure: Figure, number: number): Content[] {
  const svg = svgForPdf(figure.drawing);
  const tag = rootTag(svg);
  const size = tag ? measureRoot(tag) : { width: undefined, height: undefined };
  if (size.width === undefined || size.height === undefined) throw new Error(`chart ${figure.chart.id}: the drawing has no size`);
  const width = Math.min(PAGE.typeWidth, size.width);
  const height = (size.height * width) / size.width;
  // A chart taller than what is left of a page would otherwise overflow: cap at 60 % of the type area.
  const maxHeight = PAGE.typeHeight * 0.6;
  const scale = height > maxHeight ? maxHeight / height : 1;
  return [
    {
      unbreakable: true,
      stack: [
        { svg, width: width * scale, height: height * scale, alignment: 'center', margin: [0, 6, 0, 2] },
        { text: `图${number}　${figure.chart.title}`, style: 'caption' },
      ],
    } as Content,
  ];
}

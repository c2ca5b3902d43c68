import type { Content } from 'pdfmake/interfaces';
import type { ChartFigure } from './model';
import { PAGE } from './styles';

/**
 * A chart as vectors (pdfmake's svg node: text stays text, lines stay sharp), scaled to the type
 * area's width, kept on one page with its caption below it.
 *
 * The node holds an empty SVG of the chart's box and names the chart (`nrpChart`): the layout
 * needs only the size, and the drawing is put in when the page is drawn (render.ts), so that
 * the charts can still be drawing while the PDF is laid out.
 */
export function chartBlock(figure: ChartFigure, number: number): Content[] {
  const { box } = figure;
  const width = Math.min(PAGE.typeWidth, box.width);
  const height = (box.height * width) / box.width;
  // A chart taller than what is left of a page would otherwise overflow: cap at 60 % of the type area.
  const maxHeight = PAGE.typeHeight * 0.6;
  const scale = height > maxHeight ? maxHeight / height : 1;
  return [
    {
      unbreakable: true,
      stack: [
        {
          svg: placeholderSvg(box),
          nrpChart: figure.id,
          width: width * scale,
          height: height * scale,
          alignment: 'center',
          margin: [0, 6, 0, 2],
        },
        { text: `图${number}　${figure.title}`, style: 'caption' },
      ],
    } as Content,
  ];
}

/** An empty SVG of the box's size: what the layout measures in place of the drawing. */
export function placeholderSvg(box: { width: number; height: number }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}"></svg>`;
}

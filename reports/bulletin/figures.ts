import type { Content } from 'pdfmake/interfaces';
import type { ChartFigure } from './model';
import { PAGE } from './styles';

/**
 * A chart as vectors (pdfmake's svg node: text stays text, lines stay sharp), scaled to the type
 * area's width, kept on one page with its caption below it.
 */
export function chartBlock(figure: ChartFigure, number: number): Content[] {
  const size = svgSize(figure.svg);
  const width = Math.min(PAGE.typeWidth, size.width);
  const height = (size.height * width) / size.width;
  // A chart taller than what is left of a page would otherwise overflow: cap at 60 % of the type area.
  const maxHeight = PAGE.typeHeight * 0.6;
  const scale = height > maxHeight ? maxHeight / height : 1;
  return [
    {
      unbreakable: true,
      stack: [
        { svg: figure.svg, width: width * scale, height: height * scale, alignment: 'center', margin: [0, 6, 0, 2] },
        { text: `图${number}　${figure.title}`, style: 'caption' },
      ],
    } as Content,
  ];
}

/** Width and height of an SVG from its attributes (or viewBox); charts come with both. */
export function svgSize(svg: string): { width: number; height: number } {
  const head = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\b${name}="([0-9.]+)`).exec(head)?.[1]);
  let width = attr('width');
  let height = attr('height');
  if (!(width > 0 && height > 0)) {
    const box = /viewBox="([^"]+)"/.exec(head)?.[1].split(/[\s,]+/).map(Number);
    width = box?.[2] ?? 400;
    height = box?.[3] ?? 300;
  }
  return { width, height };
}

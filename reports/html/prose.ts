import type { Chart } from '../charts/types';
import type { BulletinModel } from '../model/types';
import { BuildContext, type Figure } from '../pdf/context';
import { bulletinTitle, masthead } from '../pdf/masthead';
import { mainTargets } from '../pdf/main-targets';
import { nextSteps } from '../pdf/next-steps';
import { overview } from '../pdf/overview';
import { problems } from '../pdf/problems';
import { progress } from '../pdf/progress';

/**
 * The bulletin's prose, read from the PDF's own section builders: the sentences (一、总体情况, the
 * paragraph of each indicator, 四、存在问题 …) are written once, in reports/pdf over
 * reports/text, and the HTML prints exactly what the PDF prints. The builders return pdfmake
 * content; only its text nodes are read here (`{ text, style }`, inside `stack`s and `columns`),
 * never its layout. The sections are built in the PDF's order with one context, so the table
 * numbers the paragraphs cite (（见表3）) are the PDF's, and the HTML numbers its tables the same way.
 */
export interface Prose {
  /** 关于…的通报, in the two lines the PDF breaks it into. */
  title: string[];
  addressee: string;
  opening: string;
  overview: string[];
  /** 二's sentence: 全市主要目标完成情况见表1和图1。… */
  mainTargets: string[];
  /** Each main-target indicator's paragraph, by indicator code (三、分项进展). */
  indicators: Map<string, string>;
  problems: string[];
  nextSteps: string[];
}

interface Block {
  style: string;
  text: string;
}

/** The styled text blocks of pdfmake content, in reading order; tables and drawings are skipped. */
export function textBlocks(content: unknown): Block[] {
  const out: Block[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as { text?: unknown; style?: unknown; stack?: unknown; columns?: unknown; table?: unknown };
    if (n.table !== undefined) return;
    if (typeof n.text === 'string' && typeof n.style === 'string') out.push({ style: n.style, text: n.text });
    if (n.stack !== undefined) visit(n.stack);
    if (n.columns !== undefined) visit(n.columns);
  };
  visit(content);
  return out;
}

const bodies = (content: unknown) => textBlocks(content).filter((b) => b.style === 'body').map((b) => b.text);

/**
 * The prose of `model`'s bulletin. `overviewChart` is the chart the HTML places under 二 as 图1
 * (as the PDF does), so that 二's sentence names it; it is never drawn here.
 */
export function bulletinProse(model: BulletinModel, overviewChart: Chart | undefined): Prose {
  // A stand-in drawing: the PDF's figure block only reads its size.
  const figures: Figure[] = overviewChart ? [{ chart: overviewChart, drawing: '<svg xmlns="http://www.w3.org/2000/svg" width="440" height="10" viewBox="0 0 440 10"></svg>' }] : [];
  const ctx = new BuildContext(model, figures);
  const head = textBlocks(masthead(ctx));
  const prose: Prose = {
    title: bulletinTitle(ctx).split('\n'),
    addressee: head.find((b) => b.style === 'addressees')?.text ?? '',
    opening: head.find((b) => b.style === 'body')?.text ?? '',
    overview: bodies(overview(ctx)),
    mainTargets: bodies(mainTargets(ctx)),
    indicators: new Map(),
    problems: [],
    nextSteps: [],
  };
  const paragraphs = bodies(progress(ctx));
  const codes = model.mainTargets.flatMap((t) => t.indicators.map((i) => i.code));
  if (paragraphs.length !== codes.length) {
    throw new Error(`三、分项进展: ${paragraphs.length} paragraphs for ${codes.length} indicators; the PDF's section changed shape`);
  }
  codes.forEach((code, i) => prose.indicators.set(code, paragraphs[i]));
  prose.problems = bodies(problems(ctx));
  prose.nextSteps = bodies(nextSteps(ctx));
  return prose;
}

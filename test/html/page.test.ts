import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { quantity } from '../../reports/format';
import { bulletinChartsOf, chartsOf, renderBulletin, type BulletinModel } from '../../reports';
import { bulletinHtml, bulletinHtmlParts, type PageParts } from '../../reports/html';
import { quarterPage } from '../../reports/html/quarter';
import { bulletinDocument } from '../../reports/pdf';
import { tempDir } from '../helpers';
import { pdfPages, squeeze } from '../report/pdf-text';
import { pageOf, yearModels } from './models';

/**
 * The page as written, without a browser: one file, deterministic, within its size, with the
 * PDF's sentences and the figures of every quarter it carries.
 */
const MB = 1024 * 1024;
let q4: BulletinModel[];
let parts: PageParts;
let html: string;

/** The visible article's text (tags out) and each packed quarter's, by period. */
function articles(page: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of page.matchAll(/<article[^>]*data-period="(\w+)"[\s\S]*?<\/article>/g)) out.set(m[1], m[0]);
  for (const m of page.matchAll(/<script type="application\/octet-stream" id="nrp-z-(\w+)" data-encoding="deflate-raw">([^<]*)<\/script>/g)) {
    out.set(m[1], (JSON.parse(inflateRawSync(Buffer.from(m[2], 'base64')).toString('utf8')) as { html: string }).html);
  }
  return out;
}
/** The styled text blocks of pdfmake content, in reading order (inside stacks and columns; tables skipped). */
function textBlocks(content: unknown): { style: string; text: string }[] {
  const out: { style: string; text: string }[] = [];
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
const textOf = (markup: string) => markup.replace(/<br>/g, '').replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

beforeAll(async () => {
  q4 = pageOf(await yearModels('2023Q4'));
  parts = await bulletinHtmlParts(q4);
  html = parts.html.toString('utf8');
});

describe('the HTML bulletin as a file', () => {
  it('is under 3 MB for the city bulletin of the fourth quarter, with every quarter of the year in it', () => {
    expect(q4.map((m) => m.period.code)).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    expect(parts.html.length).toBeLessThan(3 * MB);
    expect(Object.values(parts.bytes).reduce((a, b) => a + b, 0)).toBe(parts.html.length);
    expect([...articles(html).keys()].sort()).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
  });

  it('gives the same bytes twice from the same models', async () => {
    expect((await bulletinHtml(q4)).equals(parts.html)).toBe(true);
  });

  it('is Chinese, carries a CSP that allows no fetch and only its own scripts, and names no remote resource', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('font-src data:');
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(4);
    expect(csp.match(/'sha256-[^']+'/g)!.length).toBe(scripts.length);
    // No element of the page loads anything: no src, no link, no href but the page's own anchors,
    // no CSS url() but data: (the libraries' code is left out here; the browser test counts requests).
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<(script|img|iframe|link|object|embed)\b[^>]*\s(src|href|data)=/i);
    expect(markup).not.toMatch(/\shref="(?!#)[^"]*"/);
    expect(markup).not.toMatch(/url\((?!data:)/);
    expect(html).not.toMatch(/sourceMappingURL/);
  });

  it('inlines the three faces as WOFF subsets that hold every character the page shows', () => {
    const faces = [...html.matchAll(/@font-face\{font-family:"([^"]+)";font-weight:(\d+);[^}]*src:url\(data:font\/woff;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.map((f) => `${f[1]} ${f[2]}`)).toEqual(['Noto Sans SC 400', 'Noto Serif SC 400', 'Noto Serif SC 700']);
    for (const f of faces) expect(Buffer.from(f[3], 'base64').subarray(0, 4).toString('latin1')).toBe('wOFF');
  });
});

describe('the same content as the PDF', () => {
  it('prints every paragraph of the PDF of 2023Q2 (masthead, overview, each indicator, key tasks, problems, next steps, annexes)', async () => {
    const q2 = pageOf(await yearModels('2023Q2'));
    const model = q2[q2.length - 1];
    // The PDF's own paragraphs, read from its document definition (a stand-in drawing: the
    // figure blocks read only its size), and the PDF as printed.
    const stand = '<svg xmlns="http://www.w3.org/2000/svg" width="440" height="10" viewBox="0 0 440 10"></svg>';
    const doc = bulletinDocument(model, bulletinChartsOf(model, chartsOf(model)).map((chart) => ({ chart, drawing: stand })));
    const blocks = textBlocks(doc.content);
    const sentences = blocks.filter((b) => b.style === 'body' || b.style === 'addressees').map((b) => b.text);
    const page = textOf(articles((await bulletinHtml(q2)).toString('utf8')).get('2023Q2')!);
    const dir = tempDir('nrp-html-pdf-');
    const file = join(dir, 'b.pdf');
    writeFileSync(file, await renderBulletin(model));
    // Page numbers (— 3 —) fall inside paragraphs that run onto the next page.
    const pdf = squeeze((await pdfPages(file)).map((p) => p.replace(/—\s*\d+\s*—\s*$/, '')).join(''));
    expect(sentences.length).toBeGreaterThan(30);
    // Each edition numbers its own figures, and the page has one table more in 四 (by lead
    // division): references are compared without their numbers, but 三's paragraphs, which
    // cite tables both editions number alike, are compared whole.
    const unnumbered = (s: string) => s.replace(/(?<=见表|和图|见图)\d+/g, 'N');
    expect(sentences.filter((s) => !unnumbered(page).includes(unnumbered(s)))).toEqual([]);
    const cites = sentences.filter((s) => /（见表\d+）$/.test(s));
    expect(cites.length).toBe(model.mainTargets.flatMap((t) => t.indicators).length);
    expect(cites.filter((s) => !page.includes(s))).toEqual([]);
    expect(sentences.filter((s) => !pdf.includes(squeeze(s)))).toEqual([]);
    expect(page).toContain(model.issue.documentNumber);
    expect(page).toContain(blocks.find((b) => b.style === 'title')!.text.replace('\n', ''));
  });

  it('gives every mark that stands for a figure the row it stands for (found by the codes the chart data carry), in every kind of chart', () => {
    const page = quarterPage(q4[3], true);
    const kinds = new Set<string>();
    for (const [id, spec] of Object.entries(page.specs)) {
      const chart = chartsOf(q4[3]).find((c) => c.id === id)!;
      const sets = chart.kind === 'trend' ? (spec.vconcat as { data: { values: Record<string, unknown>[] } }[]).map((p) => p.data.values) : [(spec.data as { values: Record<string, unknown>[] } | undefined)?.values ?? []];
      const values = sets.flat();
      if (values.length === 0 || chart.kind === 'keytask') continue;
      kinds.add(chart.kind);
      const untipped = values.filter((d) => d.tip === undefined);
      expect(untipped, id).toEqual([]);
      if (chart.kind !== 'trend') for (const d of values) expect(String(d.tip), id).toMatch(new RegExp(`^row:2023Q4\\|${String(d.code)}\\|`));
    }
    expect([...kinds].sort()).toEqual(['matrix', 'overview', 'rank', 'rate', 'trend']);
  });

  it('numbers its tables as the PDF does: each paragraph cites the table that follows it', () => {
    const page = articles(html).get('2023Q4')!;
    const cited = [...page.matchAll(/（见表(\d+)）<\/p><div class="table-wrap"><table[^>]*><caption>表(\d+)　/g)];
    expect(cited.length).toBe(q4[3].mainTargets.flatMap((t) => t.indicators).length);
    for (const c of cited) expect(c[2]).toBe(c[1]);
  });

  it('shows each quarter with its own figures: the city land supply of each quarter in its article', () => {
    const all = articles(html);
    for (const model of q4) {
      const row = model.rows.find((r) => r.is_city && r.indicator_code === 'land_supply')!;
      const text = textOf(all.get(model.period.code)!);
      expect(text).toContain(model.issue.documentNumber);
      expect(text).toContain(`国有土地供应总量${quantity(row.actual, row.unit_of_measure)}`);
    }
  });
});

import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { periodLabel } from '../../pipelines/period';
import { STATUS_STYLE } from '../charts/theme';
import { quarterName, STATUS_LABEL } from '../format';
import { bulletinTitle } from '../text/opening';
import type { BulletinModel } from '../model/types';
import { pageAssets, type Script } from './assets';
import { TOOLTIP_FIELDS } from './cells';
import { bodyText, FACES, fontFaceCss, glyphSet, subsetFace, titleText } from './fonts';
import { ROW_TIP } from './interactive';
import { attrs, el, jsonBlock, text } from './markup';
import { quarterPage, type QuarterPage } from './quarter';
import { htmlMessages } from '../../pipelines/messages';

/**
 * The whole page: one file that opens from disk with no network. Its head carries a
 * Content-Security-Policy that allows the page's own inline scripts (by their sha256), inline
 * styles, and fonts and images from data: URLs, and nothing else: no fetch, no frame, no form, no
 * remote script, font or image. Vega evaluates its expressions with vega-interpreter (vega-embed's
 * `ast` option), so `unsafe-eval` is not needed either.
 *
 * The quarters of the year up to the bulletin's are each written in full, with their charts'
 * specs and the unit panel's figures as JSON: the quarter of the bulletin as it is, the earlier
 * ones packed (packQuarter); the script switches between them in place. Same models, same bytes: nothing here reads the clock or a random source.
 */
export interface PageParts {
  html: Buffer;
  /** Bytes of the page by part, for BENCHMARKS.md and the size test. */
  bytes: Record<'libraries' | 'client' | 'css' | 'fonts' | 'data' | 'markup', number>;
}

export async function bulletinPage(quarters: readonly BulletinModel[]): Promise<PageParts> {
  const shown = quarters[quarters.length - 1];
  const pages = quarters.map((m) => quarterPage(m, m === shown));
  const { libraries, client, css } = pageAssets();
  const periods = pages.map((p) => p.period);
  const common = {
    period: shown.period.code,
    scopeUnit: shown.scope.isCity ? '' : shown.scope.code,
    quarters: quarters.map((m) => ({ period: m.period.code, label: periodLabel(m.period) })),
    units: shown.units.map((u) => ({ code: u.code, name: u.name, short: u.shortName })),
    lights: Object.fromEntries(Object.entries(STATUS_STYLE).map(([k, s]) => [k, { glyph: s.glyph, label: STATUS_LABEL[k] ?? s.label }])),
    tooltip: { prefix: ROW_TIP, titles: TOOLTIP_FIELDS.map((f) => f.title) },
  };
  const dataOf = (p: QuarterPage) => ({ charts: p.specs, order: p.charts, panel: p.panel });
  // The quarter shown is plain HTML and JSON; the others are packed (see packQuarter).
  const current = pages[pages.length - 1];
  const data = [jsonBlock('nrp-common', common), jsonBlock(`nrp-${current.period}`, dataOf(current)), ...pages.slice(0, -1).map((p) => packQuarter(p.period, p.html, dataOf(p)))].join('\n');
  const body = [
    toolbar(shown, periods),
    el('div', { class: 'layout' }, '<aside id="unit-panel" class="unit-panel" aria-labelledby="unit-panel-title" hidden></aside>', el('main', { id: 'main' }, current.html)),
  ].join('\n');

  const everything = glyphSet(body, client.source, ...pages.map((p) => p.html + JSON.stringify(dataOf(p))), JSON.stringify(common));
  const covered = { all: everything, text: glyphSet(...pages.map((p) => bodyText(p.html))), titles: glyphSet(...pages.map((p) => titleText(p.html))) };
  const faces = await Promise.all(FACES.map(async (face) => ({ face, bytes: await subsetFace(face, covered[face.covers]) })));
  const fontCss = fontFaceCss(faces);
  const scripts = [...libraries, client];
  for (const s of scripts) guardInline(s);
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map((s) => `'sha256-${createHash('sha256').update(s.source, 'utf8').digest('base64')}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `${shown.issue.documentNumber}　${bulletinTitle(shown).replace('\n', '')}`;
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy"${attrs({ content: csp })}>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="nrp report">`,
    el('title', {}, text(title)),
    el('style', {}, fontCss),
    el('style', {}, css),
  ].join('\n');
  const scriptTags = scripts.map((s) => `<script>${s.source}</script>`).join('\n');
  const html = `<!doctype html>\n<html lang="zh-CN">\n<head>\n${head}\n</head>\n<body>\n<a class="skip" href="#main">${htmlMessages.skipToText}</a>\n${body}\n${data}\n${scriptTags}\n</body>\n</html>\n`;
  const size = (s: string) => Buffer.byteLength(s, 'utf8');
  const parts = {
    libraries: libraries.reduce((n, s) => n + size(s.source), 0),
    client: size(client.source),
    css: size(css),
    fonts: size(fontCss),
    data: size(data),
    markup: 0,
  };
  const buffer = Buffer.from(html, 'utf8');
  parts.markup = buffer.length - parts.libraries - parts.client - parts.css - parts.fonts - parts.data;
  return { html: buffer, bytes: parts };
}

/**
 * A quarter that is not shown first, packed: its article and data as JSON, deflated (zlib, raw
 * deflate) and base64'd into an inert script element; the page's script inflates it with the
 * browser's DecompressionStream the first time the quarter is chosen. A quarter's bulletin is
 * ~0.8 MB of markup and data and ~0.1 MB packed: the year's four quarters fit in the page.
 */
function packQuarter(period: string, html: string, data: unknown): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify({ html, data }), 'utf8'), { level: 6 }).toString('base64');
  return `<script type="application/octet-stream" id="nrp-z-${text(period)}" data-encoding="deflate-raw">${packed}</script>`;
}

/** The bar above the bulletin: the quarter shown, the unit selected, print. */
function toolbar(shown: BulletinModel, periods: string[]): string {
  const radios = periods.map((p) => {
    return el('label', {}, `<input${attrs({ type: 'radio', name: 'period', value: p, checked: p === shown.period.code })}>`, text(quarterName(p)));
  });
  const options = [el('option', { value: '' }, htmlMessages.noUnit), ...shown.units.map((u) => el('option', { value: u.code }, text(u.name)))];
  return el(
    'div',
    { class: 'toolbar', role: 'region', 'aria-label': htmlMessages.toolbar },
    el('fieldset', { class: 'quarters' }, el('legend', {}, text(`${shown.period.year}年`)), ...radios),
    el('label', { class: 'unit-pick' }, htmlMessages.unit, el('select', { id: 'unit-select' }, ...options)),
    el('button', { type: 'button', id: 'print-button' }, htmlMessages.print),
  );
}

/** An inline script must not end its own element or open an HTML comment. */
function guardInline(script: Script): void {
  if (/<\/script|<!--/i.test(script.source)) throw new Error(`${script.name} cannot be inlined: it contains </script or <!--`);
}

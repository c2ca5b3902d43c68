import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../pipelines/paths';
import { percent, quantity, rank, STATUS_LABEL } from '../../reports/format';
import type { ProgressRow } from '../../reports/mart';
import { bulletinHtml } from '../../reports/html';
import { tempDir } from '../helpers';
import { readSample } from '../mart-warehouse';
import { chartsDrawn, hasChromium, launch, type OpenPage, type Session } from './browser';
import { pageOf, yearModels } from './models';
import { pdfPages, squeeze } from '../report/pdf-text';

/**
 * The city bulletin of 2023Q4 (the year's four quarters in it) opened from disk in Chromium, as a
 * reader would: nothing may leave the page, nothing may fail, every chart draws, and what the
 * page shows for 海宁市 is what the mart holds. Screenshots go to out/screenshots/ (git-ignored).
 */
const reason = 'Debian\'s chromium is not installed (apt-get install chromium; .ci/run does it)';
const dir = tempDir('nrp-html-browser-');
const file = join(dir, 'bulletin-2023Q4.html');
const shots = projectPath('out', 'screenshots');
const HAINING = '330481';
let session: Session;
let opened: OpenPage;

/** The mart's rows of 海宁市 in a period, by indicator name. */
async function martRows(period: string): Promise<Map<string, ProgressRow>> {
  const rows = await readSample((wh) =>
    wh.all<ProgressRow>(
      `select * exclude (period_end), cast(period_end as varchar) as period_end from mart_indicator_progress
        where period = ? and unit_name = '海宁市' order by indicator_order`,
      [period],
    ),
  );
  return new Map(rows.map((r) => [r.indicator_name, r]));
}

/** The unit panel's rows: indicator, target, value, completion, gap, rank, light word. */
async function panelRows(open: OpenPage): Promise<string[][]> {
  // The light's cell: its word, without the shape (aria-hidden) before it.
  return open.page.$$eval('#unit-panel tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => {
      const copy = td.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((g) => g.remove());
      return (copy.textContent ?? '').trim();
    })),
  );
}

async function expectPanelIsMart(open: OpenPage, period: string): Promise<void> {
  const mart = await martRows(period);
  const rows = await panelRows(open);
  expect(rows.length).toBe(mart.size);
  for (const [name, target, value, pct, , place, light] of rows) {
    const r = mart.get(name)!;
    expect(r, name).toBeDefined();
    void target;
    expect(value, name).toBe(r.status === 'missing' ? '未报送' : quantity(r.actual, r.unit_of_measure));
    expect(pct, name).toBe(r.kind === 'cumulative' ? percent(r.completion_pct) : '—');
    expect(place, name).toBe(r.rank === null ? '—' : rank(r.rank));
    expect(light, name).toBe(STATUS_LABEL[r.status]);
  }
}

describe.skipIf(!hasChromium)(`the HTML bulletin in Chromium (${hasChromium ? 'found' : reason})`, () => {
  beforeAll(async () => {
    writeFileSync(file, await bulletinHtml(pageOf(await yearModels('2023Q4'))));
    mkdirSync(shots, { recursive: true });
    session = await launch();
    opened = await session.open(file);
    await chartsDrawn(opened.page, '2023Q4');
  }, 300_000);
  afterAll(async () => session?.close());

  it('opens from disk without a single request leaving the page, and without an error or a CSP violation', async () => {
    expect(opened.blocked).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(await opened.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(await opened.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('draws every chart of the quarter, marks and all', async () => {
    const charts = await opened.page.$$eval('article[data-period="2023Q4"] .vis[data-chart]', (places) =>
      places.map((p) => ({ id: p.getAttribute('data-chart'), drawn: p.getAttribute('data-drawn'), marks: p.querySelectorAll('svg .mark-rect path, svg .mark-symbol path, svg .mark-rect > path, svg .mark-symbol > path').length, texts: p.querySelectorAll('svg text').length })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const c of charts) {
      expect(c.drawn, c.id!).toBe('true');
      expect(c.marks, c.id!).toBeGreaterThanOrEqual(9);
      expect(c.texts, c.id!).toBeGreaterThanOrEqual(9);
    }
  });

  it('sets its text in the embedded faces, not the system\'s', async () => {
    const cdp = await opened.context.newCDPSession(opened.page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const fontsOf = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts;
    };
    const expectations: [string, string][] = [
      ['article[data-period="2023Q4"] .issuer', 'Noto Serif SC'],
      ['article[data-period="2023Q4"] section p', 'Noto Serif SC'],
      ['article[data-period="2023Q4"] table td', 'Noto Sans SC'],
      ['article[data-period="2023Q4"] h2', 'Noto Sans SC'],
      ['article[data-period="2023Q4"] .vis svg text', 'Noto Sans SC'],
    ];
    for (const [selector, family] of expectations) {
      const fonts = await fontsOf(selector);
      expect(fonts.length, selector).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.isCustomFont, `${selector}: ${f.familyName}`).toBe(true);
        expect(f.familyName.replace(/ (Regular|Bold)$/, ''), selector).toBe(family);
      }
    }
  });

  it('selecting 海宁市 highlights it everywhere and shows the figures the mart holds for it', async () => {
    const { page } = opened;
    await page.selectOption('#unit-select', HAINING);
    await page.waitForSelector('#unit-panel:not([hidden]) tbody tr');
    expect(await page.evaluate(() => location.hash)).toBe(`#unit=${HAINING}&period=2023Q4`);
    await expectPanelIsMart(opened, '2023Q4');
    // Every ranking table marks its row; nothing else is marked.
    const marked = await page.$$eval('article[data-period="2023Q4"] tr.focus', (trs) => trs.map((tr) => tr.getAttribute('data-unit')));
    expect(marked.length).toBeGreaterThanOrEqual(14);
    expect(new Set(marked)).toEqual(new Set([HAINING]));
    // The charts fade the other units' bars: 海宁市's bar is opaque, another's is not.
    const opacity = await page.$$eval('figure[id$="rank-land_supply"] .mark-rect path', (paths) => paths.map((p) => p.getAttribute('fill-opacity') ?? p.getAttribute('opacity') ?? '1'));
    expect(opacity.filter((o) => Number(o) === 1).length).toBe(1);
    await page.screenshot({ path: join(shots, 'html-1280x800-haining.png') });
  });

  it('shows every mark\'s figure, unit, target and light in its tooltip', async () => {
    const { page } = opened;
    const bar = page.locator('figure[id$="rank-land_supply"] .mark-rect path').first();
    await bar.scrollIntoViewIfNeeded();
    await bar.hover();
    const tip = page.locator('#vg-tooltip-element');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    for (const title of ['单位', '指标', '累计完成（实际值）', '目标', '完成率', '亮灯']) expect(text).toContain(title);
    expect(text).toContain('国有土地供应总量');
  });

  it('switching the quarter from the keyboard shows that quarter, its charts and its figures for 海宁市', async () => {
    const { page } = opened;
    await page.focus('input[name="period"][value="2023Q4"]');
    await page.keyboard.press('ArrowLeft');
    await chartsDrawn(page, '2023Q3');
    expect(await page.evaluate(() => location.hash)).toBe(`#unit=${HAINING}&period=2023Q3`);
    expect(await page.isVisible('article[data-period="2023Q3"]')).toBe(true);
    expect(await page.isHidden('article[data-period="2023Q4"]')).toBe(true);
    await expectPanelIsMart(opened, '2023Q3');
    expect(await page.textContent('article[data-period="2023Q3"] .docno')).toContain('46号');
    expect(opened.errors).toEqual([]);
  });

  it('sorts a table from the keyboard, both ways, keeping the aggregates at its foot', async () => {
    const { page } = opened;
    const table = page.locator('article[data-period="2023Q3"] table').filter({ hasText: '国有土地供应总量完成情况排名' });
    const button = table.locator('th button.sort', { hasText: '完成率' });
    await button.focus();
    await page.keyboard.press('Enter');
    // A unit without a figure (嘉兴港区 sent nothing for 2023Q3) sorts last both ways.
    const values = async () => table.locator('tbody:not(.foot) td:nth-child(5)').evaluateAll((tds) => tds.map((td) => (td.getAttribute('data-v') ? Number(td.getAttribute('data-v')) : null)));
    const up = await values();
    const figures = up.filter((v): v is number => v !== null);
    expect(figures.length).toBeGreaterThan(5);
    expect(up).toEqual([...[...figures].sort((a, b) => a - b), ...up.filter((v) => v === null)]);
    expect(await button.locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    const down = await values();
    expect(await button.locator('xpath=..').getAttribute('aria-sort')).toBe('descending');
    expect(down).toEqual([...[...figures].sort((a, b) => b - a), ...up.filter((v) => v === null)]);
    expect(await table.locator('tbody.foot tr').count()).toBe(2);
  });

  it('filters the key-task list from the keyboard by section and by division', async () => {
    const { page } = opened;
    const filters = page.locator('article[data-period="2023Q3"] .filters');
    const rows = page.locator('article[data-period="2023Q3"] table.milestones').last().locator('tbody tr');
    const all = await rows.count();
    const section = filters.locator('select[data-filter="section"]');
    await section.focus();
    await page.keyboard.press('ArrowDown');
    const chosen = await section.inputValue();
    expect(chosen).not.toBe('');
    const shown = await rows.evaluateAll((trs, s) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => tr.getAttribute('data-section')), chosen);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all);
    expect(new Set(shown)).toEqual(new Set([chosen]));
    expect(await filters.locator('output').textContent()).toBe(`共${shown.length}个节点`);
    const lead = filters.locator('select[data-filter="lead"]');
    await lead.focus();
    await page.keyboard.press('ArrowDown');
    const both = await rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => [tr.getAttribute('data-section'), tr.getAttribute('data-lead')]));
    const leadCode = await lead.inputValue();
    for (const [s, l] of both) expect([s, l]).toEqual([chosen, leadCode]);
  });

  it('opens the data table of a chart from the keyboard', async () => {
    const { page } = opened;
    const toggle = page.locator('article[data-period="2023Q3"] figure[id$="rank-land_supply"] button.toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const table = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(9);
  });

  it('opens the quarter and unit a link names (#unit=…&period=…)', async () => {
    const link = await session.open(file, { hash: `#unit=${HAINING}&period=2023Q2` });
    await chartsDrawn(link.page, '2023Q2');
    expect(await link.page.inputValue('#unit-select')).toBe(HAINING);
    expect(await link.page.isChecked('input[name="period"][value="2023Q2"]')).toBe(true);
    await expectPanelIsMart(link, '2023Q2');
    expect(link.blocked).toEqual([]);
    expect(link.errors).toEqual([]);
    await link.context.close();
  });

  it('reads on a phone (390×844) and prints to A4 without the controls', async () => {
    const phone = await session.open(file, { viewport: { width: 390, height: 844 } });
    await chartsDrawn(phone.page, '2023Q4');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: join(shots, 'html-390x844.png') });
    await phone.page.locator('figure[id$="rank-land_supply"]').scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: join(shots, 'html-390x844-chart.png') });
    await phone.page.emulateMedia({ media: 'print' });
    expect(await phone.page.isHidden('.toolbar')).toBe(true);
    const pdf = await phone.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(dir, 'printed.pdf'), pdf);
    const pages = (await pdfPages(join(dir, 'printed.pdf'))).map(squeeze);
    expect(pages.length).toBeGreaterThan(10);
    const all = pages.join('');
    expect(all).toContain('关于2023年第四季度全市自然资源和规划主要目标任务进展情况的通报');
    for (const control of ['打印', '数据表', '跳到正文']) expect(all).not.toContain(control);
    // A table that runs onto the next page repeats its head there, labels and all (its sortable
    // heads are buttons on screen): the ranking tables' head is printed more often than there are tables.
    const tables = await phone.page.locator('article[data-period="2023Q4"] table caption', { hasText: '完成情况排名' }).count();
    const heads = all.split('排名单位').length - 1;
    expect(heads).toBeGreaterThan(tables);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    const wide = await session.open(file);
    await chartsDrawn(wide.page, '2023Q4');
    await wide.page.screenshot({ path: join(shots, 'html-1280x800.png') });
    await wide.context.close();
  });
});

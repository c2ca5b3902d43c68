import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, as root without
 * the sandbox, kept off the network (no background fetches, component updates, sync or QUIC) with
 * a fresh profile (a temporary --user-data-dir per launch). `.ci/run` installs the `chromium` package when it is missing; where it is
 * still missing, the browser tests say they are skipped.
 */
export const CHROMIUM = process.env.NRP_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
];

export interface Session {
  browser: Browser;
  /** A page of a fresh context that blocks and counts every request but the file itself. */
  open(file: string, options?: { viewport?: { width: number; height: number }; hash?: string }): Promise<OpenPage>;
  close(): Promise<void>;
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave the page (anything but the file), blocked. */
  blocked: string[];
  /** Console errors, page errors and CSP violations. */
  errors: string[];
}

export async function launch(): Promise<Session> {
  const { chromium } = await import('playwright-core');
  // Playwright gives each launch a fresh temporary --user-data-dir of its own (and removes it).
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async open(file, options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
      const blocked: string[] = [];
      const errors: string[] = [];
      const url = `file://${file}`;
      await context.route('**/*', (route) => {
        const target = route.request().url();
        if (target === url || target.startsWith(`${url}#`)) return route.continue();
        blocked.push(target);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(url + (options.hash ?? ''));
      return { page, context, blocked, errors };
    },
    async close() {
      await browser.close();
    },
  };
}

/** Waits until every chart of `period` is drawn (the page marks it on <html>), or fails with the page's error. */
export async function chartsDrawn(page: Page, period: string): Promise<void> {
  await page.waitForFunction(
    (p) => document.documentElement.dataset.chartsDrawn === p || document.documentElement.dataset.chartsError || document.documentElement.dataset.loadError,
    period,
    { timeout: 90_000 },
  );
  const error = await page.evaluate(() => document.documentElement.dataset.chartsError ?? document.documentElement.dataset.loadError);
  if (error) throw new Error(`the page failed to draw ${period}: ${error}`);
}

/**
 * Drives a local Chromium headless through an optional peer: `playwright-core` (or `playwright`), else
 * `puppeteer-core`. Nothing is downloaded: the browser is the executable found by bench/_chromium.ts.
 * Used by `compactly-bench --browser=headless` and the browser page tests.
 */
import { CHROMIUM_FLAGS } from './_chromium.js';

/** The little of a page the callers need (both drivers have these). */
export interface HeadlessPage {
  goto(url: string): Promise<unknown>;
  /** Runs `fn` in the page and returns its (JSON-serialisable) result. */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/** A running browser with one page. */
export interface Headless {
  readonly page: HeadlessPage;
  /** Which peer drives it (`playwright-core`, …). */
  readonly driver: string;
  /** Console errors and uncaught page errors, in order. */
  readonly errors: string[];
  close(): Promise<void>;
}

type Load = (pkg: string) => Promise<unknown>;

const defaultLoad: Load = (pkg) => import(pkg);

/** The peers tried, in order. */
export const DRIVERS: readonly string[] = ['playwright-core', 'playwright', 'puppeteer-core'];

interface EventPage extends HeadlessPage {
  on(event: string, fn: (x: { type?: () => string; text?: () => string; message?: string }) => void): unknown;
  setViewport?(v: { width: number; height: number }): Promise<unknown>;
}

/**
 * Launches Chromium at `executablePath` headless with one page (1200×900). Throws a plain message naming the
 * peers to install when none of them is installed.
 */
export async function launchHeadless(executablePath: string, load: Load = defaultLoad, extraArgs: readonly string[] = []): Promise<Headless> {
  const errors: string[] = [];
  const watch = (page: EventPage): void => {
    page.on('console', (m) => {
      if (m.type?.() === 'error') errors.push(`console: ${m.text?.() ?? ''}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message ?? String(e)}`));
  };
  for (const driver of DRIVERS) {
    let mod: unknown;
    try {
      mod = await load(driver);
    } catch {
      continue;
    }
    const m = (mod as { default?: unknown }).default ?? mod;
    if (driver.startsWith('playwright')) {
      const { chromium } = m as { chromium: { launch(o: object): Promise<{ newPage(o: object): Promise<EventPage>; close(): Promise<void> }> } };
      const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      watch(page);
      return { page, driver, errors, close: () => browser.close() };
    }
    const puppeteer = m as { launch(o: object): Promise<{ newPage(): Promise<EventPage>; close(): Promise<void> }> };
    const browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
    const page = await browser.newPage();
    await page.setViewport?.({ width: 1200, height: 900 });
    watch(page);
    return { page, driver, errors, close: () => browser.close() };
  }
  throw new Error(`no browser driver installed: npm install -D ${DRIVERS[0]} (or ${DRIVERS.slice(1).join(' or ')}); it drives the local Chromium, nothing is downloaded`);
}

/**
 * Polls `read` in the page every 250 ms until it returns a value that `done` accepts (each other value goes to
 * `onValue`, e.g. a progress line), or `timeoutMs` passes.
 */
export async function waitInPage<T>(
  page: HeadlessPage,
  read: () => T | null | undefined,
  done: (v: T) => boolean,
  timeoutMs: number,
  what: string,
  onValue?: (v: T) => void,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await page.evaluate(read);
    if (v !== undefined && v !== null) {
      if (done(v)) return v;
      onValue?.(v);
    }
    const waited = Date.now() - t0;
    if (waited > timeoutMs) throw new Error(`timed out after ${(waited / 1000).toFixed(0)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

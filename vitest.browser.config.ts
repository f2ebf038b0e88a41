/**
 * The capability tests in headless Chromium (vitest browser mode, Playwright driving the local `chromium`;
 * no browser is downloaded). Runs every test file under the capability folders that does not need Node
 * (see test/browser/select.ts for the rule); `npm test` runs it when a Chromium is found and says loudly
 * when it is not. Run alone: `npx vitest run --config vitest.browser.config.ts`.
 */
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_FLAGS, findChromium } from './bench/_chromium.js';
import { browserTestFiles } from './test/browser/select.js';

const chromium = findChromium();
if (chromium.path === undefined) throw new Error(`vitest.browser.config.ts: no Chromium: ${chromium.why}`);

/** The fast-check knobs of test/_support/setup.ts (FC_SEED, FC_RUNS), passed into the page as constants. */
const fcEnv = (name: string): string => JSON.stringify(process.env[name]) ?? 'undefined';

export default defineConfig({
  define: { 'process.env.FC_SEED': fcEnv('FC_SEED'), 'process.env.FC_RUNS': fcEnv('FC_RUNS') },
  // Cross-origin isolated, as a page that wants SharedArrayBuffer must be.
  server: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  test: {
    include: browserTestFiles().map((f) => f.file),
    setupFiles: ['test/_support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: chromium.path, args: [...CHROMIUM_FLAGS] } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});

/**
 * `compactly-bench --browser`: the page in headless Chromium (the suites run there from source, bundled by
 * esbuild as the CLI does when run from bench/cli.ts), its tables, chart, JSON download and screenshot; the
 * CLI's `--browser=headless` report; `--browser` serving on 127.0.0.1 with COOP/COEP until interrupted.
 * Skipped, loudly, without a Chromium (`npm test` says so too; .ci/run installs one).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageQuery, serveBenchPage } from '../../bench/_browser.js';
import type { PageState } from '../../bench/_browser-page.js';
import { findChromium } from '../../bench/_chromium.js';
import type { SuiteContext } from '../../bench/_harness.js';
import { launchHeadless, waitInPage, type Headless } from '../../bench/_headless.js';
import { main } from '../../bench/_main.js';
import { UsageError, parseArgs } from '../../bench/_options.js';
import { countTasks } from '../../bench/_run.js';
import type { Served } from '../../bench/_serve.js';
import { SUITES } from '../../bench/suites.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'bench/cli.ts');
const chromium = findChromium();
const dir = mkdtempSync(join(tmpdir(), 'compactly-bench-browser-'));
const shots = process.env.COMPACTLY_SCREENSHOT_DIR ?? dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The suites the page runs here: small, and together they have speed and memory tables. */
const RUN = ['vector', 'memoryview'];
const OPTIONS = parseArgs(['--size', 'tiny', '--time', '5', ...RUN], Object.keys(SUITES));

if (chromium.path === undefined) process.stderr.write(`\n!!! test/bench/browser.test.ts SKIPPED: no Chromium (${chromium.why})\n\n`);

/** Tasks per suite as the suites define them (baseline included), counted in Node. */
async function tasksPerSuite(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of RUN) {
    const ctx: SuiteContext = { rows: OPTIONS.rows, size: OPTIONS.size, note: () => undefined, optional: async () => undefined };
    out[name] = countTasks(await (await SUITES[name]!()).speed(ctx));
  }
  return out;
}

describe('options', () => {
  test('--browser takes no value or =headless; the headless-only options need it', () => {
    const names = Object.keys(SUITES);
    expect(parseArgs(['--browser'], names).browser).toBe('serve');
    expect(parseArgs(['--browser=headless', '--chromium', '/x/chromium', '--screenshot', 'a.png'], names)).toMatchObject({ browser: 'headless', chromium: '/x/chromium' });
    expect(() => parseArgs(['--browser=firefox'], names)).toThrow(new UsageError('--browser takes no value or =headless, got "firefox"'));
    expect(() => parseArgs(['--chromium', '/x'], names)).toThrow(new UsageError('--chromium needs --browser=headless'));
    expect(() => parseArgs(['--screenshot', 'a.png', '--browser'], names)).toThrow(new UsageError('--screenshot needs --browser=headless'));
    expect(() => parseArgs(['--port', '8080'], names)).toThrow(new UsageError('--port needs --browser'));
    expect(() => parseArgs(['--browser', '--port', '70000'], names)).toThrow(new UsageError('--port must be at most 65535, got 70000'));
    expect(() => parseArgs(['--browser', '--check'], names)).toThrow(new UsageError('--check runs in Node only (drop --browser)'));
  });

  test('the page query carries the run', () => {
    expect(pageQuery({ ...OPTIONS, memory: false })).toBe('?suites=vector%2Cmemoryview&size=tiny&rows=2000&repeat=1&memoryRuns=1&time=5&memory=0');
  });
});

describe('the server', () => {
  test('serves the page and its script on 127.0.0.1, cross-origin isolated', async () => {
    const served = await serveBenchPage(SCRIPT, '9.9.9');
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(served.url);
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      const html = await page.text();
      expect(html).toContain('data-compactly="9.9.9"');
      expect(html).toContain('<script type="module" src="/browser/index.js">');
      const js = await fetch(`${served.url}browser/index.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await fetch(`${served.url}nope`)).status).toBe(404);
    } finally {
      await served.close();
    }
  }, 60_000);

  test('`compactly-bench --browser` prints the URL and serves until interrupted (exit 0)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cli.ts', '--browser', '--size', 'tiny', 'vector'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no URL printed: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?\S+)/.exec(out);
        if (m) {
          clearTimeout(t);
          res(m[1]!);
        }
      });
    });
    expect(url).toContain('?suites=vector&size=tiny');
    expect((await fetch(url)).status).toBe(200);
    const code = await new Promise<number | null>((res) => {
      child.on('close', (c) => res(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  }, 90_000);
});

describe.skipIf(chromium.path === undefined)('the page in headless Chromium', () => {
  let served: Served;
  let browser: Headless;
  let state: PageState;
  const shot = join(shots, 'bench-page.png');

  beforeAll(async () => {
    served = await serveBenchPage(SCRIPT, 'test');
    browser = await launchHeadless(chromium.path!, undefined, ['--enable-blink-features=ForceEagerMeasureMemory']);
    await browser.page.goto(`${served.url}${pageQuery(OPTIONS)}`);
    state = await waitInPage(
      browser.page,
      () => (window as unknown as { __compactlyBench?: PageState }).__compactlyBench,
      (s) => s.state !== 'running',
      120_000,
      'the benchmark page',
    );
    await browser.page.screenshot({ path: shot, fullPage: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test('the run finished with a report of every suite, memory measured in the page', () => {
    expect(state.error).toBeUndefined();
    expect(state.state).toBe('done');
    const r = state.report!;
    expect(r.errors).toEqual([]);
    expect(r.suites.map((s) => s.name)).toEqual(RUN);
    expect(r.environment.browser).toMatch(/Chrome\/\d+/);
    expect(r.options.memoryRuns).toBe(1);
    expect(r.suites.every((s) => s.memory.length > 0 && s.memory.every((m) => Number.isFinite(m.bytes)))).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  test('each suite table has one row per task; the summary one row per suite', async () => {
    const expected = await tasksPerSuite();
    const tables = await browser.page.evaluate(() => {
      const out: { title: string; rows: number[] }[] = [];
      for (const el of document.querySelectorAll('#report > *')) {
        if (el.tagName === 'H2') out.push({ title: el.textContent ?? '', rows: [] });
        else if (el.tagName === 'TABLE') out.at(-1)?.rows.push(el.querySelectorAll('tbody tr').length);
      }
      return out;
    });
    const titles = state.report!.suites.map((s) => s.title);
    expect(tables.map((t) => t.title)).toEqual(['Summary', ...titles]);
    expect(tables[0]!.rows).toEqual([RUN.length]);
    RUN.forEach((name, i) => {
      const [speedRows, memoryRows] = tables[i + 1]!.rows;
      expect(speedRows, `${name}: speed table rows`).toBe(expected[name]);
      expect(memoryRows, `${name}: memory table rows`).toBe(state.report!.suites[i]!.memory.length);
    });
  });

  test('the chart rendered: a non-empty SVG with bars', async () => {
    const chart = await browser.page.evaluate(() => {
      const svg = document.querySelector('#report svg');
      const bars = svg ? [...svg.querySelectorAll('rect')].filter((r) => r.getAttribute('width') !== '100%' && Number(r.getAttribute('width')) > 0) : [];
      const box = svg?.getBoundingClientRect();
      return { bars: bars.length, width: box?.width ?? 0, height: box?.height ?? 0, text: svg?.textContent ?? '' };
    });
    const memoryRows = state.report!.suites.reduce((n, s) => n + s.memory.filter((m) => m.bytes > 0).length, 0);
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.height).toBeGreaterThan(200);
    expect(chart.bars).toBeGreaterThanOrEqual(memoryRows);
    expect(chart.text).toContain('measureUserAgentSpecificMemory');
  });

  test('the JSON download is the report', async () => {
    const json = await browser.page.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>('#download');
      return a ? { name: a.download, text: await (await fetch(a.href)).text() } : undefined;
    });
    expect(json?.name).toBe('compactly-bench-tiny.json');
    const parsed = JSON.parse(json!.text) as { schema: string; suites: { name: string }[] };
    expect(parsed.schema).toBe('compactly-bench/1');
    expect(parsed.suites.map((s) => s.name)).toEqual(RUN);
  });

  test('the screenshot was taken (a PNG of the whole page)', () => {
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });
});

describe.skipIf(chromium.path === undefined)('compactly-bench --browser=headless', () => {
  test('prints the same tables and summary as the CLI and writes the JSON', async () => {
    let stdout = '';
    let stderr = '';
    const json = join(dir, 'headless.json');
    const code = await main(['--browser=headless', '--size', 'tiny', '--time', '5', '--json', json, 'vector'], SUITES, SCRIPT, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('## Vector vs number[]');
    expect(stdout).toContain('vs baseline');
    expect(stdout).toContain('## Summary');
    expect(stdout).toMatch(/Chrome\/\d+.* \(browser page\)/);
    expect(stderr).toContain('[page] [1/1] vector');
    expect(JSON.parse(readFileSync(json, 'utf8')).environment.browser).toMatch(/Chrome/);
  }, 180_000);
});

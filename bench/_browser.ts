/**
 * `compactly-bench --browser`: serves the benchmark page (bench/_browser-page.ts, bundled) on 127.0.0.1 with
 * the COOP/COEP headers that make it cross-origin isolated (so Chromium lets it measure memory), and either
 * prints the URL and keeps serving (`--browser`) or runs the page in a local headless Chromium and prints the
 * same report as the CLI (`--browser=headless`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findChromium } from './_chromium.js';
import { launchHeadless, waitInPage } from './_headless.js';
import { HTML_STYLE } from './_html.js';
import { printSuite, reportWidth, summaryLines, writeOutputs, type Io } from './_main.js';
import { environmentLine, legendLines } from './_report.js';
import type { Options } from './_options.js';
import type { PageState } from './_browser-page.js';
import { ISOLATION_HEADERS, mediaType, serveLocal, type Resource, type Served } from './_serve.js';

/** The page's files by URL path (`/browser/index.js`, its chunks). */
export type PageFiles = ReadonlyMap<string, string>;

/**
 * The bundled page script: the prebuilt `browser/` folder next to the CLI (the published package), or, when
 * running from source (`bench/cli.ts`), bundled now with esbuild (a devDependency).
 */
export async function pageFiles(script: string): Promise<PageFiles> {
  const dir = join(dirname(script), 'browser');
  const files = new Map<string, string>();
  if (existsSync(join(dir, 'index.js'))) {
    for (const f of readdirSync(dir)) if (f.endsWith('.js')) files.set(`/browser/${f}`, readFileSync(join(dir, f), 'utf8'));
    return files;
  }
  const source = join(dirname(script), '_browser-page.ts');
  if (!existsSync(source)) throw new Error(`the browser page is missing: no ${join(dir, 'index.js')} (rebuild the package)`);
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: { index: source },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: '/browser',
    write: false,
    external: ['apache-arrow', 'arquero', 'papaparse', 'csv-parse', 'csv-parse/sync', 'node:*'],
    logLevel: 'silent',
  });
  for (const f of out.outputFiles) files.set(f.path, f.text);
  return files;
}

/** The page's query string for the CLI options (suites, size, rows, time, repeat, memory). */
export function pageQuery(o: Pick<Options, 'suites' | 'size' | 'rows' | 'time' | 'repeat' | 'memory' | 'memoryRuns'>): string {
  const q = new URLSearchParams({ suites: o.suites.join(','), size: o.size, rows: String(o.rows), repeat: String(o.repeat), memoryRuns: String(o.memoryRuns) });
  if (o.time > 0) q.set('time', String(o.time));
  if (!o.memory) q.set('memory', '0');
  return `?${q.toString()}`;
}

/** apache-arrow for the page, when installed next to the CLI: its UMD build and an ES module over it. */
export interface ArrowForPage {
  /** Arrow.es2015.min.js (a classic script: sets `window.Arrow`). */
  readonly umd: string;
  /** `export const Table = globalThis.Arrow.Table; …` for every export of apache-arrow. */
  readonly module: string;
}

/**
 * apache-arrow for the page (the arrow suite imports it; an import map points the page at the module), or
 * undefined when it is not installed: the arrow suite then fails to load, as it does in the CLI.
 */
export async function arrowForPage(script: string): Promise<ArrowForPage | undefined> {
  try {
    const main = createRequire(script).resolve('apache-arrow');
    const umd = readFileSync(join(dirname(main), 'Arrow.es2015.min.js'), 'utf8');
    const names = Object.keys((await import('apache-arrow')) as object).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
    const module = `const A = globalThis.Arrow;\nexport default A;\n${names.map((n) => `export const ${n} = A.${n};`).join('\n')}\n`;
    return { umd, module };
  } catch {
    return undefined;
  }
}

/** The page itself: the style of the HTML report, the compactly version, and the bundled script. */
export function pageHtml(version: string, withArrow = false): string {
  const arrow = withArrow ? '<script src="/vendor/apache-arrow.umd.js"></script>\n<script type="importmap">{"imports":{"apache-arrow":"/vendor/apache-arrow.js"}}</script>\n' : '';
  return `<!doctype html>
<html lang="en" data-compactly="${version.replace(/[^\w.+-]/g, '')}">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>compactly benchmarks in this browser</title>
<style>${HTML_STYLE}progress{width:100%;height:14px}#step{color:#52606d;margin:4px 0 12px}#log{color:#52606d}</style>
${arrow}<script type="module" src="/browser/index.js"></script>
</head>
<body>
<h1>compactly benchmarks in this browser</h1>
<p>The suites run on this page's main thread with the same harness as <code>compactly-bench</code>: every task is checked against its plain-JS baseline first, then timed. Keep the tab in front while it runs (background tabs are throttled).</p>
</body>
</html>
`;
}

/** Serves the page and its script on 127.0.0.1, cross-origin isolated. */
export async function serveBenchPage(script: string, version: string, port = 0): Promise<Served> {
  const files = await pageFiles(script);
  const arrow = await arrowForPage(script);
  const html = pageHtml(version, arrow !== undefined);
  return serveLocal(
    (path): Resource | undefined => {
      if (path === '/' || path === '/index.html') return { type: mediaType('.html'), body: html };
      if (arrow && path === '/vendor/apache-arrow.umd.js') return { type: mediaType(path), body: arrow.umd };
      if (arrow && path === '/vendor/apache-arrow.js') return { type: mediaType(path), body: arrow.module };
      const js = files.get(path);
      return js === undefined ? undefined : { type: mediaType(path), body: js };
    },
    ISOLATION_HEADERS,
    port,
  );
}

/** `--browser`: serve until interrupted (Ctrl-C). */
export async function serveUntilInterrupted(o: Options, script: string, version: string, io: Io): Promise<number> {
  const served = await serveBenchPage(script, version, o.port ?? 0);
  io.stdout.write(`compactly-bench: open ${served.url}${pageQuery(o).slice(0)} in a browser (Ctrl-C stops the server)\n`);
  io.stdout.write('compactly-bench: the page shows progress, then the tables and the chart, and offers the results as JSON.\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await served.close();
  return 0;
}

/**
 * `--browser=headless`: runs the page in a local Chromium (with eager memory measurement) and returns its
 * report. Progress lines go to `progress` as the page reports them.
 */
export async function runHeadless(o: Options, script: string, version: string, progress: (line: string) => void): Promise<{ state: PageState; errors: readonly string[] }> {
  const chromium = findChromium(o.chromium);
  if (chromium.path === undefined) throw new Error(`--browser=headless: no Chromium: ${chromium.why}; give one with --chromium PATH`);
  const served = await serveBenchPage(script, version, o.port ?? 0);
  try {
    const browser = await launchHeadless(chromium.path, undefined, ['--enable-blink-features=ForceEagerMeasureMemory']);
    try {
      await browser.page.goto(`${served.url}${pageQuery(o)}`);
      let last = '';
      const state = await waitInPage(
        browser.page,
        () => (window as unknown as { __compactlyBench?: PageState }).__compactlyBench,
        (s) => s.state !== 'running',
        o.size === 'large' ? 6 * 3600_000 : 3600_000,
        'the benchmark page',
        (s) => {
          if (s.line !== last) progress((last = s.line));
        },
      );
      if (o.screenshot !== undefined) await browser.page.screenshot({ path: o.screenshot, fullPage: true });
      return { state, errors: [...browser.errors] };
    } finally {
      await browser.close();
    }
  } finally {
    await served.close();
  }
}

/**
 * `--browser` / `--browser=headless` from the CLI. Headless prints what the CLI prints (the tables of every
 * suite, the summary) from the page's report and writes the same `--json/--md/--svg/--html` files.
 */
export async function runBrowser(o: Options, script: string, version: string, io: Io): Promise<number> {
  if (o.browser === 'serve') return serveUntilInterrupted(o, script, version, io);
  const quiet = o.progress === 'none';
  const { state, errors } = await runHeadless(o, script, version, (line) => {
    if (!quiet) io.stderr.write(`[page] ${line}\n`);
  });
  for (const e of errors) io.stderr.write(`compactly-bench: the page logged: ${e}\n`);
  if (state.state !== 'done' || state.report === undefined) {
    io.stderr.write(`compactly-bench: the browser page failed: ${state.error ?? state.state}\n`);
    return 1;
  }
  const report = state.report;
  const out = (s: string): void => void io.stdout.write(`${s}\n`);
  const width = reportWidth(io.stdout);
  out(`compactly-bench --browser=headless: ${report.options.suites.join(', ')} at ${report.options.rows.toLocaleString('en-US')} rows (size ${report.options.size})`);
  out(environmentLine(report.environment));
  out(`\n${legendLines().join('\n')}`);
  for (const r of report.suites) printSuite(r, out, width);
  for (const e of report.errors) io.stderr.write(`compactly-bench: suite ${e.suite} failed: ${e.message}\n`);
  out(summaryLines(report, width).join('\n'));
  if (o.screenshot !== undefined) io.stderr.write(`compactly-bench: wrote ${o.screenshot}\n`);
  return writeOutputs(report, o, io);
}

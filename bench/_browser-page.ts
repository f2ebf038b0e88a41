/**
 * The `compactly-bench --browser` page script (runs in the browser; bundled to dist/bench/browser/index.js).
 * Runs the suites named in the page's query string with the same harness as the CLI (checks, tinybench
 * timing, the same tables and chart), shows progress, renders the report, offers the JSON for download, and
 * publishes its state on `window.__compactlyBench` for `--browser=headless`.
 *
 * Memory: `performance.measureUserAgentSpecificMemory()` (whole page, after a GC) when the page is
 * cross-origin isolated and the browser has it (Chromium); elsewhere the report says memory was not measured.
 */
import { SIZE_ROWS, type MemoryGroup, type Size, type SuiteContext } from './_harness.js';
import { renderReportBody } from './_html.js';
import { SIZE_PLANS, SIZES } from './_plan.js';
import type { Progress } from './_progress.js';
import { assessNoise, summarize, type Environment, type SuiteReport } from './_report.js';
import { runSuite, type SuitePlan } from './_run.js';
import { SCHEMA, toJson, type BenchReport } from './_schema.js';
import { SUITES } from './suites.js';

/** What the page publishes on `window.__compactlyBench` (read by `--browser=headless`). */
export interface PageState {
  /** `running` until the report is rendered (`done`) or the page failed to start (`failed`). */
  readonly state: 'running' | 'done' | 'failed';
  /** Progress: `[2/5] record-store 14/30: push 1e6 records › RecordStore.push`. */
  readonly line: string;
  readonly report?: BenchReport;
  readonly error?: string;
}

/** The run the page was asked for (query string of the page URL). */
export interface PageOptions extends SuitePlan {
  readonly suites: readonly string[];
}

/** Why memory cannot be measured in this page, or undefined when it can. */
export function memoryUnavailable(g: { crossOriginIsolated?: boolean; performance?: unknown } = globalThis): string | undefined {
  if (!g.crossOriginIsolated) return 'the page is not cross-origin isolated (serve it with COOP/COEP headers, as compactly-bench --browser does)';
  if (typeof (g.performance as { measureUserAgentSpecificMemory?: unknown } | undefined)?.measureUserAgentSpecificMemory !== 'function') {
    return 'this browser has no performance.measureUserAgentSpecificMemory() (Chromium has it)';
  }
  return undefined;
}

/** Reads the options from a query string (`?suites=vector,pipeline&size=quick&memory=0`); throws on bad values. */
export function parsePageOptions(query: string, available: readonly string[]): PageOptions {
  const q = new URLSearchParams(query);
  const size = (q.get('size') ?? 'quick') as Size;
  if (!SIZES.includes(size)) throw new Error(`unknown size "${size}" (valid: ${SIZES.join(', ')})`);
  const int = (k: string, dflt: number): number => {
    const v = q.get(k);
    if (v === null || v === '') return dflt;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${k} must be a non-negative integer, got "${v}"`);
    return n;
  };
  const suites = (q.get('suites') ?? '').split(',').filter(Boolean);
  for (const s of suites) if (!available.includes(s)) throw new Error(`unknown suite "${s}" (valid: ${available.join(', ')})`);
  return {
    suites: suites.length ? suites : [...available],
    size,
    rows: int('rows', 0) || SIZE_ROWS[size],
    time: int('time', 0),
    repeat: int('repeat', 1) || 1,
    memory: q.get('memory') !== '0',
    memoryRuns: int('memoryRuns', 0) || SIZE_PLANS[size].memoryRuns,
  };
}

/** The environment as far as a page can see it. */
function browserEnvironment(): Environment {
  const nav = navigator as Navigator & { deviceMemory?: number; userAgentData?: { platform?: string } };
  const ua = nav.userAgent;
  const engine = /(HeadlessChrome|Chrome|Firefox|Edg|Version)\/[\d.]+/.exec(ua)?.[0] ?? ua;
  return {
    node: 'n/a (browser)',
    v8: 'n/a',
    cpu: 'unknown CPU (not visible to a page)',
    cores: nav.hardwareConcurrency || 1,
    memoryGiB: nav.deviceMemory ?? 0,
    os: nav.userAgentData?.platform || nav.platform || 'unknown OS',
    arch: '',
    loadavg: 0,
    date: new Date().toISOString(),
    browser: engine.replace(/^Version\//, 'Safari/'),
  };
}

/** Said under a suite some of whose tasks took less than one tick of the page's clock. */
export const TIMER_NOTE =
  "some tasks ran faster than this browser's clock can tell apart (performance.now() is coarsened: 5 µs when cross-origin isolated, 100 µs or more otherwise), so their times read 0 and their ratios '?': use size quick or larger";

let keep: unknown;

/** Bytes the page holds after a GC (Chromium: `--enable-blink-features=ForceEagerMeasureMemory` makes it prompt). */
async function pageBytes(): Promise<number> {
  const p = performance as Performance & { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> };
  return (await p.measureUserAgentSpecificMemory()).bytes;
}

/** One memory case in this page: a small throwaway build first (compiles its code), then Δ page bytes. */
async function measureInPage(group: MemoryGroup, name: string, rows: number): Promise<number> {
  const c = group.baseline.name === name ? group.baseline : group.cases.find((x) => x.name === name);
  if (!c) throw new Error(`no memory case ${group.name}/${name}`);
  keep = c.build(Math.min(rows, 1000));
  keep = undefined;
  const before = await pageBytes();
  keep = c.build(rows);
  const after = await pageBytes();
  if (keep === undefined) throw new Error('memory case built nothing');
  keep = undefined;
  return after - before;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

function publish(s: PageState): void {
  (window as unknown as { __compactlyBench: PageState }).__compactlyBench = s;
}

/** Progress on the page: a bar, the current step, and a line per finished suite. */
function pageProgress(bar: HTMLProgressElement, label: HTMLElement, t0: number): Progress {
  let suiteLabel = '';
  let steps = 0;
  let done = 0;
  let step = '';
  const draw = (): void => {
    bar.max = Math.max(1, steps);
    bar.value = done;
    const line = `${suiteLabel} ${done}/${steps} ${((performance.now() - t0) / 1000).toFixed(1)}s  ${step}`;
    label.textContent = line;
    publish({ state: 'running', line });
  };
  return {
    prepare(index, total, name) {
      suiteLabel = `[${index}/${total}] ${name}`;
      steps = 0;
      done = 0;
      step = 'building the data';
      draw();
    },
    suite(index, total, name, n) {
      suiteLabel = `[${index}/${total}] ${name}`;
      steps = n;
      done = 0;
      step = '';
      draw();
    },
    step(l) {
      step = l;
      draw();
    },
    done() {
      done++;
      draw();
    },
    message(text) {
      label.textContent = text;
    },
    clear() {},
    end() {
      step = 'done';
      draw();
    },
  };
}

/** Lets the page repaint between tasks (progress stays visible while the suites run on the main thread). */
const yieldToPage = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function run(): Promise<void> {
  const t0 = performance.now();
  const o = parsePageOptions(location.search, Object.keys(SUITES));
  const noMemory = o.memory ? memoryUnavailable() : 'not asked for (memory=0)';
  const header = el(
    'p',
    { id: 'run' },
    `${o.suites.join(', ')} at ${o.rows.toLocaleString('en-US')} rows (size ${o.size}); memory: ${noMemory ? `not measured: ${noMemory}` : 'measureUserAgentSpecificMemory()'}`,
  );
  const bar = el('progress', { id: 'bar', max: '1', value: '0' });
  const label = el('div', { id: 'step' });
  const log = el('ul', { id: 'log' });
  const out = el('div', { id: 'report' });
  document.body.append(header, bar, label, log, out);
  const progress = pageProgress(bar, label, t0);
  const plan: SuitePlan = { ...o, memory: o.memory && noMemory === undefined };
  const env = browserEnvironment();
  const suites: SuiteReport[] = [];
  const errors: { suite: string; message: string }[] = [];
  for (let i = 0; i < o.suites.length; i++) {
    const name = o.suites[i]!;
    const notes: string[] = [];
    const ctx: SuiteContext = {
      rows: o.rows,
      size: o.size,
      note: (t) => {
        if (!notes.includes(t)) notes.push(t);
      },
      optional: async <T>(pkg: string): Promise<T | undefined> => {
        try {
          return (await import(/* @vite-ignore */ pkg)) as T;
        } catch {
          return undefined;
        }
      },
    };
    await yieldToPage();
    try {
      const { report, memoryError } = await runSuite(name, { index: i + 1, total: o.suites.length }, SUITES[name]!, ctx, notes, plan, progress, {
        script: '',
        childArgs: [],
        jobs: 1,
        measure: async (g, c) => {
          await yieldToPage();
          return measureInPage(g, c, o.rows);
        },
      });
      if (memoryError !== undefined) errors.push({ suite: name, message: memoryError });
      if (o.memory && noMemory !== undefined) notes.push(`memory not measured in this browser: ${noMemory}`);
      if (report.speed.some((r) => !(r.p50 > 0))) notes.push(TIMER_NOTE);
      suites.push(report);
      log.append(el('li', {}, `${report.title}: ${report.speed.length} speed rows, ${report.memory.length} memory rows in ${(report.elapsedMs / 1000).toFixed(1)} s`));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      errors.push({ suite: name, message });
      log.append(el('li', { class: 'note' }, `${name} failed: ${message}`));
    }
  }
  progress.end();
  const report: BenchReport = {
    schema: SCHEMA,
    compactly: document.documentElement.dataset.compactly ?? 'unknown',
    environment: env,
    options: { suites: [...o.suites], size: o.size, rows: o.rows, repeat: o.repeat, memoryRuns: plan.memory ? o.memoryRuns : 0, timeMs: o.time > 0 ? o.time : null },
    suites,
    summary: suites.map(summarize),
    noise: assessNoise(suites, env, o.repeat),
    errors,
    elapsedMs: Math.round(performance.now() - t0),
  };
  out.innerHTML = renderReportBody(report);
  const json = toJson(report);
  const a = el(
    'a',
    { id: 'download', download: `compactly-bench-${o.size}.json`, href: URL.createObjectURL(new Blob([json], { type: 'application/json' })) },
    'Download the results as JSON',
  );
  label.replaceChildren(a);
  publish({ state: 'done', line: 'done', report });
}

run().catch((e: unknown) => {
  const error = e instanceof Error ? e.message : String(e);
  document.body.append(el('p', { class: 'note', id: 'error' }, `compactly-bench page failed: ${error}`));
  publish({ state: 'failed', line: 'failed', error });
});

/** The SVG chart and the HTML page: well-formed, escaped, one headline row per suite, every task shown. */
import { describe, expect, it } from 'vitest';
import type { MemoryRow, SpeedRow } from '../../bench/_harness.js';
import { renderHtmlReport } from '../../bench/_html.js';
import { summarize, type SuiteReport } from '../../bench/_report.js';
import { SCHEMA, toJson, type BenchReport } from '../../bench/_schema.js';
import { logScale, renderSvg } from '../../bench/_svg.js';

function sp(task: string, ratio: number, baseline = false, reference = false): SpeedRow {
  return { suite: 'a&b', case: 'sum <x>', task, baseline, reference, hz: ratio, p50: 1 / ratio, rme: 1, samples: 9, ratio, repeats: 1, spread: 0, ratios: [ratio] };
}
function mem(c: string, bytesPerItem: number, baseline: boolean): MemoryRow {
  return {
    suite: 'a&b',
    group: 'rows',
    case: c,
    unit: 'record',
    baseline,
    reference: false,
    n: 10,
    bytes: bytesPerItem * 10,
    bytesPerItem,
    ratio: 106 / bytesPerItem,
    runs: 1,
    spread: 0,
  };
}

const suite: SuiteReport = {
  name: 'a&b',
  title: 'Store <&> "objects"',
  notes: [],
  elapsedMs: 1,
  taskMs: 1,
  headline: { speed: 'sum <x>', memory: 'rows' },
  speed: [sp('objects', 1, true), sp('store.sum()', 7.5), sp('arrow get(i)', 0.3, false, true)],
  memory: [mem('objects', 106, true), mem('store', 24, false)],
};
const report: BenchReport = {
  schema: SCHEMA,
  compactly: '0.0.0',
  environment: { node: 'v20', v8: '11', cpu: 'cpu', cores: 2, memoryGiB: 8, os: 'Linux', arch: 'x64', loadavg: 0, date: '2026-01-01T00:00:00.000Z' },
  options: { suites: ['a&b'], size: 'tiny', rows: 10, repeat: 1, memoryRuns: 1, timeMs: null },
  suites: [suite],
  summary: [summarize(suite)],
  noise: { noisy: false, notes: [] },
  errors: [],
  elapsedMs: 5,
};

/** Checks that every tag opened is closed in order (enough to catch broken string building). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('renderSvg', () => {
  const svg = renderSvg(report);
  it('is a balanced, standalone SVG document with a title', () => {
    expect(svg.startsWith("<svg xmlns='http://www.w3.org/2000/svg'")).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('<title>');
  });
  it('escapes names', () => {
    expect(svg).toContain('Store &lt;&amp;&gt; &quot;objects&quot;');
    expect(svg).not.toContain('<x>');
  });
  it('shows the headline ratios and every task, references included', () => {
    expect(svg).toContain('7.5x faster');
    expect(svg).toContain('24.00 B/record · 4.4x smaller');
    expect(svg).toContain('sum &lt;x&gt; › arrow get(i)');
    expect(svg).toContain('3.3x slower');
  });
  it('grows with the rows', () => {
    const h = (s: string) => Number(/height='(\d+)'/.exec(s)![1]);
    const more = renderSvg({ ...report, suites: [suite, { ...suite, name: 'c' }], summary: [summarize(suite), summarize(suite)] });
    expect(h(more)).toBeGreaterThan(h(svg));
  });
  it('handles an empty report', () => {
    const empty = renderSvg({ ...report, suites: [], summary: [] });
    expect(balanced(empty)).toBe(true);
    expect(empty).toContain('no suites were run');
  });
});

describe('logScale', () => {
  it('spans whole decades around 1x and maps them evenly', () => {
    const s = logScale([0.3, 7.5], 0, 300);
    expect(s.ticks).toEqual([0.1, 1, 10]);
    expect(s.at(0.1)).toBe(0);
    expect(s.at(1)).toBe(150);
    expect(s.at(10)).toBe(300);
    expect(s.at(1e9)).toBe(300); // clamped
  });
});

describe('HTML and JSON', () => {
  it('the HTML page embeds the chart and the tables', () => {
    const html = renderHtmlReport(report);
    expect(html).toContain('<svg');
    expect(html).toContain('<table>');
    expect(html).toContain('Store &lt;&amp;&gt;');
    expect(balanced(html.replace(/<!doctype html>|<meta[^>]*>|<br>/g, ''))).toBe(true);
  });
  it('JSON writes NaN and infinities as null', () => {
    const j = JSON.parse(toJson({ ...report, elapsedMs: NaN, suites: [{ ...suite, speed: [{ ...suite.speed[0]!, ratio: Infinity }] }] }));
    expect(j.elapsedMs).toBeNull();
    expect(j.suites[0].speed[0].ratio).toBeNull();
  });
});

/** Formatting, tables, the summary and the noise assessment of bench/_report.ts, on hand-made rows. */
import { describe, expect, it } from 'vitest';
import type { MemoryRow, SpeedRow } from '../../bench/_harness.js';
import {
  assessNoise,
  fmtBytes,
  fmtTime,
  memoryRatioText,
  memoryTable,
  renderMarkdown,
  renderText,
  speedRatioText,
  speedTable,
  summarize,
  summaryTable,
  summaryTextTable,
  legendLines,
  legendMarkdown,
  wrapText,
  type Environment,
  type SuiteReport,
} from '../../bench/_report.js';
import { median, spread } from '../../bench/_run.js';

function speed(task: string, p50: number, basP50: number, extra: Partial<SpeedRow> = {}): SpeedRow {
  return {
    suite: 's',
    case: 'sum',
    task,
    baseline: p50 === basP50 && task === 'base',
    reference: false,
    hz: 1000 / p50,
    p50,
    rme: 1.5,
    samples: 20,
    ratio: basP50 / p50,
    repeats: 1,
    spread: 0,
    ratios: [basP50 / p50],
    ...extra,
  };
}

function mem(c: string, bytesPerItem: number, base: number, baseline = false): MemoryRow {
  return {
    suite: 's',
    group: 'doubles',
    case: c,
    unit: 'record',
    baseline,
    reference: false,
    n: 1000,
    bytes: bytesPerItem * 1000,
    bytesPerItem,
    ratio: base / bytesPerItem,
    runs: 1,
    spread: 0,
  };
}

const env: Environment = { node: 'v20', v8: '11', cpu: 'cpu', cores: 2, memoryGiB: 8, os: 'Linux', arch: 'x64', loadavg: 0.1, date: '2026-01-01T00:00:00.000Z' };

function suite(speedRows: SpeedRow[], memRows: MemoryRow[], headline: SuiteReport['headline']): SuiteReport {
  return { name: 's', title: 'Suite S vs plain things', notes: [], elapsedMs: 1, taskMs: 10, headline, speed: speedRows, memory: memRows };
}

describe('ratio text', () => {
  it('speed: "3.2x faster", "1.3x slower" (never a bare 0.8x), "1.0x", large and tiny ratios', () => {
    expect(speedRatioText(3.2)).toBe('3.2x faster');
    expect(speedRatioText(3.249)).toBe('3.2x faster');
    expect(speedRatioText(0.8)).toBe('1.3x slower');
    expect(speedRatioText(0.07)).toBe('14.3x slower');
    expect(speedRatioText(0.97)).toBe('1.0x');
    expect(speedRatioText(1.02)).toBe('1.0x');
    expect(speedRatioText(0.97)).toBe('1.0x');
    expect(speedRatioText(12.64)).toBe('12.6x faster');
    expect(speedRatioText(6400.4)).toBe('6,400x faster');
    expect(speedRatioText(0.046)).toBe('21.7x slower');
    expect(speedRatioText(NaN)).toBe('?');
  });
  it('memory: "4.4x smaller", "1.3x larger", "1.0x"', () => {
    expect(memoryRatioText(106.44 / 24)).toBe('4.4x smaller');
    expect(memoryRatioText(1 / 1.3)).toBe('1.3x larger');
    expect(memoryRatioText(1.01)).toBe('1.0x');
    expect(memoryRatioText(0)).toBe('?');
  });
  it('times and bytes keep three significant digits with a unit', () => {
    expect(fmtTime(0.000812)).toBe('812 ns');
    expect(fmtTime(0.0123)).toBe('12.3 µs');
    expect(fmtTime(4.561)).toBe('4.56 ms');
    expect(fmtTime(1200)).toBe('1.20 s');
    expect(fmtBytes(24)).toBe('24.00');
    expect(fmtBytes(1234.4)).toBe('1,234');
  });
});

describe('tables', () => {
  const rows = [speed('base', 10, 10), speed('vec.sum()', 2.5, 10), speed('raw loop', 2, 10, { reference: true, rme: 14 })];
  it('speed table: case on its first row, ratios, reference marked, noisy ± flagged', () => {
    const t = speedTable(rows);
    expect(t.head).toEqual(['case', 'task', 'ops/s', 'median', '± %', 'vs baseline']);
    expect(t.rows).toEqual([
      ['sum', 'base', '100', '10.0 ms', '1.5', 'baseline'],
      ['', 'vec.sum()', '400', '2.50 ms', '1.5', '4.0x faster'],
      ['', 'raw loop (reference)', '500', '2.00 ms', '14.0 !', '5.0x faster'],
    ]);
  });
  it('--mixed: the fresh ratio beside the mixed one', () => {
    const t = speedTable([speed('base', 10, 10, { freshRatio: 1 }), speed('vec.push', 2.5, 10, { freshRatio: 0.25 }), speed('new', 5, 10)]);
    expect(t.head).toEqual(['case', 'task', 'ops/s', 'median', '± %', 'fresh vs baseline', 'mixed vs baseline']);
    expect(t.rows.map((r) => r.slice(5))).toEqual([
      ['baseline', 'baseline'],
      ['4.0x slower', '4.0x faster'],
      ['', '2.0x faster'],
    ]);
  });
  it('a spread column appears with repeats', () => {
    const t = speedTable([speed('base', 10, 10, { repeats: 3, spread: 30 })]);
    expect(t.head.at(-1)).toBe('spread %');
    expect(t.rows[0]!.at(-1)).toBe('30 !');
  });
  it('text rendering aligns columns, numbers to the right', () => {
    const text = renderText({
      head: ['a', 'n'],
      right: [1],
      rows: [
        ['x', '1'],
        ['long', '100'],
      ],
    });
    expect(text).toBe('a       n\n----  ---\nx       1\nlong  100');
  });
  it('markdown rendering escapes pipes and right-aligns numbers', () => {
    const md = renderMarkdown({ head: ['a', 'n'], right: [1], rows: [['x|y', '1']] });
    expect(md).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |');
  });
  it('memory table', () => {
    const t = memoryTable([mem('objects', 106.44, 106.44, true), mem('store', 24, 106.44)]);
    expect(t.rows).toEqual([
      ['doubles (per record)', 'objects', '106.44', '0.11', 'baseline'],
      ['', 'store', '24.00', '0.02', '4.4x smaller'],
    ]);
  });
});

describe('summary', () => {
  const rows = [speed('base', 10, 10), speed('raw loop', 1, 10, { reference: true }), speed('vec.sum()', 2, 10), speed('other', 5, 10)];
  const memRows = [mem('objects', 106.44, 106.44, true), mem('store', 24, 106.44), mem('store (growing)', 40, 106.44)];
  it('picks the first non-reference task and the first non-baseline memory case by default', () => {
    const s = summarize(suite(rows, memRows, { speed: 'sum', memory: 'doubles' }));
    expect(s).toMatchObject({
      speedCase: 'sum',
      task: 'vec.sum()',
      baselineTask: 'base',
      speedRatio: 5,
      memoryCase: 'store',
      memoryBaseline: 'objects',
      bytesPerItem: 24,
      baselineBytesPerItem: 106.44,
    });
    expect(s.memoryRatio).toBeCloseTo(4.435, 3);
    expect(summaryTable([s]).rows[0]).toEqual(['Suite S', 'sum › vec.sum()', '5.0x faster', 'doubles (per record)', '106.44 → 24.00', '4.4x smaller']);
    expect(summaryTextTable([s]).rows).toEqual([
      ['Suite S', 'speed: sum › vec.sum()', '5.0x faster'],
      ['', 'memory: doubles (per record), 106.44 → 24.00 bytes', '4.4x smaller'],
    ]);
  });
  it('honours headline.task and headline.memoryCase', () => {
    const s = summarize(suite(rows, memRows, { speed: 'sum', task: 'other', memory: 'doubles', memoryCase: 'store (growing)' }));
    expect(s).toMatchObject({ task: 'other', speedRatio: 2, memoryCase: 'store (growing)', bytesPerItem: 40 });
  });
  it('reports null (printed "-") for what was not measured', () => {
    const s = summarize(suite(rows, [], { speed: 'no such case', memory: 'doubles' }));
    expect(s).toMatchObject({ speedCase: null, task: null, baselineTask: null, speedRatio: null, memoryGroup: null, memoryBaseline: null, bytesPerItem: null, memoryRatio: null });
    expect(summaryTable([s]).rows[0]).toEqual(['Suite S', '-', '-', '-', '-', '-']);
    expect(summaryTextTable([s]).rows).toEqual([
      ['Suite S', 'speed: -', '-'],
      ['', 'memory: -', '-'],
    ]);
  });
});

describe('fitting the terminal', () => {
  it('wrapText breaks at spaces, indents continuation lines, cuts a word longer than a line', () => {
    expect(wrapText('short', 10)).toEqual(['short']);
    expect(wrapText('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('    keeps its lead and wraps', 16, '    ')).toEqual(['    keeps its', '    lead and', '    wraps']);
  });

  const long = (i: number): SpeedRow =>
    speed(i === 0 ? 'base' : `a task with a very long name number ${i} that names its method and its inputs in full`, [10, 5, 20, 7][i]!, 10, {
      case: 'a case whose name is long enough to need wrapping',
      baseline: i === 0,
      rme: i === 2 ? 14 : 1,
    });
  const rows = [0, 1, 2, 3].map(long);

  it('a wide table fits the width: names wrap, every figure and ratio stays whole on its row', () => {
    const wide = renderText(speedTable(rows));
    expect(Math.max(...wide.split('\n').map((l) => l.length))).toBeGreaterThan(100);
    for (const width of [100, 80, 60]) {
      const text = renderText(speedTable(rows), width);
      const lines = text.split('\n');
      expect(Math.max(...lines.map((l) => l.length)), `width ${width}`).toBeLessThanOrEqual(width);
      for (const r of rows) {
        // The ratio and the figures print on the row's first line, whole.
        const ratio = r.baseline ? 'baseline' : speedRatioText(r.ratio);
        expect(
          lines.some((l) => l.includes(fmtTime(r.p50)) && l.endsWith(ratio)),
          `${width}: ${ratio}`,
        ).toBe(true);
      }
      expect(text).toContain('14.0 !');
      // Nothing is lost: the words of every name are all there.
      for (const w of 'a task with a very long name number 3 that names its method and its inputs in full'.split(' ')) expect(text).toContain(w);
    }
  });

  it('a table that fits is rendered exactly as without a width', () => {
    const t = {
      head: ['a', 'n'],
      right: [1],
      wrap: [0],
      rows: [
        ['x', '1'],
        ['long', '100'],
      ],
    };
    expect(renderText(t, 100)).toBe(renderText(t));
  });

  it('the summary for the terminal fits 100 columns with long capability and case names', () => {
    const s = summarize(
      suite(rows, [mem('objects', 106.44, 106.44, true), mem('store', 24, 106.44)], { speed: 'a case whose name is long enough to need wrapping', memory: 'doubles' }),
    );
    const text = renderText(summaryTextTable([s, s]), 100);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(text).toContain('4.4x smaller');
    expect(text).toContain(speedRatioText(s.speedRatio!));
  });

  it('the legend explains every mark in short lines', () => {
    const lines = legendLines();
    expect(lines.length).toBeLessThanOrEqual(5);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    const text = lines.join('\n');
    for (const mark of ['vs baseline', '!', '(reference)', '(limit)']) expect(text).toContain(mark);
    expect(legendMarkdown()).toContain('- `(reference)`');
  });
});

describe('noise', () => {
  it('a quiet run has no notes', () => {
    expect(assessNoise([suite([speed('base', 10, 10)], [], { speed: 'sum' })], env, 1)).toEqual({ noisy: false, notes: [] });
  });
  it('high rme, wide spread, memory spread and a high load average are each reported', () => {
    const s = suite([speed('base', 10, 10, { rme: 25 }), speed('x', 5, 10, { spread: 60, repeats: 3 })], [{ ...mem('store', 24, 24), spread: 9 }], { speed: 'sum' });
    const n = assessNoise([s], { ...env, loadavg: 3 }, 3);
    expect(n.noisy).toBe(true);
    expect(n.notes[0]).toBe('1 of 2 timed tasks have a margin of error above ±10% (worst: s / sum / base ±25.0%).');
    expect(n.notes[1]).toBe('1 of 2 tasks varied by more than 25% between the 3 rounds (worst: s / sum / x 60%).');
    expect(n.notes[2]).toContain('1 memory cases varied');
    expect(n.notes[3]).toContain('load average was 3 on 2 cores');
    expect(n.notes[4]).toContain('±40%');
  });
});

describe('statistics', () => {
  it('median and spread', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([10])).toBe(0);
    expect(spread([9, 10, 11])).toBeCloseTo(20, 9);
  });
});

describe('noise note on the load', () => {
  const env = { node: 'v20', v8: '11', cpu: 'cpu', cores: 2, memoryGiB: 8, os: 'Linux', arch: 'x64', loadavg: 4, date: '2026-01-01' };
  it('blames other processes only when the start-up probe did not get the core', () => {
    const competed = assessNoise([], { ...env, cpuShare: 0.5 }, 3);
    expect(competed.noisy).toBe(true);
    expect(competed.notes[0]).toMatch(/Other processes were competing .* got 50% of a core \(load average 4 on 2 cores\)/);
  });
  it('a high load average with the core to itself is not competition (and alone is not noise)', () => {
    expect(assessNoise([], { ...env, cpuShare: 0.97 }, 3)).toEqual({ noisy: false, notes: [] });
  });
});

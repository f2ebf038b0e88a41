/** Progress display: a redrawn bar on a terminal, plain lines otherwise, nothing with `none`. */
import { describe, expect, it } from 'vitest';
import { bar, createProgress } from '../../bench/_progress.js';

function sink(isTTY: boolean, columns = 100) {
  const out: string[] = [];
  return { out, stream: { isTTY, columns, write: (s: string) => out.push(s) } };
}

describe('progress', () => {
  it('bar() fills in proportion', () => {
    expect(bar(0, 4, 8)).toBe('[--------]');
    expect(bar(1, 4, 8)).toBe('[##------]');
    expect(bar(4, 4, 8)).toBe('[########]');
    expect(bar(3, 0, 4)).toBe('[----]');
  });

  it('plain mode (not a TTY): one line per step with elapsed time, suite and step counter', () => {
    const { out, stream } = sink(false);
    const p = createProgress('auto', stream, Date.now());
    p.prepare(2, 6, 'vector');
    p.suite(2, 6, 'vector', 3);
    p.step('push › Vector.push');
    p.done();
    p.step('sum › Vector.sum()');
    p.message('note');
    p.end();
    expect(out).toEqual([
      expect.stringMatching(/^\[\d+\.\ds\] \[2\/6\] vector: building the data\n$/),
      expect.stringMatching(/^\[\d+\.\ds\] \[2\/6\] vector: 3 steps\n$/),
      expect.stringMatching(/^\[\d+\.\ds\] \[2\/6\] vector 1\/3: push › Vector\.push\n$/),
      expect.stringMatching(/^\[\d+\.\ds\] \[2\/6\] vector 2\/3: sum › Vector\.sum\(\)\n$/),
      expect.stringMatching(/^\[\d+\.\ds\] note\n$/),
    ]);
  });

  it('plain mode numbers each counted step once as it starts (overlapping memory children too) and ends at N/N', () => {
    const { out, stream } = sink(false);
    const p = createProgress('plain', stream, Date.now());
    p.suite(1, 1, 'vector', 3);
    p.step('checking every task against its baseline', false);
    p.step('push › Vector.push');
    p.done();
    p.step('memory: build › a'); // two children at once: both start before either is done
    p.step('memory: build › b');
    p.done();
    p.done();
    const counters = out.map((l) => /vector (\d+\/\d+):/.exec(l)?.[1]).filter((c) => c !== undefined);
    expect(counters).toEqual(['1/3', '2/3', '3/3']);
    expect(out[1]).toMatch(/\] \[1\/1\] vector: checking every task against its baseline\n$/);
  });

  it('bar mode (a TTY): redraws one line in place, truncated to the terminal width, and clears it', () => {
    const { out, stream } = sink(true, 50);
    const p = createProgress('auto', stream, Date.now());
    p.suite(1, 1, 'pipeline', 2);
    p.step('a very long case name › and an even longer task name that cannot fit');
    p.done();
    p.end();
    for (const s of out.slice(0, -1)) {
      expect(s.startsWith('\r\x1b[K')).toBe(true);
      expect(s.length - 4).toBeLessThanOrEqual(49);
    }
    expect(out.at(-2)).toContain('[1/1] pipeline [##########----------] 1/2');
    expect(out.at(-1)).toBe('\r\x1b[K');
  });

  it('none writes nothing', () => {
    const { out, stream } = sink(true);
    const p = createProgress('none', stream);
    p.suite(1, 1, 'x', 1);
    p.step('y');
    p.message('z');
    p.end();
    expect(out).toEqual([]);
  });
});

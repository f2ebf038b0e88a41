/** The runner without child processes: checks before timing, rounds, medians, slow tasks, the job pool. */
import { describe, expect, it } from 'vitest';
import type { SpeedCase } from '../../bench/_harness.js';
import { createProgress } from '../../bench/_progress.js';
import { checkCases, countTasks, pool, timeCases } from '../../bench/_run.js';

const quiet = createProgress('none', { write: () => true });

function busy(ms: number): number {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) n++;
  return n > 0 ? 1 : 0;
}

const cases: SpeedCase[] = [
  {
    name: 'sum',
    baseline: { name: 'loop', fn: () => [1, 2, 3].reduce((a, b) => a + b, 0) },
    tasks: [{ name: 'constant', fn: () => 6 }],
  },
];

describe('checkCases', () => {
  it('returns one duration per task, baseline first', async () => {
    const t = await checkCases('s', cases);
    expect(t).toHaveLength(1);
    expect(t[0]).toHaveLength(2);
    for (const ms of t[0]!) expect(ms).toBeGreaterThanOrEqual(0);
  });
  it('throws on the first task that disagrees, naming it', async () => {
    const bad: SpeedCase[] = [{ ...cases[0]!, tasks: [{ name: 'off by one', fn: () => 7 }] }];
    await expect(checkCases('s', bad)).rejects.toThrow('benchmark task "s / sum / off by one" disagrees with its baseline: 7 !== 6');
  });
  it('uses the case check when given', async () => {
    const loose: SpeedCase[] = [{ ...cases[0]!, tasks: [{ name: 'close', fn: () => 6.1 }], check: () => undefined }];
    await expect(checkCases('s', loose)).resolves.toBeDefined();
  });
  it('awaits a task that returns a promise and checks its value', async () => {
    const asyncCase: SpeedCase[] = [
      {
        ...cases[0]!,
        tasks: [
          { name: 'async', fn: async () => 6 },
          { name: 'async off', fn: async () => 5 },
        ],
      },
    ];
    await expect(checkCases('s', asyncCase)).rejects.toThrow('"s / sum / async off" disagrees with its baseline: 5 !== 6');
  });
});

describe('timeCases', () => {
  it('times every task in every round; ratio and spread come from the per-round medians', async () => {
    const rows = await timeCases('s', cases, { taskMs: 2, repeat: 3, progress: quiet });
    expect(rows.map((r) => [r.task, r.baseline, r.repeats, r.ratios.length])).toEqual([
      ['loop', true, 3, 3],
      ['constant', false, 3, 3],
    ]);
    expect(rows[0]!.ratio).toBe(1);
    expect(rows[1]!.ratio).toBeCloseTo(rows[0]!.p50 / rows[1]!.p50, 9);
    expect(rows[1]!.samples).toBeGreaterThanOrEqual(15);
    expect(countTasks(cases)).toBe(2);
  });
  it('a task slower than the window gets 3 timed iterations, not 5', async () => {
    const slow: SpeedCase[] = [{ name: 'slow', baseline: { name: 'base', fn: () => busy(12) }, tasks: [] }];
    const [row] = await timeCases('s', slow, { taskMs: 5, repeat: 1, progress: quiet }, [[12]]);
    expect(row!.samples).toBe(3);
    expect(row!.p50).toBeGreaterThanOrEqual(11);
  });
  it('reports a task that throws while timed', async () => {
    let calls = 0;
    const flaky: SpeedCase[] = [
      {
        name: 'c',
        baseline: {
          name: 'b',
          fn: () => {
            if (++calls > 1) throw new Error('boom');
            return 1;
          },
        },
        tasks: [],
      },
    ];
    await expect(timeCases('s', flaky, { taskMs: 2, repeat: 1, progress: quiet })).rejects.toThrow('benchmark task s / c / b did not complete');
  });
});

describe('pool', () => {
  it('runs at most `limit` jobs at once and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const jobs = [30, 5, 20, 1, 10].map((ms, i) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i;
    });
    expect(await pool(jobs, 2)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
  it('rejects with the first failure', async () => {
    await expect(
      pool(
        [
          async () => 1,
          async () => {
            throw new Error('no');
          },
        ],
        2,
      ),
    ).rejects.toThrow('no');
  });
});

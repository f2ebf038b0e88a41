/**
 * Tiny fake suites for the CLI tests, loaded through `COMPACTLY_BENCH_SUITES`. `fast` is deterministic:
 * its "compactly" task does less work than its baseline; `wrong` has a task that disagrees with its
 * baseline (the run must fail before timing it).
 */
import type { Suite } from '../../bench/_harness.js';

function sumArray(a: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

function sumTyped(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

const fast: Suite = {
  name: 'fast',
  title: 'Fake fast suite',
  speed: async (ctx) => {
    const plain = Array.from({ length: ctx.rows }, (_, i) => i % 7);
    const typed = Float64Array.from(plain);
    ctx.note('a note from the fake suite');
    // An optional comparison that is not installed is skipped with a note; an installed one loads.
    if ((await ctx.optional('compactly-no-such-package')) === undefined) ctx.note('compactly-no-such-package not installed: skipped');
    const arrow = await ctx.optional<{ makeVector?: unknown }>('apache-arrow');
    if (arrow?.makeVector === undefined) throw new Error('apache-arrow (a dev dependency) should load');
    return [
      {
        name: 'sum',
        baseline: { name: 'number[] loop', fn: () => sumArray(plain) },
        tasks: [
          { name: 'raw Float64Array loop', fn: () => sumTyped(typed), reference: true },
          { name: 'fake.sum()', fn: () => sumTyped(typed) },
        ],
      },
    ];
  },
  memory: () => [
    {
      name: 'small ints',
      unit: 'element',
      baseline: { name: 'number[]', build: (n) => Array.from({ length: n }, (_, i) => i * 0.5) },
      cases: [{ name: 'Float32Array', build: (n) => new Float32Array(n) }],
    },
  ],
  headline: { speed: 'sum', memory: 'small ints' },
};

const wrong: Suite = {
  name: 'wrong',
  title: 'Fake suite with a wrong task',
  speed: () => [
    {
      name: 'answer',
      baseline: { name: 'plain', fn: () => [1, 2, 3] },
      tasks: [{ name: 'broken', fn: () => [1, 2, 4] }],
    },
  ],
  headline: { speed: 'answer' },
};

const badMemory: Suite = {
  name: 'bad-memory',
  title: 'Fake suite whose memory case throws',
  speed: () => [{ name: 'one', baseline: { name: 'plain', fn: () => 1 }, tasks: [{ name: 'same', fn: () => 1 }] }],
  memory: () => [
    {
      name: 'things',
      unit: 'thing',
      baseline: { name: 'array', build: (n) => new Array<number>(n).fill(0) },
      cases: [
        {
          name: 'explodes',
          build: () => {
            throw new Error('cannot build this');
          },
        },
      ],
    },
  ],
  headline: { speed: 'one', memory: 'things' },
};

export const SUITES = {
  fast: async () => fast,
  wrong: async () => wrong,
  'bad-memory': async () => badMemory,
};

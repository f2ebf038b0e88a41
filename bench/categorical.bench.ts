/**
 * Categorical vs string[]: building a column from N strings drawn from 4 and from 1000 categories
 * (interned literals, and fresh strings split out of a CSV-like text), valueCounts vs a Map over the
 * strings, an eq(v) mask vs a string compare loop, apache-arrow's dictionary builder as a second
 * comparison, and bytes per row.
 */
import { Categorical, categorical } from '../src/index.js';
import { assertSameResult, type MemoryGroup, type SpeedCase, type SpeedTask, type Suite, type SuiteContext } from './_harness.js';
import { categoryNames, pickStrings, runtimeStrings } from './_data.js';

/** The parts of apache-arrow used here. */
interface ArrowModule {
  makeBuilder(opts: { type: unknown; nullValues?: unknown[] }): { append(v: unknown): unknown; finish(): { toVector(): ArrowVector } };
  Dictionary: new (values: unknown, indices: unknown) => unknown;
  Utf8: new () => unknown;
  Int8: new () => unknown;
  Int16: new () => unknown;
}
interface ArrowVector {
  readonly length: number;
  get(i: number): unknown;
}

/** Reads any built column back as a plain array, to check it against the baseline's `string[]`. */
function values(x: unknown): unknown[] {
  if (x instanceof Categorical) return x.toArray();
  if (Array.isArray(x)) return x;
  const v = x as ArrowVector;
  return Array.from({ length: v.length }, (_, i) => v.get(i));
}

function sameColumn(got: unknown, expected: unknown, task: string): void {
  assertSameResult(values(got), values(expected), task);
}

function buildCase(ctx: SuiteContext, arrow: ArrowModule | undefined, k: number, source: 'runtime' | 'interned'): SpeedCase {
  const n = ctx.rows;
  const names = categoryNames(k);
  const strings = source === 'runtime' ? runtimeStrings(n, names, 21) : pickStrings(n, names, 21);
  const tasks: SpeedTask[] = [
    { name: 'categorical(strings)', fn: () => categorical(strings) },
    {
      name: 'Categorical push loop',
      fn: () => {
        const c = categorical<string>();
        for (let i = 0; i < n; i++) c.push(strings[i]!);
        return c;
      },
    },
  ];
  if (arrow) {
    const { makeBuilder, Dictionary, Utf8, Int8, Int16 } = arrow;
    tasks.push({
      name: `apache-arrow Dictionary<Utf8, ${k <= 128 ? 'Int8' : 'Int16'}> builder`,
      fn: () => {
        const b = makeBuilder({ type: new Dictionary(new Utf8(), k <= 128 ? new Int8() : new Int16()), nullValues: [null, undefined] });
        for (let i = 0; i < n; i++) b.append(strings[i]);
        return b.finish().toVector();
      },
    });
  }
  return {
    name: `build from ${source === 'runtime' ? 'runtime strings' : 'interned literals'} (${k} categories)`,
    baseline: {
      name: 'keep the strings: push into string[]',
      fn: () => {
        const a: string[] = [];
        for (let i = 0; i < n; i++) a.push(strings[i]!);
        return a;
      },
    },
    tasks,
    check: sameColumn,
  };
}

function countCase(ctx: SuiteContext, k: number): SpeedCase {
  const n = ctx.rows;
  const names = categoryNames(k);
  const strings = runtimeStrings(n, names, 22);
  const c = categorical(strings, { categories: names });
  return {
    name: `valueCounts (${k} categories)`,
    baseline: {
      name: 'Map counts over the strings',
      fn: () => {
        const m = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          const s = strings[i]!;
          m.set(s, (m.get(s) ?? 0) + 1);
        }
        return m;
      },
    },
    tasks: [{ name: 'Categorical.valueCounts() (bincount over codes)', fn: () => c.valueCounts() }],
    check: (got, expected, task) => {
      // valueCounts keeps zero counts (pandas); the Map over strings only has the values that occur.
      const nonzero = new Map([...(got as Map<string, number>)].filter(([, count]) => count > 0));
      assertSameResult(nonzero, expected, task);
    },
  };
}

function eqCase(ctx: SuiteContext, k: number): SpeedCase {
  const n = ctx.rows;
  const names = categoryNames(k);
  const strings = runtimeStrings(n, names, 23);
  const c = categorical(strings, { categories: names });
  const target = names[k >> 1]!;
  return {
    name: `eq(v) mask (${k} categories)`,
    baseline: {
      name: 'string compare loop into a Uint8Array',
      fn: () => {
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = strings[i] === target ? 1 : 0;
        return out;
      },
    },
    tasks: [{ name: 'Categorical.eq(v)', fn: () => c.eq(target) }],
  };
}

async function speed(ctx: SuiteContext): Promise<SpeedCase[]> {
  const arrow = await ctx.optional<ArrowModule>('apache-arrow');
  if (!arrow) ctx.note('apache-arrow not installed: its dictionary builder was skipped');
  return [
    buildCase(ctx, arrow, 4, 'runtime'),
    buildCase(ctx, arrow, 1000, 'runtime'),
    buildCase(ctx, arrow, 4, 'interned'),
    buildCase(ctx, arrow, 1000, 'interned'),
    countCase(ctx, 4),
    countCase(ctx, 1000),
    eqCase(ctx, 4),
    eqCase(ctx, 1000),
  ];
}

function memoryGroup(k: number): MemoryGroup {
  const names = categoryNames(k);
  return {
    name: `${k} categories`,
    unit: 'row',
    baseline: { name: 'string[] of runtime-built strings (split)', build: (n) => runtimeStrings(n, names, 24) },
    cases: [
      { name: 'categorical(runtime strings)', build: (n) => categorical(runtimeStrings(n, names, 24)) },
      {
        name: 'Categorical push loop (capacity slack kept)',
        build: (n) => {
          const strings = runtimeStrings(n, names, 24);
          const c = categorical<string>();
          for (let i = 0; i < n; i++) c.push(strings[i]!);
          return c;
        },
      },
      {
        name: 'Categorical push loop + shrinkToFit()',
        build: (n) => {
          const strings = runtimeStrings(n, names, 24);
          const c = categorical<string>();
          for (let i = 0; i < n; i++) c.push(strings[i]!);
          c.shrinkToFit();
          return c;
        },
      },
      { name: 'string[] of interned literals (no compactly)', reference: true, build: (n) => pickStrings(n, names, 24) },
    ],
  };
}

/** The Categorical suite. */
export const suite: Suite = {
  name: 'categorical',
  title: 'Categorical vs string[]',
  speed,
  memory: () => [memoryGroup(4), memoryGroup(1000)],
  headline: { speed: 'build from runtime strings (4 categories)', memory: '4 categories' },
};

/**
 * Vector vs number[] (all cases on 1 double per row; memory groups for int8, int32, float64): appending one by one (checked), bulk extend, an index loop through get(i), sum(),
 * and bytes per element after shrinkToFit(). A raw Float64Array loop is the physical limit.
 */
import { vector } from '../src/index.js';
import type { MemoryGroup, SpeedCase, Suite, SuiteContext } from './_harness.js';
import { floats, ints } from './_data.js';

function speed(ctx: SuiteContext): SpeedCase[] {
  const n = ctx.rows;
  const data = floats(n, 11);
  const f64 = Float64Array.from(data);
  const built = vector('float64', f64);
  const filled = built.array; // the vector's own elements, for the raw-loop limit

  return [
    {
      name: 'push',
      baseline: {
        name: 'number[].push',
        fn: () => {
          const a: number[] = [];
          for (let i = 0; i < n; i++) a.push(data[i]!);
          return a;
        },
      },
      tasks: [
        {
          name: 'Vector.push (checked)',
          fn: () => {
            const v = vector('float64');
            for (let i = 0; i < n; i++) v.push(data[i]!);
            return v.array;
          },
        },
        {
          name: 'reserve(n) + Vector.push',
          fn: () => {
            const v = vector('float64').reserve(n);
            for (let i = 0; i < n; i++) v.push(data[i]!);
            return v.array;
          },
        },
      ],
    },
    {
      name: 'extend',
      baseline: {
        name: 'number[] push loop',
        fn: () => {
          const a: number[] = [];
          for (let i = 0; i < n; i++) a.push(data[i]!);
          return a;
        },
      },
      tasks: [
        { name: 'Vector.extend(Float64Array)', fn: () => vector('float64').extend(f64).array },
        { name: 'Vector.extend(number[]) (checked)', fn: () => vector('float64').extend(data).array },
      ],
    },
    {
      name: 'get loop',
      baseline: {
        name: 'number[] a[i] loop',
        fn: () => {
          let s = 0;
          for (let i = 0; i < data.length; i++) s += data[i]!;
          return s;
        },
      },
      tasks: [
        {
          name: 'Vector.get(i) loop',
          fn: () => {
            let s = 0;
            for (let i = 0; i < built.length; i++) s += built.get(i);
            return s;
          },
        },
        {
          name: 'raw Float64Array a[i] loop (limit)',
          reference: true,
          fn: () => {
            let s = 0;
            for (let i = 0; i < filled.length; i++) s += filled[i]!;
            return s;
          },
        },
      ],
    },
    {
      name: 'sum',
      baseline: {
        name: 'number[] loop',
        fn: () => {
          let s = 0;
          for (let i = 0; i < data.length; i++) s += data[i]!;
          return s;
        },
      },
      tasks: [
        { name: 'Vector.sum()', fn: () => built.sum() },
        {
          name: 'raw Float64Array hand loop (limit)',
          reference: true,
          fn: () => {
            const a = f64;
            let s = 0;
            for (let i = 0; i < a.length; i++) s += a[i]!;
            return s;
          },
        },
      ],
    },
  ];
}

const LIMIT = { int8: Int8Array, int32: Int32Array, float64: Float64Array } as const;

/**
 * Bytes per element. Each figure includes the one-time bytecode and optimised code of its build loop
 * (measured at about 20–30 KB, i.e. +0.02–0.03 B/element at 1e6 rows); the raw TypedArray case shows the
 * floor of the measurement itself.
 */
function memory(): MemoryGroup[] {
  const group = (dtype: 'int8' | 'int32' | 'float64', gen: (n: number) => number[]): MemoryGroup => ({
    name: dtype,
    unit: 'element',
    baseline: {
      name: 'number[] (push)',
      build: (n) => {
        const src = gen(n);
        const a: number[] = [];
        for (let i = 0; i < n; i++) a.push(src[i]!);
        return a;
      },
    },
    cases: [
      {
        name: `Vector<'${dtype}'> after shrinkToFit()`,
        build: (n) => {
          const src = gen(n);
          const v = vector(dtype);
          for (let i = 0; i < n; i++) v.push(src[i]!);
          return v.shrinkToFit();
        },
      },
      {
        name: `${dtype} TypedArray.from (physical limit)`,
        reference: true,
        build: (n) => LIMIT[dtype].from(gen(n)),
      },
      {
        name: `Vector<'${dtype}'> while growing (push)`,
        build: (n) => {
          const src = gen(n);
          const v = vector(dtype);
          for (let i = 0; i < n; i++) v.push(src[i]!);
          return v;
        },
      },
    ],
  });
  const groups = [group('int8', (n) => ints(n, -128, 127, 21)), group('int32', (n) => ints(n, -(2 ** 31), 2 ** 31 - 1, 22)), group('float64', (n) => floats(n, 23))];
  return groups;
}

/** The vector suite: Vector against number[] (and a raw Float64Array as the physical limit). */
export const suite: Suite = {
  name: 'vector',
  title: 'Vector vs number[]',
  speed,
  memory,
  headline: { speed: 'push', task: 'Vector.push (checked)', memory: 'float64', memoryCase: "Vector<'float64'> after shrinkToFit()" },
};

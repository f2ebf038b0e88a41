/**
 * MemoryView vs copying slices: taking 100K elements out of N (Array.prototype.slice copies, subarray and
 * MemoryView.slice alias), slice + sum, get(i) loops on contiguous and strided views against raw TypedArray
 * indexing, and reading a byte buffer as float64 (cast) against copying it out with a DataView.
 */
import { memoryview } from '../src/index.js';
import type { MemoryView } from '../src/index.js';
import type { MemoryGroup, SpeedCase, Suite, SuiteContext } from './_harness.js';
import { assertSameResult } from './_harness.js';
import { floats } from './_data.js';

/** Compares slice results of any kind (array, TypedArray, MemoryView) by their items. */
function sameItems(got: unknown, expected: unknown, task: string): void {
  const items = (x: unknown): unknown => (isView(x) ? x.toList() : x);
  assertSameResult(items(got), items(expected), task);
}

function isView(x: unknown): x is MemoryView<'d'> {
  return typeof x === 'object' && x !== null && typeof (x as { toList?: unknown }).toList === 'function' && 'strides' in x;
}

const LITTLE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function speed(ctx: SuiteContext): SpeedCase[] {
  const n = ctx.rows;
  const k = Math.min(100_000, Math.floor(n / 2)); // slice length
  const from = Math.floor((n - k) / 2);
  const data = floats(n, 41);
  const f64 = Float64Array.from(data);
  const whole = memoryview(f64);
  // get loops: a contiguous view of n items, and a step-2 view of n items over 2n.
  const wide = new Float64Array(2 * n);
  for (let i = 0; i < wide.length; i++) wide[i] = data[i % n]! + (i & 1);
  const contiguous = memoryview(f64);
  const strided = memoryview(wide).slice(null, null, 2);
  // cast: n doubles stored as bytes at an aligned and at an odd offset.
  const bytes = new Uint8Array(f64.buffer.slice(0));
  const odd = new Uint8Array(8 * n + 1);
  odd.set(bytes, 1);
  const oddBytes = odd.subarray(1);

  return [
    {
      name: 'slice 100K out of N',
      check: sameItems,
      baseline: { name: 'Array.prototype.slice (copy)', fn: () => data.slice(from, from + k) },
      tasks: [
        { name: 'MemoryView.slice (view)', fn: () => whole.slice(from, from + k) },
        { name: 'Float64Array.subarray (view, step 1 only)', fn: () => f64.subarray(from, from + k), reference: true },
        { name: 'Float64Array.slice (copy)', fn: () => f64.slice(from, from + k), reference: true },
      ],
    },
    {
      name: 'slice 100K out of N, then sum it',
      baseline: {
        name: 'Array.prototype.slice + loop',
        fn: () => {
          const a = data.slice(from, from + k);
          let s = 0;
          for (let i = 0; i < a.length; i++) s += a[i]!;
          return s;
        },
      },
      tasks: [
        {
          name: 'MemoryView.slice + get(i) loop',
          fn: () => {
            const v = whole.slice(from, from + k);
            let s = 0;
            const m = v.length;
            for (let i = 0; i < m; i++) s += v.get(i);
            return s;
          },
        },
        {
          name: 'MemoryView.slice + .array loop',
          fn: () => {
            const a = whole.slice(from, from + k).array;
            let s = 0;
            for (let i = 0; i < a.length; i++) s += a[i]!;
            return s;
          },
        },
        {
          name: 'subarray + loop',
          reference: true,
          fn: () => {
            const a = f64.subarray(from, from + k);
            let s = 0;
            for (let i = 0; i < a.length; i++) s += a[i]!;
            return s;
          },
        },
      ],
    },
    {
      name: 'get(i) loop, contiguous view',
      baseline: {
        name: 'Float64Array a[i] loop',
        fn: () => {
          let s = 0;
          for (let i = 0; i < f64.length; i++) s += f64[i]!;
          return s;
        },
      },
      tasks: [
        {
          name: 'MemoryView.get(i) loop',
          fn: () => {
            const v = contiguous;
            let s = 0;
            const m = v.length;
            for (let i = 0; i < m; i++) s += v.get(i);
            return s;
          },
        },
      ],
    },
    {
      name: 'get(i) loop, strided view (step 2)',
      baseline: {
        name: 'Float64Array a[2*i] loop',
        fn: () => {
          let s = 0;
          for (let i = 0; i < n; i++) s += wide[2 * i]!;
          return s;
        },
      },
      tasks: [
        {
          name: 'MemoryView.slice(,,2).get(i) loop',
          fn: () => {
            const v = strided;
            let s = 0;
            const m = v.length;
            for (let i = 0; i < m; i++) s += v.get(i);
            return s;
          },
        },
      ],
    },
    {
      name: 'read N doubles stored as bytes',
      baseline: {
        name: 'DataView copy into Float64Array, then sum',
        fn: () => {
          const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = dv.getFloat64(8 * i, LITTLE);
          let s = 0;
          for (let i = 0; i < n; i++) s += out[i]!;
          return s;
        },
      },
      tasks: [
        {
          name: "memoryview(bytes).cast('d') + get(i) (aligned)",
          fn: () => {
            const v = memoryview(bytes).cast('d');
            let s = 0;
            const m = v.length;
            for (let i = 0; i < m; i++) s += v.get(i);
            v.release();
            return s;
          },
        },
        {
          name: "memoryview(bytes at odd offset).cast('d') + get(i) (DataView path)",
          fn: () => {
            const v = memoryview(oddBytes).cast('d');
            let s = 0;
            const m = v.length;
            for (let i = 0; i < m; i++) s += v.get(i);
            v.release();
            return s;
          },
        },
      ],
    },
  ];
}

/**
 * Bytes per source element of keeping an N-element source plus a slice of its middle half: copies pay for
 * the slice again, views pay a constant.
 */
function memory(): MemoryGroup[] {
  const half = (n: number): [number, number] => [Math.floor(n / 4), Math.floor(n / 4) + Math.floor(n / 2)];
  return [
    {
      name: 'source + half-length slice',
      unit: 'source element',
      baseline: {
        name: 'number[] + Array.prototype.slice',
        build: (n) => {
          const src = floats(n, 43);
          const [a, b] = half(n);
          return [src, src.slice(a, b)];
        },
      },
      cases: [
        {
          name: 'Float64Array + MemoryView.slice',
          build: (n) => {
            const src = Float64Array.from(floats(n, 43));
            const [a, b] = half(n);
            return [src, memoryview(src).slice(a, b)];
          },
        },
        {
          name: 'Float64Array + MemoryView.slice(,,2) (strided)',
          build: (n) => {
            const src = Float64Array.from(floats(n, 43));
            return [src, memoryview(src).slice(null, null, 2)];
          },
        },
        {
          name: 'Float64Array + Float64Array.slice (copy)',
          reference: true,
          build: (n) => {
            const src = Float64Array.from(floats(n, 43));
            const [a, b] = half(n);
            return [src, src.slice(a, b)];
          },
        },
      ],
    },
  ];
}

export const suite: Suite = {
  name: 'memoryview',
  title: 'MemoryView vs copying slices and raw indexing',
  speed,
  memory,
  headline: {
    speed: 'slice 100K out of N',
    task: 'MemoryView.slice (view)',
    memory: 'source + half-length slice',
    memoryCase: 'Float64Array + MemoryView.slice',
  },
};

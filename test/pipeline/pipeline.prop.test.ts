/**
 * Chunk-size invariance: a random chain of stages over a random numeric source gives the same result as the
 * plain-array model (`filter`/`map`/`slice`/`reduce`) for every chunkSize.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { pipeline, type Pipeline } from '../../src/index.js';
import { vector } from '../../src/vector.js';

type Op =
  | { kind: 'filter'; t: number }
  | { kind: 'map'; a: number; b: number }
  | { kind: 'mapStr'; t: number }
  | { kind: 'take'; n: number }
  | { kind: 'drop'; n: number }
  | { kind: 'takeWhile'; t: number }
  | { kind: 'dropWhile'; t: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('filter' as const), t: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('map' as const), a: fc.integer({ min: -3, max: 3 }), b: fc.integer({ min: -20, max: 20 }) }),
  fc.record({ kind: fc.constant('mapStr' as const), t: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('take' as const), n: fc.nat(40) }),
  fc.record({ kind: fc.constant('drop' as const), n: fc.nat(40) }),
  fc.record({ kind: fc.constant('takeWhile' as const), t: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('dropWhile' as const), t: fc.integer({ min: -50, max: 50 }) }),
);

const num = (x: unknown): number => (typeof x === 'number' ? x : Number(String(x).slice(1)));
const fns = (o: Op) => ({
  filter: (x: unknown) => num(x) > (o as { t: number }).t,
  map: (x: unknown) => (typeof x === 'number' ? x * (o as { a: number }).a + (o as { b: number }).b : x),
  mapStr: (x: unknown) => (num(x) > (o as { t: number }).t ? `s${num(x)}` : num(x)),
  cmp: (x: unknown) => num(x) < (o as { t: number }).t,
});

function applyModel(xs: unknown[], ops: Op[]): unknown[] {
  let out = xs;
  for (const o of ops) {
    const f = fns(o);
    switch (o.kind) {
      case 'filter':
        out = out.filter(f.filter);
        break;
      case 'map':
        out = out.map(f.map);
        break;
      case 'mapStr':
        out = out.map(f.mapStr);
        break;
      case 'take':
        out = out.slice(0, o.n);
        break;
      case 'drop':
        out = out.slice(o.n);
        break;
      case 'takeWhile': {
        const i = out.findIndex((x) => !f.cmp(x));
        out = i < 0 ? out : out.slice(0, i);
        break;
      }
      case 'dropWhile': {
        const i = out.findIndex((x) => !f.cmp(x));
        out = i < 0 ? [] : out.slice(i);
        break;
      }
    }
  }
  return out;
}

function applyPipeline(p: Pipeline<unknown>, ops: Op[]): Pipeline<unknown> {
  for (const o of ops) {
    const f = fns(o);
    switch (o.kind) {
      case 'filter':
        p = p.filter(f.filter);
        break;
      case 'map':
        p = p.map(f.map);
        break;
      case 'mapStr':
        p = p.map(f.mapStr);
        break;
      case 'take':
        p = p.take(o.n);
        break;
      case 'drop':
        p = p.drop(o.n);
        break;
      case 'takeWhile':
        p = p.takeWhile(f.cmp);
        break;
      case 'dropWhile':
        p = p.dropWhile(f.cmp);
        break;
    }
  }
  return p;
}

const sourceKind = fc.constantFrom('float64', 'int32', 'array', 'vector', 'iterable');
function makeSource(kind: string, xs: number[]): Iterable<number> {
  switch (kind) {
    case 'float64':
      return Float64Array.from(xs);
    case 'int32':
      return Int32Array.from(xs);
    case 'vector':
      return vector('int16', xs);
    case 'iterable':
      // re-iterable, but not an array: read item by item through its iterator
      return {
        *[Symbol.iterator]() {
          yield* xs;
        },
      };
    default:
      return xs;
  }
}

const ints = fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 120 });

test.prop([ints, fc.array(op, { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), sourceKind])('toArray and count do not depend on chunkSize', (xs, ops, chunkSize, kind) => {
  const expected = applyModel(xs, ops);
  const p = applyPipeline(pipeline(makeSource(kind, xs), { chunkSize }) as Pipeline<unknown>, ops);
  expect(p.toArray()).toEqual(expected);
  expect(p.count()).toBe(expected.length);
  expect(p.first()).toEqual(expected[0]);
  expect([...p]).toEqual(expected);
});

const numericOp = op.filter((o) => o.kind !== 'mapStr');

test.prop([ints, fc.array(numericOp, { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), sourceKind])(
  'numeric sinks (sum, min, max, mean, reduce, chunks) match the array model for every chunkSize',
  (xs, ops, chunkSize, kind) => {
    const expected = applyModel(xs, ops) as number[];
    const p = applyPipeline(pipeline(makeSource(kind, xs), { chunkSize }) as Pipeline<unknown>, ops) as Pipeline<number>;
    expect(p.sum()).toBe(expected.reduce((a, b) => a + b, 0));
    expect(p.reduce((a, b) => a * 31 + b, 7)).toBe(expected.reduce((a, b) => a * 31 + b, 7));
    if (expected.length > 0) {
      expect(p.min()).toBe(expected.reduce((a, b) => (b < a ? b : a)));
      expect(p.max()).toBe(expected.reduce((a, b) => (b > a ? b : a)));
      expect(p.mean()).toBe(expected.reduce((a, b) => a + b, 0) / expected.length);
    }
    const size = (chunkSize % 7) + 1;
    const chunks = p
      .chunks(size)
      .toArray()
      .map((c) => Array.from(c as ArrayLike<number>));
    const model: number[][] = [];
    for (let i = 0; i < expected.length; i += size) model.push(expected.slice(i, i + size));
    expect(chunks).toEqual(model);
    expect(p.batch(size).toArray()).toEqual(model);
  },
);

test.prop([fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 200 }), fc.integer({ min: 1, max: 64 })])(
  'float sums are bit-identical to a left-to-right loop for any chunkSize',
  (xs, chunkSize) => {
    const f = Float64Array.from(xs);
    let s = 0;
    for (const x of f) if (x > 0) s += x * 1.5;
    expect(
      Object.is(
        pipeline(f, { chunkSize })
          .filter((x) => x > 0)
          .map((x) => x * 1.5)
          .sum(),
        s,
      ),
    ).toBe(true);
  },
);

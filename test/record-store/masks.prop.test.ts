/**
 * The word-wise paths of the mask kernels (four rows per 32-bit word, eight per step in filter) against
 * byte-by-byte models: every dtype, lengths that are not multiples of 4 or 8, masks holding bytes other than
 * 0/1, and masks that are unaligned subarrays (byte path).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maskAnd, maskNot, maskOr, RecordStore, type WhereOp } from '../../src/record-store.js';

const PARAMS = { numRuns: 200, seed: 20261203 };
const OPS: readonly WhereOp[] = ['==', '!=', '<', '<=', '>', '>='];

function cmp(op: WhereOp, x: number | bigint, v: number | bigint): boolean {
  switch (op) {
    case '==':
      return x === v;
    case '!=':
      return x !== v;
    case '<':
      return x < v;
    case '<=':
      return x <= v;
    case '>':
      return x > v;
    default:
      return x >= v;
  }
}

/** A mask of `n` arbitrary bytes, at byte offset `off` of its buffer (0: aligned). */
const maskArb = (n: number): fc.Arbitrary<Uint8Array> =>
  fc.tuple(fc.uint8Array({ minLength: n, maxLength: n, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([bytes, off]) => {
    const buf = new Uint8Array(n + off);
    buf.set(bytes, off);
    return buf.subarray(off);
  });

describe('comparison kernels', () => {
  test('every numeric dtype, every operator, any length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 41 }), fc.constantFrom(...OPS), fc.integer({ min: -4, max: 4 }), (xs, op, v) => {
        const cols = {
          i8: Int8Array.from(xs),
          i16: Int16Array.from(xs),
          i32: Int32Array.from(xs),
          u8: Uint8Array.from(xs, (x) => x + 4),
          u32: Uint32Array.from(xs, (x) => x + 4),
          f32: Float32Array.from(xs, (x) => (x === 0 ? NaN : x / 2)),
          f64: Float64Array.from(xs, (x) => (x === 0 ? NaN : x / 2)),
          i64: BigInt64Array.from(xs, (x) => BigInt(x)),
        };
        const s = RecordStore.fromColumns(cols, { i8: 'int8', i16: 'int16', i32: 'int32', u8: 'uint8', u32: 'uint32', f32: 'float32', f64: 'float64', i64: 'int64' });
        for (const [name, col] of Object.entries(cols)) {
          const vv = name === 'i64' ? BigInt(v) : name.startsWith('u') ? v + 4 : name.startsWith('f') ? v / 2 : v;
          const want = Array.from(col as ArrayLike<number | bigint>, (x) => +cmp(op, x, vv));
          expect([...s.where(name as 'i8', op, vv)], `${name} ${op} ${vv}`).toEqual(want);
          if (name.startsWith('f')) expect([...s.where(name as 'f32', 'isNull')]).toEqual(Array.from(col as ArrayLike<number>, (x) => +Number.isNaN(x)));
        }
      }),
      PARAMS,
    );
  });
});

describe('mask algebra and filter(mask)', () => {
  test('and/or/not and filter equal the byte models for unaligned masks with any non-zero bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 37 }).chain((n) => fc.tuple(maskArb(n), maskArb(n), maskArb(n))),
        ([a, b, c]) => {
          const n = a.length;
          const nz = (m: Uint8Array, i: number): boolean => m[i] !== 0;
          const model = (f: (i: number) => boolean): number[] => Array.from({ length: n }, (_, i) => +f(i));
          expect([...maskAnd(a, b)]).toEqual(model((i) => nz(a, i) && nz(b, i)));
          expect([...maskAnd(a, b, c)]).toEqual(model((i) => nz(a, i) && nz(b, i) && nz(c, i)));
          expect([...maskOr(a, b, c)]).toEqual(model((i) => nz(a, i) || nz(b, i) || nz(c, i)));
          expect([...maskNot(a)]).toEqual(model((i) => !nz(a, i)));
          const s = RecordStore.fromColumns({ i: Uint32Array.from({ length: n }, (_, i) => i) }, { i: 'uint32' });
          const kept = [...s.filter(a).column('i')];
          expect(kept).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => nz(a, i)));
        },
      ),
      PARAMS,
    );
  });
});

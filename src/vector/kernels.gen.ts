// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/vector-kernels.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * Per-dtype kernels of Vector: `sum`, `min`, `max`, `indexOf`, `count`, `copyChecked` (bulk writes).
 *
 * One function per TypedArray type on purpose, emitted from scripts/templates/vector-kernels.mjs: each function
 * object only ever sees one array type, so V8 keeps its element loads monomorphic (a shared kernel fed several
 * array kinds runs at a fraction of the speed: docs/internals/performance.md, "Monomorphic kernels"). Do not
 * fold these into a generic helper or a closure factory: closures made by one factory share their type
 * feedback. Callers pick the table once per call (`VECTOR_KERNELS[dtype]`).
 *
 * Sums run four independent accumulators (elements i, i+1, i+2, i+3 go to lanes 0..3, lanes are added
 * pairwise at the end): about 1.5x the speed of a one-accumulator loop, and the rounding error bound is no
 * worse than a sequential sum's. Integer sums up to 32 bits are exact while |sum| <= 2^53; 64-bit sums are
 * bigint and always exact. min/max keep the first of equal values and follow Python's `min`/`max`:
 * `if (x < m) m = x`, so a NaN in first place wins and a later NaN is skipped.
 * `indexOf`/`count` compare with `===` (IEEE equality: NaN never matches, -0 matches 0).
 *
 * @internal
 * @packageDocumentation
 */
import type { ArrayOf, DType, ValueOf } from '../dtype.js';

/** The kernels of one dtype. `n` is the live length; min/max need n >= 1. @internal */
export interface VectorKernels<D extends DType> {
  readonly sum: (a: ArrayOf[D], n: number) => ValueOf<D>;
  readonly min: (a: ArrayOf[D], n: number) => ValueOf<D>;
  readonly max: (a: ArrayOf[D], n: number) => ValueOf<D>;
  readonly indexOf: (a: ArrayOf[D], x: ValueOf<D>, start: number, stop: number) => number;
  readonly count: (a: ArrayOf[D], x: ValueOf<D>, start: number, stop: number) => number;
  /**
   * Copies `src[0, m)` into `dst[off, off + m)` while checking each value, stopping at the first value the
   * dtype cannot hold; returns its index, or -1 when all were copied. `undefined` for 64-bit dtypes (their
   * values need a bigint conversion: callers use `DTYPES[d].check` per element).
   */
  readonly copyChecked: ((dst: ArrayOf[D], off: number, src: ArrayLike<unknown>, m: number) => number) | undefined;
}

// --- int8 (Int8Array) -----------------------------------------------------------------------------

function sumInt8(a: Int8Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minInt8(a: Int8Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxInt8(a: Int8Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfInt8(a: Int8Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countInt8(a: Int8Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedInt8(dst: Int8Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number' || !(x >= -128 && x <= 127) || !Number.isInteger(x)) return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- uint8 (Uint8Array) ---------------------------------------------------------------------------

function sumUint8(a: Uint8Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minUint8(a: Uint8Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxUint8(a: Uint8Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfUint8(a: Uint8Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countUint8(a: Uint8Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedUint8(dst: Uint8Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number' || !(x >= 0 && x <= 255) || !Number.isInteger(x)) return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- int16 (Int16Array) ---------------------------------------------------------------------------

function sumInt16(a: Int16Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minInt16(a: Int16Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxInt16(a: Int16Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfInt16(a: Int16Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countInt16(a: Int16Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedInt16(dst: Int16Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number' || !(x >= -32768 && x <= 32767) || !Number.isInteger(x)) return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- uint16 (Uint16Array) -------------------------------------------------------------------------

function sumUint16(a: Uint16Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minUint16(a: Uint16Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxUint16(a: Uint16Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfUint16(a: Uint16Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countUint16(a: Uint16Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedUint16(dst: Uint16Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number' || !(x >= 0 && x <= 65535) || !Number.isInteger(x)) return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- int32 (Int32Array) ---------------------------------------------------------------------------

function sumInt32(a: Int32Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minInt32(a: Int32Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxInt32(a: Int32Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfInt32(a: Int32Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countInt32(a: Int32Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedInt32(dst: Int32Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number' || !(x >= -2147483648 && x <= 2147483647) || !Number.isInteger(x)) return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- uint32 (Uint32Array) -------------------------------------------------------------------------

function sumUint32(a: Uint32Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minUint32(a: Uint32Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxUint32(a: Uint32Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfUint32(a: Uint32Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countUint32(a: Uint32Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedUint32(dst: Uint32Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number' || !(x >= 0 && x <= 4294967295) || !Number.isInteger(x)) return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- int64 (BigInt64Array) ------------------------------------------------------------------------

function sumInt64(a: BigInt64Array, n: number): bigint {
  let s0 = 0n;
  let s1 = 0n;
  let s2 = 0n;
  let s3 = 0n;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minInt64(a: BigInt64Array, n: number): bigint {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxInt64(a: BigInt64Array, n: number): bigint {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfInt64(a: BigInt64Array, x: bigint, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countInt64(a: BigInt64Array, x: bigint, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

// --- uint64 (BigUint64Array) ----------------------------------------------------------------------

function sumUint64(a: BigUint64Array, n: number): bigint {
  let s0 = 0n;
  let s1 = 0n;
  let s2 = 0n;
  let s3 = 0n;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minUint64(a: BigUint64Array, n: number): bigint {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxUint64(a: BigUint64Array, n: number): bigint {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfUint64(a: BigUint64Array, x: bigint, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countUint64(a: BigUint64Array, x: bigint, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

// --- float32 (Float32Array) -----------------------------------------------------------------------

function sumFloat32(a: Float32Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minFloat32(a: Float32Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxFloat32(a: Float32Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfFloat32(a: Float32Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countFloat32(a: Float32Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedFloat32(dst: Float32Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number') return i;
    dst[off + i] = x;
  }
  return -1;
}

// --- float64 (Float64Array) -----------------------------------------------------------------------

function sumFloat64(a: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function minFloat64(a: Float64Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function maxFloat64(a: Float64Array, n: number): number {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOfFloat64(a: Float64Array, x: number, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function countFloat64(a: Float64Array, x: number, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}

function copyCheckedFloat64(dst: Float64Array, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (typeof x !== 'number') return i;
    dst[off + i] = x;
  }
  return -1;
}

/** Kernel table, one frozen record per dtype. @internal */
export const VECTOR_KERNELS: { readonly [D in DType]: VectorKernels<D> } = Object.freeze({
  int8: Object.freeze({ sum: sumInt8, min: minInt8, max: maxInt8, indexOf: indexOfInt8, count: countInt8, copyChecked: copyCheckedInt8 }),
  uint8: Object.freeze({ sum: sumUint8, min: minUint8, max: maxUint8, indexOf: indexOfUint8, count: countUint8, copyChecked: copyCheckedUint8 }),
  int16: Object.freeze({ sum: sumInt16, min: minInt16, max: maxInt16, indexOf: indexOfInt16, count: countInt16, copyChecked: copyCheckedInt16 }),
  uint16: Object.freeze({ sum: sumUint16, min: minUint16, max: maxUint16, indexOf: indexOfUint16, count: countUint16, copyChecked: copyCheckedUint16 }),
  int32: Object.freeze({ sum: sumInt32, min: minInt32, max: maxInt32, indexOf: indexOfInt32, count: countInt32, copyChecked: copyCheckedInt32 }),
  uint32: Object.freeze({ sum: sumUint32, min: minUint32, max: maxUint32, indexOf: indexOfUint32, count: countUint32, copyChecked: copyCheckedUint32 }),
  int64: Object.freeze({ sum: sumInt64, min: minInt64, max: maxInt64, indexOf: indexOfInt64, count: countInt64, copyChecked: undefined }),
  uint64: Object.freeze({ sum: sumUint64, min: minUint64, max: maxUint64, indexOf: indexOfUint64, count: countUint64, copyChecked: undefined }),
  float32: Object.freeze({ sum: sumFloat32, min: minFloat32, max: maxFloat32, indexOf: indexOfFloat32, count: countFloat32, copyChecked: copyCheckedFloat32 }),
  float64: Object.freeze({ sum: sumFloat64, min: minFloat64, max: maxFloat64, indexOf: indexOfFloat64, count: countFloat64, copyChecked: copyCheckedFloat64 }),
});

/**
 * Bulk operations of Vector on raw backing arrays: validated appends (atomic by construction: values are
 * written past the live length, or into a new buffer, and the caller commits the result) and the element
 * moves of strided slices.
 *
 * @internal
 * @packageDocumentation
 */
import { DTYPES, dtypeOfArray, widensTo, type DType, type DTypeInfo } from '../dtype.js';
import { describe, throwType } from '../errors.js';
import type { SliceRange } from '../internal/bounds.js';
import { grownCapacity, reallocate } from '../internal/growth.js';
import type { RawArray } from './raw-array.js';
import { VECTOR_KERNELS } from './kernels.gen.js';

/** The array and length an append produced; nothing is visible until the caller commits both. @internal */
export interface Appended {
  readonly array: RawArray;
  readonly length: number;
}

function info(dtype: DType): DTypeInfo {
  return DTYPES[dtype] as unknown as DTypeInfo;
}

function grow(a: RawArray, n: number, needed: number, d: DTypeInfo): RawArray {
  return reallocate(a, n, grownCapacity(a.length, needed, d.bytes), (c) => d.alloc(c) as unknown as RawArray);
}

/**
 * Validates `values` for `dtype` and writes them after `a[0, n)`: into the slack of `a` when they fit,
 * else into a grown copy. `a[0, n)` is never modified, so throwing part-way changes nothing visible.
 * Same-or-widening TypedArrays are copied with one `set()` and no per-element check.
 * @throws `TypeError` for a non-iterable, a DataView, or a bad value; {@link OverflowError} for an out-of-range one.
 * @internal
 */
export function appendValues(a: RawArray, n: number, values: unknown, dtype: DType, where: string): Appended {
  if (ArrayBuffer.isView(values)) {
    const sd = dtypeOfArray(values);
    if (sd !== undefined && widensTo(sd, dtype)) return appendTyped(a, n, values as unknown as RawArray, dtype);
    if (sd === undefined && !(values instanceof Uint8ClampedArray)) {
      throwType(`${where}: cannot read values from ${describe(values)}; use fromBytes() for raw bytes`);
    }
    return appendChecked(a, n, values as unknown as ArrayLike<unknown>, dtype, where);
  }
  if (Array.isArray(values)) return appendChecked(a, n, values, dtype, where);
  if (values == null || typeof (values as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    if (values != null && typeof values === 'object' && typeof (values as ArrayLike<unknown>).length === 'number') {
      return appendChecked(a, n, values as ArrayLike<unknown>, dtype, where);
    }
    throwType(`${where}: ${describe(values)} is not iterable`);
  }
  return appendIterable(a, n, values as Iterable<unknown>, dtype, where);
}

/**
 * Appends a TypedArray whose dtype widens to `dtype` with one `set()`. `src` may alias `a`: growth copies
 * into a new buffer and leaves the old one (and `src`) intact; within capacity, `set` handles the overlap.
 * @internal
 */
export function appendTyped(a: RawArray, n: number, src: RawArray, dtype: DType): Appended {
  const m = src.length;
  if (m === 0) return { array: a, length: n };
  const dst = n + m > a.length ? grow(a, n, n + m, info(dtype)) : a;
  dst.set(src, n);
  return { array: dst, length: n + m };
}

function appendChecked(a: RawArray, n: number, src: ArrayLike<unknown>, dtype: DType, where: string): Appended {
  const m = src.length;
  if (m === 0) return { array: a, length: n };
  const d = info(dtype);
  const total = n + m;
  const dst = total > a.length ? grow(a, n, total, d) : a;
  // The per-dtype kernel copies while every value is valid (no call per element); from the first value it
  // rejects (or from 0 for 64-bit dtypes) the generic checker takes over and throws the precise error.
  const kernel = VECTOR_KERNELS[dtype].copyChecked as ((dst: RawArray, off: number, src: ArrayLike<unknown>, m: number) => number) | undefined;
  let i = 0;
  if (kernel !== undefined) {
    const bad = kernel(dst, n, src, m);
    i = bad < 0 ? m : bad;
  }
  const check = d.check;
  for (; i < m; i++) dst[n + i] = check(src[i], where);
  return { array: dst, length: total };
}

function appendIterable(a: RawArray, n: number, values: Iterable<unknown>, dtype: DType, where: string): Appended {
  const d = info(dtype);
  const check = d.check;
  let dst = a;
  let m = n;
  for (const v of values) {
    const x = check(v, where);
    if (m === dst.length) dst = grow(dst, m, m + 1, d);
    dst[m++] = x;
  }
  return { array: dst, length: m };
}

/** Copies the elements a slice selects into `dst[0, r.length)`. @internal */
export function gatherSlice(a: RawArray, r: SliceRange, dst: RawArray): void {
  if (r.step === 1) {
    dst.set(a.subarray(r.start, r.start + r.length));
    return;
  }
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) dst[k] = a[i]!;
}

/** Writes `src[k]` to the k-th position a slice selects (`src.length === r.length`). @internal */
export function scatterSlice(a: RawArray, r: SliceRange, src: RawArray): void {
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) a[i] = src[k]!;
}

/**
 * Removes the positions a slice selects from `a[0, n)` by compacting the kept elements forwards.
 * @returns the new length.
 * @internal
 */
export function deleteSliceInPlace(a: RawArray, n: number, r: SliceRange): number {
  if (r.length === 0) return n;
  if (r.step === 1) {
    a.copyWithin(r.start, r.start + r.length, n);
    return n - r.length;
  }
  const step = r.step > 0 ? r.step : -r.step;
  const first = r.step > 0 ? r.start : r.start + r.step * (r.length - 1);
  const span = step * r.length;
  let w = first;
  for (let i = first; i < n; i++) {
    const off = i - first;
    if (off < span && off % step === 0) continue;
    a[w++] = a[i]!;
  }
  return n - r.length;
}

/** Fills `dst` with `src[0, n)` repeated up to `total` elements (copies by doubling); `dst` holds `total`. @returns `total`. @internal */
export function repeatInto(dst: RawArray, src: RawArray, n: number, total: number): number {
  if (total <= 0) return 0;
  dst.set(src.subarray(0, n));
  let filled = n;
  while (filled < total) {
    const c = filled < total - filled ? filled : total - filled;
    dst.copyWithin(filled, 0, c);
    filled += c;
  }
  return total;
}

/** A plain-array copy of `a[0, n)` (`Vector.toArray`). @internal */
export function toPlainArray(a: RawArray, n: number): (number | bigint)[] {
  const out = new Array<number | bigint>(n);
  for (let i = 0; i < n; i++) out[i] = a[i]!;
  return out;
}

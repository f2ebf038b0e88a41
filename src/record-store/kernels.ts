/**
 * Typed column kernels for the RecordStore verbs (gather, aggregates), one monomorphic copy per dtype.
 *
 * Each kernel is written once as a self-contained function (no free variables) and specialized per dtype by
 * re-compiling its source text with a unique comment (internal/codegen.ts `cloneFunction`), so V8 keeps separate type feedback for each TypedArray
 * type (a kernel fed several array types runs several times slower: docs/internals/performance.md, "Monomorphic kernels"). Where `new Function` is
 * forbidden (strict CSP) the shared generic function is used: same results, polymorphic speed.
 *
 * @internal
 * @packageDocumentation
 */
import type { DType, TypedArray } from '../dtype.js';
import { cloneFunction, onCodegenReset } from '../internal/codegen.js';

const SPECIALIZED = new Map<unknown, Map<string, unknown>>();
onCodegenReset(() => SPECIALIZED.clear());

/**
 * A copy of `fn` compiled separately for `tag` (e.g. `'gather:float64'`), cached. `fn` must not reference
 * any variable outside its own body. @internal
 */
export function specialize<F extends (...args: never[]) => unknown>(fn: F, tag: string): F {
  let byTag = SPECIALIZED.get(fn);
  if (byTag === undefined) SPECIALIZED.set(fn, (byTag = new Map()));
  let out = byTag.get(tag) as F | undefined;
  if (out === undefined) {
    out = cloneFunction(fn, `kernel ${fn.name}:${tag}`);
    byTag.set(tag, out);
  }
  return out;
}

// --- kernels (self-contained: no free variables) -------------------------------------------------

/** out[j] = src[idx[j]] for j < m. */
function gather1(src: ArrayLike<unknown>, idx: ArrayLike<number>, m: number, out: { [i: number]: unknown }): void {
  for (let j = 0; j < m; j++) out[j] = src[idx[j]!];
}

/** Copies `size`-element blocks: out[j*size .. +size] = src[idx[j]*size .. +size]. */
function gatherBlocks(src: ArrayLike<unknown>, idx: ArrayLike<number>, m: number, size: number, out: { [i: number]: unknown }): void {
  for (let j = 0; j < m; j++) {
    const s = idx[j]! * size;
    const o = j * size;
    for (let e = 0; e < size; e++) out[o + e] = src[s + e];
  }
}

/** Gathers rows `idx[0..m)` of a column with `size` elements per row into a new array of the same type. @internal */
export function gatherColumn<A extends TypedArray>(src: A, dtype: DType, size: number, idx: ArrayLike<number>, m: number, capacity = m): A {
  const out = new (src.constructor as new (n: number) => A)(capacity * size);
  if (size === 1) specialize(gather1, dtype)(src as never, idx, m, out as never);
  else specialize(gatherBlocks, dtype)(src as never, idx, m, size, out as never);
  return out;
}

/** Per-group sum over float-valued columns (NaN skipped) into a Float64Array. */
function groupSum(vals: ArrayLike<number>, gid: ArrayLike<number>, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    const v = vals[i]!;
    if (g >= 0 && v === v) out[g] = out[g]! + v;
  }
}

/**
 * True when every null row of a nullable column (validity bit 0, Arrow layout) holds ±0, as the store's own
 * writes leave it (an adopted column may hold anything there). Then a plain per-group sum over all rows is
 * the sum over the valid rows. Reads the bitmap a byte at a time and the values of the bytes that hold a
 * null (the byte loop repeats in {@link uncountNulls}: kernels are self-contained, so they cannot share it).
 */
function nullSlotsZero(vals: ArrayLike<number>, valid: Uint8Array, n: number): boolean {
  const bytes = (n + 7) >>> 3;
  for (let b = 0; b < bytes; b++) {
    const bits = valid[b]!;
    if (bits === 255) continue;
    const base = b << 3;
    const end = base + 8 < n ? base + 8 : n;
    let bad = 0; // branch-free: random nulls would mispredict a test per row
    for (let i = base; i < end; i++) bad |= +(vals[i] !== 0) & ~(bits >>> (i - base));
    if ((bad & 1) !== 0) return false;
  }
  return true;
}

/** {@link groupSum} skipping rows whose validity bit is 0 (a null row's slot may hold anything). */
function groupSumValid(vals: ArrayLike<number>, gid: ArrayLike<number>, valid: Uint8Array, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    const v = vals[i]!;
    if (g >= 0 && v === v && ((valid[i >>> 3]! >>> (i & 7)) & 1) !== 0) out[g] = out[g]! + v;
  }
}

/**
 * Takes the null rows (validity bit 0) back out of per-group counts made over every row: visits only the
 * bitmap and the null rows, so a count over a nullable column costs one plain pass plus O(n / 8 + nulls).
 */
function uncountNulls(vals: ArrayLike<number>, gid: ArrayLike<number>, valid: Uint8Array, n: number, out: Float64Array): void {
  const bytes = (n + 7) >>> 3;
  for (let b = 0; b < bytes; b++) {
    const bits = valid[b]!;
    if (bits === 255) continue;
    const base = b << 3;
    const end = base + 8 < n ? base + 8 : n;
    for (let i = base; i < end; i++) {
      if (((bits >>> (i - base)) & 1) !== 0) continue;
      const g = gid[i]!;
      const v = vals[i]!;
      if (g >= 0 && v === v) out[g] = out[g]! - 1;
    }
  }
}

/** Per-group count of non-NaN values. */
function groupCount(vals: ArrayLike<number>, gid: ArrayLike<number>, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    const v = vals[i]!;
    if (g >= 0 && v === v) out[g] = out[g]! + 1;
  }
}

/** Per-group bigint sum (64-bit columns). */
function groupSumBig(vals: ArrayLike<bigint>, gid: ArrayLike<number>, n: number, out: bigint[]): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g >= 0) out[g] = out[g]! + vals[i]!;
  }
}

/**
 * Per-group row of the min (`sign` 1) or max (`sign` -1) value, NaN skipped; ties keep the first row.
 * `rows` starts at -1.
 */
function groupArgExtreme(vals: ArrayLike<number | bigint>, gid: ArrayLike<number>, n: number, sign: number, rows: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g < 0) continue;
    const v = vals[i]!;
    if (v !== v) continue;
    const r = rows[g]!;
    if (r < 0) rows[g] = i;
    else {
      const b = vals[r]!;
      if (sign > 0 ? v < b : v > b) rows[g] = i;
    }
  }
}

/** Per-group first (`last` false) or last row with a non-NaN value. `rows` starts at -1. */
function groupFirstLast(vals: ArrayLike<number | bigint>, gid: ArrayLike<number>, n: number, last: boolean, rows: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g < 0) continue;
    const v = vals[i]!;
    if (v !== v) continue;
    if (last || rows[g]! < 0) rows[g] = i;
  }
}

/** Per-group count of rows (any dtype). */
function groupSize(gid: ArrayLike<number>, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g >= 0) out[g] = out[g]! + 1;
  }
}

/** Per-group sum over two keys' ids combined on the fly (group `a[i] * kb + b[i]`; −1 in either: dropped). */
function pairSum(vals: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const v = vals[i]!;
    if ((x | y) >= 0 && v === v) {
      const g = x * kb + y;
      out[g] = out[g]! + v;
    }
  }
}

/** Per-group count of non-NaN values over combined pair ids. */
function pairCount(vals: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const v = vals[i]!;
    if ((x | y) >= 0 && v === v) {
      const g = x * kb + y;
      out[g] = out[g]! + 1;
    }
  }
}

/** Per-group count of rows over combined pair ids. */
function pairSize(a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((x | y) >= 0) {
      const g = x * kb + y;
      out[g] = out[g]! + 1;
    }
  }
}

/** out[i] = a[i] * kb + b[i], −1 if either is missing. */
function combineIds(a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    out[i] = (x | y) < 0 ? -1 : x * kb + y;
  }
}

/** The TypedArray type of group ids (kernels are specialized on it too). */
function tagOf(gid: ArrayLike<number>): string {
  return (gid as { constructor: { name: string } }).constructor.name;
}

/**
 * Two keys' ids, combined on the fly by the sum and count kernels (group `a[i] * kb + b[i]`, dropped when
 * either is −1) instead of through an n × 4 B array of group ids. @internal
 */
export interface PairIds {
  readonly a: Int32Array | Int16Array | Int8Array;
  readonly b: Int32Array | Int16Array | Int8Array;
  readonly kb: number;
}

/** Group ids per row: an id array, or two keys' ids combined on the fly. @internal */
export type Ids = ArrayLike<number> | PairIds;

function isPair(ids: Ids): ids is PairIds {
  return !ArrayBuffer.isView(ids) && 'kb' in ids;
}

/** The combined ids of a pair as an Int32Array (−1: dropped). @internal */
export function pairIds(p: PairIds, n: number): Int32Array {
  const out = new Int32Array(n);
  specialize(combineIds, `${tagOf(p.a)}:${tagOf(p.b)}`)(p.a, p.b, p.kb, n, out);
  return out;
}

/**
 * Per-group sums (NaN skipped; with `valid`, null rows skipped: when their slots hold 0, as the store writes
 * them, by the plain kernel, else by a kernel that tests each row's bit). @internal
 */
export function sumByGroup(vals: TypedArray, dtype: DType, ids: Ids, n: number, k: number, valid: Uint8Array | null = null): Float64Array {
  const out = new Float64Array(k);
  const v = vals as ArrayLike<number>;
  if (valid !== null && !specialize(nullSlotsZero, dtype)(v, valid, n)) {
    const gid = isPair(ids) ? pairIds(ids, n) : ids;
    specialize(groupSumValid, `${dtype}:${tagOf(gid)}`)(v, gid, valid, n, out);
  } else if (isPair(ids)) specialize(pairSum, `${dtype}:${tagOf(ids.a)}:${tagOf(ids.b)}`)(v, ids.a, ids.b, ids.kb, n, out);
  else specialize(groupSum, `${dtype}:${tagOf(ids)}`)(v, ids, n, out);
  return out;
}

/** @internal */
export function bigSumByGroup(vals: BigInt64Array | BigUint64Array, dtype: DType, gid: ArrayLike<number>, n: number, k: number): bigint[] {
  const out = new Array<bigint>(k).fill(0n);
  specialize(groupSumBig, `${dtype}:${tagOf(gid)}`)(vals, gid, n, out);
  return out;
}

/** Non-NaN values per group (`vals` undefined: rows per group; with `valid`, null rows skipped). @internal */
export function countByGroup(vals: TypedArray | undefined, dtype: DType, ids: Ids, n: number, k: number, valid: Uint8Array | null = null): Float64Array {
  const out = new Float64Array(k);
  const float = vals !== undefined && (dtype === 'float64' || dtype === 'float32');
  if (isPair(ids) && (valid === null || vals === undefined)) {
    const tag = `${tagOf(ids.a)}:${tagOf(ids.b)}`;
    if (float) specialize(pairCount, `${dtype}:${tag}`)(vals as ArrayLike<number>, ids.a, ids.b, ids.kb, n, out);
    else specialize(pairSize, tag)(ids.a, ids.b, ids.kb, n, out);
    return out;
  }
  const gid = isPair(ids) ? pairIds(ids, n) : ids;
  if (vals === undefined || (dtype !== 'float64' && dtype !== 'float32')) specialize(groupSize, tagOf(gid))(gid, n, out);
  else specialize(groupCount, `${dtype}:${tagOf(gid)}`)(vals as ArrayLike<number>, gid, n, out);
  if (valid !== null && vals !== undefined) specialize(uncountNulls, `${dtype}:${tagOf(gid)}`)(vals as ArrayLike<number>, gid, valid, n, out);
  return out;
}

/** Row index per group of the min/max/first/last non-NaN value (-1 if none). @internal */
export function rowByGroup(
  vals: ArrayLike<number | bigint>,
  tag: string,
  op: 'min' | 'max' | 'first' | 'last',
  gid: ArrayLike<number>,
  n: number,
  k: number,
): Int32Array {
  const rows = new Int32Array(k).fill(-1);
  if (op === 'min' || op === 'max') specialize(groupArgExtreme, `${tag}:${tagOf(gid)}`)(vals, gid, n, op === 'min' ? 1 : -1, rows);
  else specialize(groupFirstLast, `${tag}:${tagOf(gid)}`)(vals, gid, n, op === 'last', rows);
  return rows;
}

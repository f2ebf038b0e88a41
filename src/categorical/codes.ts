/**
 * Code storage of a Categorical: the width rule (Int8 → Int16 → Int32) and the per-width kernels.
 *
 * Every kernel exists once per code width, as a distinct function generated into codes.gen.ts, so each stays
 * monomorphic (docs/internals/performance.md, "Monomorphic kernels"). The dispatchers here pick the kernel once
 * per call, never per element.
 *
 * @internal
 * @packageDocumentation
 */
import {
  rangeMask8,
  rangeMask16,
  rangeMask32,
  bincount8,
  bincount16,
  bincount32,
  recode8,
  recode16,
  recode32,
  recodeInPlace8,
  recodeInPlace16,
  recodeInPlace32,
  gather8,
  gather16,
  gather32,
  extremes8,
  extremes16,
  extremes32,
  inRange8,
  inRange16,
  inRange32,
  firstOccurrences8,
  firstOccurrences16,
  firstOccurrences32,
} from './codes.gen.js';

/** The signed TypedArray that holds the codes of a Categorical (`-1` = missing). */
export type CodeArray = Int8Array | Int16Array | Int32Array;

/** The dtype of the codes: `'int8'`, `'int16'` or `'int32'`. */
export type CodesDType = 'int8' | 'int16' | 'int32';

/** Most categories an Int8 code array can address (codes 0..127, -1 = missing). @internal */
export const INT8_CATEGORIES = 128;
/** Most categories an Int16 code array can address (codes 0..32767). @internal */
export const INT16_CATEGORIES = 32768;
/** Most categories an Int32 code array can address (codes 0..2^31-1). @internal */
export const INT32_CATEGORIES = 2 ** 31;

/**
 * The narrowest code dtype that addresses `n` categories with `-1` spare: int8 up to 128 categories,
 * int16 up to 32768, int32 beyond.
 * @internal
 */
export function codesDTypeFor(n: number): CodesDType {
  return n <= INT8_CATEGORIES ? 'int8' : n <= INT16_CATEGORIES ? 'int16' : 'int32';
}

/** Bytes per code of a code dtype. @internal */
export function codeBytes(dtype: CodesDType): 1 | 2 | 4 {
  return dtype === 'int8' ? 1 : dtype === 'int16' ? 2 : 4;
}

/** The code dtype of a code array. @internal */
export function codesDTypeOf(codes: CodeArray): CodesDType {
  return codes.BYTES_PER_ELEMENT === 1 ? 'int8' : codes.BYTES_PER_ELEMENT === 2 ? 'int16' : 'int32';
}

/** Most categories a code dtype can address. @internal */
export function maxCategories(dtype: CodesDType): number {
  return dtype === 'int8' ? INT8_CATEGORIES : dtype === 'int16' ? INT16_CATEGORIES : INT32_CATEGORIES;
}

/** A zero-filled code array of `capacity` codes. @internal */
export function allocCodes(dtype: CodesDType, capacity: number): CodeArray {
  return dtype === 'int8' ? new Int8Array(capacity) : dtype === 'int16' ? new Int16Array(capacity) : new Int32Array(capacity);
}

/** A new code array of `dtype` and `capacity` holding the first `length` codes of `codes` (value-preserving). @internal */
export function copyCodes(codes: CodeArray, length: number, dtype: CodesDType, capacity: number): CodeArray {
  const next = allocCodes(dtype, capacity);
  if (length > 0) next.set(length === codes.length ? codes : codes.subarray(0, length));
  return next;
}

/** True if `x` is an Int8Array, Int16Array or Int32Array. @internal */
export function isCodeArray(x: unknown): x is CodeArray {
  return x instanceof Int8Array || x instanceof Int16Array || x instanceof Int32Array;
}

// ---------------------------------------------------------------------------------------------
// rangeMask: out[i] = lo <= codes[i] <= hi  (eq: [c, c]; isNA: [-1, -1]; lt: [0, c-1]; ge: [c, n-1])
// ---------------------------------------------------------------------------------------------

/** A mask of the first `n` codes: 1 where `lo <= code <= hi`. `invert` flips it (for `ne`). @internal */
export function rangeMask(codes: CodeArray, n: number, lo: number, hi: number, invert: boolean): Uint8Array {
  const out = new Uint8Array(n);
  if (codes instanceof Int8Array) rangeMask8(codes, n, lo, hi, out);
  else if (codes instanceof Int16Array) rangeMask16(codes, n, lo, hi, out);
  else rangeMask32(codes, n, lo, hi, out);
  if (invert) for (let i = 0; i < n; i++) out[i] = out[i]! ^ 1;
  return out;
}

// ---------------------------------------------------------------------------------------------
// bincount: counts[code + 1]++  (slot 0 counts missing)
// ---------------------------------------------------------------------------------------------

/**
 * Counts of the first `n` codes over `k` categories: `counts[0]` is the number of missing values,
 * `counts[c + 1]` the number of code `c` (Float64 counts: exact past 2^31 rows).
 * @internal
 */
export function bincount(codes: CodeArray, n: number, k: number): Float64Array {
  const counts = new Float64Array(k + 1);
  if (codes instanceof Int8Array) bincount8(codes, n, counts);
  else if (codes instanceof Int16Array) bincount16(codes, n, counts);
  else bincount32(codes, n, counts);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// recode: out[i] = table[codes[i] + 1]   (table[0] is what missing maps to, normally -1)
// ---------------------------------------------------------------------------------------------

/** Maps the first `n` codes through `table` in place (monomorphic: one array type per kernel). @internal */
export function recodeInPlace(codes: CodeArray, n: number, table: Int32Array): void {
  if (codes instanceof Int8Array) recodeInPlace8(codes, n, table);
  else if (codes instanceof Int16Array) recodeInPlace16(codes, n, table);
  else recodeInPlace32(codes, n, table);
}

/**
 * Maps the first `n` codes through `table` (`table[code + 1]`) into `out` (may be `codes` itself,
 * or an array of another width that can hold every value of `table`).
 * @internal
 */
export function recode(codes: CodeArray, n: number, table: Int32Array, out: CodeArray): void {
  if (codes instanceof Int8Array) recode8(codes, n, table, out);
  else if (codes instanceof Int16Array) recode16(codes, n, table, out);
  else recode32(codes, n, table, out);
}

// ---------------------------------------------------------------------------------------------
// gather (take): out[j] = codes[idx[j]], indices already normalised to [0, length)
// ---------------------------------------------------------------------------------------------

/** A new code array of the same width: `codes` gathered at `idx` (valid, non-negative indexes). @internal */
export function gather(codes: CodeArray, idx: ArrayLike<number>): CodeArray {
  const m = idx.length;
  if (codes instanceof Int8Array) {
    const out = new Int8Array(m);
    gather8(codes, idx, out);
    return out;
  }
  if (codes instanceof Int16Array) {
    const out = new Int16Array(m);
    gather16(codes, idx, out);
    return out;
  }
  const out = new Int32Array(m);
  gather32(codes, idx, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// extremes: smallest and largest code among the first n (for validation and min/max)
// ---------------------------------------------------------------------------------------------

/** Extremes of the first `n` codes. @internal */
export interface CodeExtremes {
  /** Smallest code (`2^31-1` when `n` is 0). */
  readonly min: number;
  /** Largest code (`-2^31` when `n` is 0). */
  readonly max: number;
  /** Smallest non-missing code (`2^31-1` when there is none). */
  readonly minValid: number;
}

/** Smallest, largest and smallest non-missing code among the first `n`. @internal */
export function extremes(codes: CodeArray, n: number): CodeExtremes {
  const out = new Int32Array(3);
  if (codes instanceof Int8Array) extremes8(codes, n, out);
  else if (codes instanceof Int16Array) extremes16(codes, n, out);
  else extremes32(codes, n, out);
  return { min: out[0]!, max: out[1]!, minValid: out[2]! };
}

/** True when each of the first `n` codes lies in `[-1, k)` (a branch-free pass; validation of adopted codes). @internal */
export function codesInRange(codes: CodeArray, n: number, k: number): boolean {
  if (codes instanceof Int8Array) return inRange8(codes, n, k);
  if (codes instanceof Int16Array) return inRange16(codes, n, k);
  return inRange32(codes, n, k);
}

// ---------------------------------------------------------------------------------------------
// Positional comparison of two code arrays already expressed in the same categories (Int32).
// ---------------------------------------------------------------------------------------------

/** Comparison operators. @internal */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/**
 * Mask of `a[i] op b[i]` for codes in the same categories. Missing (`-1`) or unknown (`-2`) on either
 * side compares false, except for `ne`, where it compares true.
 * @internal
 */
export function compareCodes(a: Int32Array, b: Int32Array, op: CompareOp): Uint8Array {
  const n = a.length;
  const out = new Uint8Array(n);
  switch (op) {
    case 'eq':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= 0 && a[i] === b[i] ? 1 : 0;
      break;
    case 'ne':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= 0 && a[i] === b[i] ? 0 : 1;
      break;
    case 'lt':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= 0 && b[i]! >= 0 && a[i]! < b[i]! ? 1 : 0;
      break;
    case 'le':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= 0 && b[i]! >= 0 && a[i]! <= b[i]! ? 1 : 0;
      break;
    case 'gt':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= 0 && b[i]! >= 0 && a[i]! > b[i]! ? 1 : 0;
      break;
    case 'ge':
      for (let i = 0; i < n; i++) out[i] = a[i]! >= 0 && b[i]! >= 0 && a[i]! >= b[i]! ? 1 : 0;
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// firstOccurrences: the distinct codes among the first n, in order of first appearance
// ---------------------------------------------------------------------------------------------

/** The distinct codes among the first `n` (over `k` categories, `-1` included), in order of first appearance. @internal */
export function firstOccurrences(codes: CodeArray, n: number, k: number): Int32Array {
  const seen = new Uint8Array(k + 1);
  const out = new Int32Array(k + 1);
  let m: number;
  if (codes instanceof Int8Array) m = firstOccurrences8(codes, n, seen, out);
  else if (codes instanceof Int16Array) m = firstOccurrences16(codes, n, seen, out);
  else m = firstOccurrences32(codes, n, seen, out);
  return out.subarray(0, m);
}

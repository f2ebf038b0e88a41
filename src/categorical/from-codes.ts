/**
 * The codes of `Categorical.fromCodes(codes, categories)`: a wide enough Int8/Int16/Int32Array adopted
 * without copying, anything else validated and copied into the narrowest width.
 * @internal
 */
import { describe, throwType, throwValue } from '../errors.js';
import { allocCodes, codeBytes, codesDTypeFor, codesInRange, extremes, isCodeArray, type CodeArray } from './codes.js';
import { throwCodeRange } from './checks.js';

/** Checks `codes` against `k` categories; returns the codes to hold (adopted or copied) and their count. @internal */
export function codesFromInput(codes: ArrayLike<number> | ArrayLike<bigint>, k: number, where: string): { codes: CodeArray; length: number } {
  if (codes === null || typeof codes !== 'object' || typeof (codes as ArrayLike<unknown>).length !== 'number') {
    throwType(`${where}: codes must be an array or a TypedArray of integers, got ${describe(codes)}`);
  }
  const need = codesDTypeFor(k);
  const n = codes.length;
  if (isCodeArray(codes) && codes.BYTES_PER_ELEMENT >= codeBytes(need)) {
    if (!codesInRange(codes, n, k)) {
      // only to name the offending code: the branch-free check above is the common path
      const e = extremes(codes, n);
      throwCodeRange(where, e.min < -1 ? e.min : e.max, k);
    }
    return { codes, length: n };
  }
  if (codes instanceof Float32Array || codes instanceof Float64Array) {
    throwValue(`${where}: codes need to be array-like integers (got a ${codes.constructor.name})`);
  }
  const out = allocCodes(need, n);
  for (let i = 0; i < n; i++) {
    const raw = (codes as ArrayLike<unknown>)[i];
    const x = typeof raw === 'bigint' ? Number(raw) : raw;
    if (typeof x !== 'number' || !Number.isInteger(x)) {
      throwValue(`${where}: codes need to be array-like integers (got ${describe(raw)} at position ${i})`);
    }
    if (x < -1 || x >= k) throwCodeRange(where, x, k);
    out[i] = x;
  }
  return { codes: out, length: n };
}

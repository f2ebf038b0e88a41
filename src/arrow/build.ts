/**
 * Builds compactly structures from converted Arrow columns.
 *
 * @packageDocumentation
 */
import type { DType, TypedArray } from '../dtype.js';
import { Categorical } from '../categorical.js';
import { Vector } from '../vector.js';

/**
 * @internal A compactly Vector holding `array`. The Vector owns a growable buffer of its own, so this
 * is one copy (O(n), a bulk `set` with no per-element check: the dtypes match exactly).
 */
export function buildVector(dtype: DType, array: TypedArray): Vector<DType> {
  return new Vector(dtype, array as never, { capacity: array.length });
}

/** @internal A Categorical adopting `codes` (no copy: `Categorical.fromCodes` keeps a wide-enough signed array). */
export function buildCategorical(col: {
  readonly codes: Int8Array | Int16Array | Int32Array;
  readonly categories: readonly (string | number)[];
  readonly ordered: boolean;
}): Categorical {
  return Categorical.fromCodes(col.codes, col.categories, { ordered: col.ordered }) as Categorical;
}

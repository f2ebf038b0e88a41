/**
 * The integer dtype a range of values fits, from the dtype table's own bounds: shared by the inference of
 * `RecordStore.fromObjects` and `downcast()` (record-store) and the CSV reader's schema inference (pipeline),
 * so that no one restates the ranges of int8 … uint64.
 *
 * @internal
 * @packageDocumentation
 */
import { DTYPES, type DType } from '../dtype.js';

/** The 32-bit-or-narrower integer dtypes, narrowest first, signed before unsigned of a width. @internal */
export const SMALL_INT_DTYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'] as const;

/** The 64-bit integer dtypes, signed first. @internal */
export const INT64_DTYPES = ['int64', 'uint64'] as const;

/**
 * The first of `candidates` whose range holds every value in [min, max], or null when none does. Numbers and
 * bigints compare exactly with either kind of bound. O(candidates).
 * @internal
 */
export function intDTypeFor<D extends DType>(min: number | bigint, max: number | bigint, candidates: readonly D[]): D | null {
  for (const d of candidates) {
    const t = DTYPES[d];
    if (min >= t.min && max <= t.max) return d;
  }
  return null;
}

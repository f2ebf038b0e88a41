/**
 * Vector's memory accounting: the {@link VectorMemoryUsage} record `memoryUsage()` returns.
 *
 * @packageDocumentation
 */
import { usageRecord, type MemoryUsage } from '../internal/memory-usage.js';
import type { RawArray } from './raw-array.js';

/** What `Vector.memoryUsage()` reports: the common {@link MemoryUsage} fields (bytes; items are elements) and the slack. */
export interface VectorMemoryUsage extends MemoryUsage {
  /** Bytes allocated but unused: `(capacity − length) × itemsize` (`byteLength − nbytes`). */
  readonly slack: number;
  /** @deprecated The live element bytes: use `nbytes`. */
  readonly elements: number;
  /** @deprecated The bytes held: use `byteLength`. */
  readonly total: number;
}

/** The deprecated names of {@link VectorMemoryUsage} fields. */
const VECTOR_USAGE_ALIASES = { elements: 'nbytes', total: 'byteLength' } as const;

/** The usage record of a vector whose backing array is `a`, with `n` live elements of `itemsize` bytes. @internal */
export function vectorUsage(a: RawArray, n: number, itemsize: number): VectorMemoryUsage {
  const byteLength = a.byteLength;
  const nbytes = n * itemsize;
  return usageRecord<VectorMemoryUsage, 'elements' | 'total'>({ length: n, capacity: a.length, byteLength, nbytes }, { slack: byteLength - nbytes }, VECTOR_USAGE_ALIASES);
}

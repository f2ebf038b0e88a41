/**
 * MemoryView's memory accounting: the {@link MemoryViewMemoryUsage} record `memoryUsage()` returns.
 *
 * @packageDocumentation
 */
import { usageRecord, type MemoryUsage } from '../internal/memory-usage.js';
import type { Region } from './accessors.js';
import { product } from './layout.js';

/**
 * What `MemoryView.memoryUsage()` returns: the common {@link MemoryUsage} fields (items are the view's
 * items, `product(shape)`; a view holds no bytes of its own, so `capacity = length` and `byteLength = nbytes`)
 * and the memory it keeps reachable.
 */
export interface MemoryViewMemoryUsage extends MemoryUsage {
  /** Bytes of the region exported to the view (the source's bytes: a TypedArray's, a Vector's live elements). */
  readonly region: number;
  /** Bytes of the whole underlying buffer, which the view keeps reachable. */
  readonly buffer: number;
}

/** The usage record of a view of `shape` items of `itemsize` bytes over `region`. @internal */
export function viewUsage(shape: readonly number[], itemsize: number, region: Region): MemoryViewMemoryUsage {
  const items = product(shape);
  const nbytes = items * itemsize;
  return usageRecord<MemoryViewMemoryUsage>({ length: items, capacity: items, byteLength: nbytes, nbytes }, { region: region.byteLength, buffer: region.buffer.byteLength }, {});
}

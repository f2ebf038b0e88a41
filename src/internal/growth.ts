/**
 * Growth policy shared by every growable structure: capacity doubling, ×1.5 past 64 MiB,
 * copy on grow into a plain ArrayBuffer (never resizable buffers: 3–4× slower to index on Node 20).
 * @internal
 * @packageDocumentation
 */
import { ValueError } from '../errors.js';

/** Bytes past which growth slows from ×2 to ×1.5. @internal */
export const SLOW_GROWTH_BYTES = 64 * 1024 * 1024;

/** Smallest capacity ever allocated for a non-empty structure. @internal */
export const MIN_CAPACITY = 8;

/** Largest element count of one TypedArray (Node 20 caps typed arrays at 2^32 elements). @internal */
export const MAX_ELEMENTS = 2 ** 32;

/**
 * The capacity to grow to so that at least `needed` elements fit.
 * @internal
 */
export function grownCapacity(current: number, needed: number, itemsize: number): number {
  if (needed > MAX_ELEMENTS) {
    throw new ValueError(`cannot hold ${needed} elements: the limit of one TypedArray is ${MAX_ELEMENTS}`);
  }
  let cap = Math.max(current, MIN_CAPACITY);
  while (cap < needed) cap = cap * itemsize >= SLOW_GROWTH_BYTES ? Math.ceil(cap * 1.5) : cap * 2;
  return Math.min(cap, MAX_ELEMENTS);
}

/**
 * Returns a new array of `capacity` elements (same type as `array`) holding its first `length` elements.
 * @internal
 */
export function reallocate<A extends { readonly length: number; subarray(begin?: number, end?: number): A; set(src: A, offset?: number): void }>(
  array: A,
  length: number,
  capacity: number,
  alloc: (n: number) => A,
): A {
  const next = alloc(capacity);
  if (length > 0) next.set(array.length === length ? array : array.subarray(0, length));
  return next;
}

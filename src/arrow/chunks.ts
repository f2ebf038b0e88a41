/**
 * Small helpers over the chunks (`Data`) of one Arrow column: lengths, null counts, validity bits.
 *
 * @packageDocumentation
 */
import type { Data } from 'apache-arrow';

/** @internal Rows over all chunks. */
export function totalLength(chunks: readonly Data[]): number {
  let n = 0;
  for (const c of chunks) n += c.length;
  return n;
}

/** @internal Nulls over all chunks. */
export function totalNulls(chunks: readonly Data[]): number {
  let n = 0;
  for (const c of chunks) n += c.nullCount;
  return n;
}

/** @internal True if row `i` of a chunk is valid (its bitmap is read at the chunk's offset). */
export function isValid(data: Data, i: number): boolean {
  const bit = data.offset + i;
  return (data.nullBitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** @internal The first null row over all chunks, or -1. */
export function firstNullRow(chunks: readonly Data[]): number {
  let at = 0;
  for (const c of chunks) {
    if (c.nullCount > 0) for (let i = 0; i < c.length; i++) if (!isValid(c, i)) return at + i;
    at += c.length;
  }
  return -1;
}

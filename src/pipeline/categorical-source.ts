/**
 * The Categorical fast paths of a pipeline: its values decoded a chunk at a time from the codes, and
 * `valueCounts()` directly on a Categorical source, counted on the codes.
 *
 * @internal
 * @packageDocumentation
 */
import type { Categorical, CategoryValue } from '../categorical.js';
import { DecodedSource, type SyncSource } from './sources.js';

/** A Categorical's values (missing → `null`), decoded a chunk at a time. @internal */
export function categoricalSource(c: Categorical<CategoryValue>, chunkSize: number): SyncSource {
  const codes = c.codes;
  const cats = c.categories;
  return new DecodedSource(codes.length, chunkSize, (s, e, out) => {
    for (let i = s, k = 0; i < e; i++, k++) {
      const code = codes[i]!;
      out[k] = code < 0 ? null : cats[code];
    }
  });
}

/** `valueCounts` of a Categorical through its codes: one counting pass, same order rules as the generic sink. @internal */
export function categoricalCounts(c: Categorical<CategoryValue>): Map<unknown, number> {
  const codes = c.codes;
  const cats = c.categories;
  const counts = new Float64Array(cats.length + 1); // slot 0: missing (code -1)
  const order: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const j = codes[i]! + 1;
    const n = counts[j]!;
    counts[j] = n + 1;
    if (n === 0) order.push(j);
  }
  const entries: [unknown, number][] = order.map((j) => [j === 0 ? null : cats[j - 1], counts[j]!]);
  return new Map(entries.sort((x, y) => y[1] - x[1]));
}

/**
 * `filter(pred | conditions)` and `take(indices)`: which rows to keep, as a Uint32Array of row indices; the
 * store then gathers every column with typed kernels (the rows of `filter(mask)` come from masks.ts).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { IDX } from './record-view.js';
import type { StoreData } from './store-data.js';
import { maskRows } from './masks.js';
import type { RowTest } from './where.js';

/** Rows where `pred(cursor, i)` is truthy; the cursor is moved along, never reallocated. @internal */
export function rowsWhere(d: StoreData, cursor: object, pred: (row: never, i: number) => unknown): Uint32Array {
  const n = d.length;
  const keep = new Uint32Array(n);
  const c = cursor as { [IDX]: number };
  let m = 0;
  for (let i = 0; i < n; i++) {
    c[IDX] = i;
    keep[m] = i; // branch-free: written always, kept only if the predicate holds
    m += pred(c as never, i) ? 1 : 0;
  }
  return keep.subarray(0, m);
}

/** Rows per block of the fused filter: its buffers (a byte per row) stay in L1 while the columns stream by. */
const BLOCK = 4096;

/**
 * Rows where every test holds (`filter(conditions)`), block by block: the first test writes a block's 0/1
 * answers into a small buffer, each further test is ANDed in, and the block's rows are appended to a list that
 * doubles as it fills. No mask as long as the store is allocated, so the pass reads each tested column once
 * and writes only the row list. @internal
 */
export function rowsOfTests(tests: readonly RowTest[], n: number): Uint32Array {
  const acc = new Uint8Array(BLOCK);
  const tmp = new Uint8Array(BLOCK);
  const accWords = new Int32Array(acc.buffer);
  const tmpWords = new Int32Array(tmp.buffer);
  let keep = new Uint32Array(Math.min(n, BLOCK) + 1);
  let m = 0;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const len = Math.min(BLOCK, n - lo);
    tests[0]!.run(lo, len, acc);
    for (let t = 1; t < tests.length; t++) {
      tests[t]!.run(lo, len, tmp);
      // Bytes are 0/1, so a word-wise AND is the row-wise AND (the tail bytes past len are never read).
      const w = (len + 3) >>> 2;
      for (let j = 0; j < w; j++) accWords[j] = accWords[j]! & tmpWords[j]!;
    }
    if (keep.length < m + len + 1) {
      const grown = new Uint32Array(Math.max(keep.length * 2, m + len + 1));
      grown.set(keep.subarray(0, m));
      keep = grown;
    }
    m = maskRows(acc, len, keep, lo, m);
  }
  return keep.subarray(0, m);
}

/** Validated, normalized row indices (negative counts from the end). @internal */
export function checkIndices(d: StoreData, indices: unknown, op: string): Uint32Array {
  if (typeof indices !== 'object' || indices === null || typeof (indices as ArrayLike<unknown>).length !== 'number') {
    throwType(`RecordStore.${op}: indices must be an array-like of integers, got ${describe(indices)}`);
  }
  const src = indices as ArrayLike<number>;
  const n = d.length;
  const m = src.length;
  const out = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    const x = src[j]!;
    out[j] = x >>> 0 === x && x < n ? x : normalizeIndex(x, n, `RecordStore.${op}`);
  }
  return out;
}

/**
 * `filter(pred | mask | conditions)` and `take(indices)`: which rows to keep, as a Uint32Array of row indices; the store
 * then gathers every column with typed kernels.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { IDX } from './record-view.js';
import type { StoreData } from './store-data.js';
import { LITTLE_ENDIAN, maskWords, nonZeroBytes, type RowTest } from './where.js';

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

/** Rows where `mask[i]` is truthy (`mask.length` must equal the store's length). @internal */
export function rowsOfMask(d: StoreData, mask: ArrayLike<unknown>): Uint32Array {
  const n = d.length;
  if (mask.length !== n) throwValue(`RecordStore.filter: mask length ${mask.length} does not match the store length ${n}`);
  if (mask instanceof Uint8Array) {
    // Counted first, so the index list is as long as the result (+1: the branch-free fill writes one past
    // the last kept row). A list of `n` rows would cost more in fresh pages than the whole fill.
    const keep = new Uint32Array(countMask(mask, n) + 1);
    return keep.subarray(0, maskRows(mask, n, keep));
  }
  const keep = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (mask[i]) keep[m++] = i;
  return keep.subarray(0, m);
}

/** How many bytes of `mask[0..n)` are non-zero: four per step where the mask is 4-aligned. */
function countMask(mask: Uint8Array, n: number): number {
  let c = 0;
  let i = 0;
  const words = maskWords(mask);
  if (words !== null) {
    // nonZeroBytes gives 0/1 per byte; the multiply sums the four bytes into the top one.
    for (let j = 0; j < words.length; j++) c += Math.imul(nonZeroBytes(words[j]!), 0x01010101) >>> 24;
    i = words.length << 2;
  }
  for (; i < n; i++) c += +(mask[i] !== 0);
  return c;
}

/**
 * Branch-free index collection over a byte mask (any non-zero byte keeps the row): eight rows per step as two
 * 32-bit words where the mask is 4-aligned, skipping steps whose eight bytes are all zero (a selective filter
 * touches few), then byte by byte. Rows are numbered from `base`, appended to `keep` from `m`; `keep` needs
 * room for `m + n + 1` (the fill writes one past the last kept row). Returns the new count.
 */
function maskRows(mask: Uint8Array, n: number, keep: Uint32Array, base = 0, m = 0): number {
  let i = 0;
  const words = LITTLE_ENDIAN ? maskWords(mask) : null;
  if (words !== null) {
    const w = (n >>> 2) & ~1;
    for (let j = 0; j < w; j += 2) {
      const lo = words[j]!;
      const hi = words[j + 1]!;
      if ((lo | hi) === 0) continue;
      m = keepWord(keep, m, nonZeroBytes(lo), base + (j << 2));
      m = keepWord(keep, m, nonZeroBytes(hi), base + ((j + 1) << 2));
    }
    i = w << 2;
  }
  for (; i < n; i++) {
    keep[m] = base + i;
    m += (mask[i]! + 255) >>> 8;
  }
  return m;
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

/** Appends rows `r..r+3` whose byte in `x` (0/1 per byte, little-endian) is 1; returns the new count. */
function keepWord(keep: Uint32Array, m: number, x: number, r: number): number {
  keep[m] = r;
  m += x & 1;
  keep[m] = r + 1;
  m += (x >>> 8) & 1;
  keep[m] = r + 2;
  m += (x >>> 16) & 1;
  keep[m] = r + 3;
  return m + (x >>> 24);
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

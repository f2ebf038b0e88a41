/**
 * `filter(pred | conditions)` and `take(indices)`: which rows to keep, as a Uint32Array of row indices; the
 * store then gathers every column with typed kernels (the rows of `filter(mask)` come from masks.ts, the
 * select and refine kernels of the conditions from where-select.ts).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { IDX } from './record-view.js';
import type { StoreData } from './store-data.js';
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

/** Rows per block of the fused filter: the block's kept-row list (4 bytes a row) stays in L1/L2 while it is refined. */
const BLOCK = 4096;
/** The sample that orders the tests: this many windows of {@link WINDOW} rows, spread over the store. */
const WINDOWS = 8;
const WINDOW = 256;

/**
 * Rows where every test holds (`filter(conditions)`), block by block, as row numbers from the start: the
 * first test **selects** the block's passing rows straight into the kept-row list, each further test
 * **refines** that list in place (where-select.ts), so a later test reads only the rows still in it. No mask,
 * no AND, no index extraction. With several tests, a sample of the store (a few windows spread over it) puts
 * the most selective test first, so the others refine the shortest lists, and sizes the list for the
 * expected result (it grows by doubling if the sample was wrong). An AND is the same in any order: the
 * order changes the speed, never the rows. @internal
 */
export function rowsOfTests(tests: readonly RowTest[], n: number): Uint32Array {
  let order = tests;
  let capacity = n;
  if (tests.length > 1 && n > 2 * WINDOWS * WINDOW) [order, capacity] = planTests(tests, n);
  let keep = new Uint32Array(Math.min(n, capacity) + 1);
  const first = order[0]!;
  let m = 0;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const hi = Math.min(n, lo + BLOCK);
    if (keep.length < m + (hi - lo) + 1) {
      const grown = new Uint32Array(Math.min(n, Math.max(keep.length * 2, m + BLOCK)) + 1);
      grown.set(keep.subarray(0, m));
      keep = grown;
    }
    let k = first.select(lo, hi, keep, m);
    for (let t = 1; t < order.length && k > m; t++) k = order[t]!.refine(lo, hi, keep, m, k);
    m = k;
  }
  return keep.subarray(0, m);
}

/**
 * The tests ordered by how many rows of a sample each keeps (fewest first; ties keep their order), and the
 * kept-row list's capacity for the rows the whole conjunction kept in the sample, scaled to `n`, with room
 * for a block more. The sample is {@link WINDOWS} windows of {@link WINDOW} rows spread evenly over the store.
 */
function planTests(tests: readonly RowTest[], n: number): [RowTest[], number] {
  const scratch = new Uint32Array(WINDOW + 1);
  const kept = new Float64Array(tests.length);
  const starts: number[] = [];
  for (let w = 0; w < WINDOWS; w++) starts.push(Math.floor(((n - WINDOW) * w) / (WINDOWS - 1)));
  for (let t = 0; t < tests.length; t++) {
    for (const lo of starts) kept[t] = kept[t]! + tests[t]!.select(lo, lo + WINDOW, scratch, 0);
  }
  const order = tests.map((_, t) => t).sort((a, b) => kept[a]! - kept[b]! || a - b);
  const ordered = order.map((t) => tests[t]!);
  let all = 0;
  for (const lo of starts) {
    let k = ordered[0]!.select(lo, lo + WINDOW, scratch, 0);
    for (let t = 1; t < ordered.length && k > 0; t++) k = ordered[t]!.refine(lo, lo + WINDOW, scratch, 0, k);
    all += k;
  }
  const expected = Math.ceil((all / (WINDOWS * WINDOW)) * n);
  return [ordered, expected + (expected >>> 3) + BLOCK];
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

/**
 * `nlargest(n, field)` / `nsmallest(n, field)`: the rows of the `n` largest (smallest) values by a bounded
 * heap over row indices — O(rows × log n), one comparison per row once the heap is full — instead of a full
 * sort. Ties keep the first occurrence (pandas `keep='first'`); NaN (and null) never qualify.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { specialize } from './kernels.js';
import { describe, throwType } from '../errors.js';
import type { FieldInfo } from './schema.js';
import type { StoreData } from './store-data.js';

type Vals = ArrayLike<number | bigint>;

/** True when row `a` ranks before row `b`: bigger value (smaller for `smallest`), then smaller index. */
function before(v: Vals, a: number, b: number, smallest: boolean): boolean {
  const x = v[a]!;
  const y = v[b]!;
  if (x === y) return a < b;
  return smallest ? x < y : x > y;
}

/** Restores the heap property downwards from slot `k` (the root holds the row that ranks last). */
function siftDown(heap: Int32Array, size: number, k: number, v: Vals, smallest: boolean): void {
  const row = heap[k]!;
  for (;;) {
    const l = 2 * k + 1;
    if (l >= size) break;
    const r = l + 1;
    // the child that ranks last
    const c = r < size && before(v, heap[l]!, heap[r]!, smallest) ? r : l;
    if (!before(v, row, heap[c]!, smallest)) break;
    heap[k] = heap[c]!;
    k = c;
  }
  heap[k] = row;
}

function siftUp(heap: Int32Array, k: number, v: Vals, smallest: boolean): void {
  const row = heap[k]!;
  while (k > 0) {
    const p = (k - 1) >> 1;
    if (!before(v, heap[p]!, row, smallest)) break;
    heap[k] = heap[p]!;
    k = p;
  }
  heap[k] = row;
}

/**
 * The first row in `[from, len)` whose value ranks strictly before `bound` (bigger, or smaller when
 * `smallest`), or `len`. NaN never does. Self-contained: compiled once per dtype (kernels.ts `specialize`),
 * it is the loop nearly every row goes through once the heap is full.
 */
function nextBeating(v: ArrayLike<number | bigint>, from: number, len: number, bound: number | bigint, smallest: boolean): number {
  if (smallest) {
    for (let i = from; i < len; i++) if (v[i]! < bound) return i;
  } else {
    for (let i = from; i < len; i++) if (v[i]! > bound) return i;
  }
  return len;
}

/**
 * Row indices of the `n` top values of `vals[0..len)`, best first (ties by row order). Rows with
 * `valid(i) === false` (NaN, null) are skipped.
 * @internal
 */
export function topRows(vals: TypedArray, len: number, n: number, smallest: boolean, isValid: ((i: number) => boolean) | null): Uint32Array {
  const v = vals as unknown as Vals;
  const cap = Math.min(n, len);
  const heap = new Int32Array(cap);
  let size = 0;
  let i = 0;
  // Fill the heap with the first `cap` qualifying rows.
  for (; i < len && size < cap; i++) {
    const x = v[i]!;
    if (x !== x || (isValid !== null && !isValid(i))) continue; // NaN or null
    heap[size] = i;
    siftUp(heap, size++, v, smallest);
  }
  if (size === cap && cap > 0) {
    // The root ranks last among the kept rows: only a row that beats it strictly (an equal value never
    // displaces an earlier row) goes into the heap; the typed scan skips the rest.
    const scan = specialize(nextBeating, vals.constructor.name);
    for (;;) {
      i = scan(v, i, len, v[heap[0]!]!, smallest);
      if (i >= len) break;
      if (isValid === null || isValid(i)) {
        heap[0] = i;
        siftDown(heap, size, 0, v, smallest);
      }
      i++;
    }
  }
  // Pop into best-first order.
  const out = new Uint32Array(size);
  for (let k = size - 1; k >= 0; k--) {
    out[k] = heap[0]!;
    heap[0] = heap[k]!;
    siftDown(heap, k, 0, v, smallest);
  }
  return out;
}

/**
 * The rows of `nlargest(n, field)` / `nsmallest(n, field)` (`op` names which), checked: `n` a non-negative
 * integer, `f` a numeric field; null rows never qualify.
 * @internal
 */
export function topRowsOf(d: StoreData, n: number, f: FieldInfo, smallest: boolean, op: string): Uint32Array {
  if (f.kind !== 'number') throwType(`RecordStore.${op}: field ${describe(f.name)} is a ${f.kind} field; ${op} needs a numeric field`);
  const bm = d.valid[f.index]!;
  return topRows(d.cols[f.index] as TypedArray, d.length, n, smallest, bm === null ? null : (i) => (bm[i >>> 3]! & (1 << (i & 7))) !== 0);
}

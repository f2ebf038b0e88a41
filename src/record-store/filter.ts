/**
 * `filter(pred | mask)` and `take(indices)`: which rows to keep, as a Uint32Array of row indices; the store
 * then gathers every column with typed kernels.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { IDX } from './record-view.js';
import type { StoreData } from './store-data.js';

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
  const keep = new Uint32Array(n);
  if (mask instanceof Uint8Array) return keep.subarray(0, maskRows(mask, n, keep));
  let m = 0;
  for (let i = 0; i < n; i++) if (mask[i]) keep[m++] = i;
  return keep.subarray(0, m);
}

/** Branch-free index collection over a byte mask (any non-zero byte keeps the row). */
function maskRows(mask: Uint8Array, n: number, keep: Uint32Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    keep[m] = i;
    m += (mask[i]! + 255) >>> 8;
  }
  return m;
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
    out[j] = (x >>> 0) === x && x < n ? x : normalizeIndex(x, n, `RecordStore.${op}`);
  }
  return out;
}

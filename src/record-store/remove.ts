/**
 * Row removal (`RecordStore.remove`, `swapRemove`, `clear`): every column, its validity bitmap and the
 * owned categoricals shrink together; refused while a column is exported.
 * @internal
 */
import type { TypedArray } from '../dtype.js';
import { decodeUtf8 } from '../internal/utf8.js';
import { normalizeIndex } from '../internal/bounds.js';
import { locked, resizeOwned, type CategoryColumn, type StoreData } from './store-data.js';
import { Utf8Data } from './utf8-data.js';
import { moveBit, removeBit } from './validity.js';

/** Removes row `i`, shifting later rows down (ordered delete). @internal */
export function removeRow(d: StoreData, i: number): void {
  if (d.lock.count !== 0) locked(d, 'remove');
  const n = d.length;
  const j = normalizeIndex(i, n, 'RecordStore');
  for (const f of d.schema.fields) {
    const col = d.cols[f.index]!;
    const bm = d.valid[f.index];
    if (bm != null) removeBit(bm, j, n);
    if (f.kind === 'category') resizeOwned(col as CategoryColumn, 'removeAt', j);
    else if (f.kind === 'utf8') (col as Utf8Data).removeAt(j, n);
    else (col as TypedArray).copyWithin(j * f.size, (j + 1) * f.size, n * f.size);
  }
  d.length = n - 1;
}

/** Removes row `i` by moving the last row into its place (order not kept). @internal */
export function swapRemoveRow(d: StoreData, i: number): void {
  if (d.lock.count !== 0) locked(d, 'swapRemove');
  const n = d.length;
  const j = normalizeIndex(i, n, 'RecordStore');
  const last = n - 1;
  for (const f of d.schema.fields) {
    const col = d.cols[f.index]!;
    const bm = d.valid[f.index];
    if (bm != null) moveBit(bm, last, j);
    if (f.kind === 'category') resizeOwned(col as CategoryColumn, 'swapRemoveAt', j);
    else if (f.kind === 'utf8') {
      if (j !== last) {
        const u = col as Utf8Data;
        u.set(j, decodeUtf8(u.bytes, u.offsets[last]!, u.offsets[n]!), n);
      }
      (col as Utf8Data).removeAt(last, n);
    } else if (j !== last) (col as TypedArray).copyWithin(j * f.size, last * f.size, n * f.size);
  }
  d.length = last;
}

/** Removes every row; capacity is kept. @internal */
export function clearRows(d: StoreData): void {
  if (d.lock.count !== 0) locked(d, 'clear');
  for (const c of d.cols) if (!ArrayBuffer.isView(c) && !(c instanceof Utf8Data)) resizeOwned(c, 'clear');
  d.valid.fill(null);
  d.length = 0;
}

/**
 * The null view of a field (`RecordStore.validity`, `nullCount`): the Arrow validity bitmap of a nullable
 * field, or one computed from the codes of a category field (whose missing values are code -1).
 * @internal
 */
import type { FieldInfo } from './schema.js';
import type { CategoryColumn, StoreData } from './store-data.js';
import { bitmapBytes, countNulls, newBitmap, setBit } from './validity.js';

/** The validity bitmap of field `f` (an alias, or new for a category field), `null` when no row is null. @internal */
export function fieldValidity(d: StoreData, f: FieldInfo): Uint8Array | null {
  if (f.kind === 'category') {
    const codes = (d.cols[f.index] as CategoryColumn).codes;
    let bm: Uint8Array | null = null;
    for (let i = 0; i < d.length; i++) {
      if (codes[i]! >= 0) continue;
      if (bm === null) bm = newBitmap(d.length, i);
      setBit(bm, i, false);
      for (let r = i + 1; r < d.length; r++) setBit(bm, r, codes[r]! >= 0);
      break;
    }
    return bm;
  }
  const bm = d.valid[f.index]!;
  return bm === null ? null : bm.subarray(0, bitmapBytes(d.length));
}

/** The number of null rows of field `f` (missing values of a category field). @internal */
export function fieldNullCount(d: StoreData, f: FieldInfo): number {
  if (f.kind === 'category') {
    const codes = (d.cols[f.index] as CategoryColumn).codes;
    let m = 0;
    for (let i = 0; i < d.length; i++) if (codes[i]! < 0) m++;
    return m;
  }
  return countNulls(d.valid[f.index]!, d.length);
}

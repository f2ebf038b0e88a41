/**
 * Gathers: the columns (and validity bitmaps) of a store at a list of rows, the parts of a new store that
 * the verbs (`filter`, `take`, `sortBy`, `head`, `select`, …) build.
 * @internal
 */
import type { TypedArray } from '../dtype.js';
import { gatherColumn } from './kernels.js';
import type { FieldInfo } from './schema.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';
import type { Utf8Data } from './utf8-data.js';
import { gatherBits } from './validity.js';

/** Columns and validity bitmaps of a new store. @internal */
export interface ColumnParts {
  readonly cols: Column[];
  readonly valid: (Uint8Array | null)[];
}

/** Gathers every column (and bitmap) at `rows` into the parts of a new store. @internal */
export function takeColumns(d: StoreData, rows: Uint32Array, fields: readonly FieldInfo[] = d.schema.fields): ColumnParts {
  const m = rows.length;
  const cols = fields.map((f) => takeColumn(d.cols[f.index]!, f, rows, m));
  return { cols, valid: fields.map((f) => gatherBits(d.valid[f.index]!, rows, m)) };
}

/** One column gathered at `rows[0..m)`, every row in `[0, length)` (the verbs build them so: not checked again). @internal */
export function takeColumn(col: Column, f: FieldInfo, rows: ArrayLike<number>, m: number): Column {
  if (f.kind === 'category') return (col as CategoryColumn).takeUnchecked(rows);
  if (f.kind === 'utf8') return (col as Utf8Data).take(rows, m);
  return gatherColumn(col as TypedArray, f.dtype, f.size, rows, m);
}

/** @internal */
export function identity(n: number): Uint32Array {
  const r = new Uint32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

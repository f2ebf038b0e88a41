/**
 * A field's live column (`RecordStore.column`) and the buffer export of one field (`memoryview(store, {field})`).
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import type { TypedArray } from '../dtype.js';
import type { BufferExport } from '../internal/exports.js';
import { fieldValidity } from './nulls.js';
import type { FieldInfo } from './schema.js';
import type { StoreData } from './store-data.js';
import { adoptUtf8, type Utf8Column } from './utf8-column.js';
import type { Utf8Data } from './utf8-data.js';

/**
 * The column of field `f`: a TypedArray alias of `length × size` elements, the store's Categorical, or a
 * Utf8Column over the live bytes. @internal
 */
export function columnOf(d: StoreData, f: FieldInfo): unknown {
  const col = d.cols[f.index]!;
  if (f.kind === 'category') return col;
  if (f.kind === 'utf8') {
    const u = col as Utf8Data;
    return adoptUtf8(u.offsets, u.bytes.subarray(0, u.offsets[d.length]), fieldValidity(d, f), d.length) satisfies Utf8Column;
  }
  const a = col as TypedArray;
  const n = d.length * f.size;
  return a.length === n ? a : a.subarray(0, n);
}

/** The export record of field `f` (named `field` in messages): its live elements, dtype and the store's lock. @internal */
export function exportField(d: StoreData, f: FieldInfo, field: string): BufferExport {
  if (f.kind === 'category') {
    throwType(`RecordStore: category field ${describe(field)} has no numeric buffer to export (its codes belong to the Categorical)`);
  }
  if (f.kind === 'utf8') {
    throwType(`RecordStore: utf8 field ${describe(field)} has no fixed-size buffer to export (use column(${describe(field)}).bytes and .offsets)`);
  }
  const array = (d.cols[f.index] as TypedArray).subarray(0, d.length * f.size);
  return f.kind === 'bool' ? { array, dtype: f.dtype, lock: d.lock, readonly: false, format: '?' } : { array, dtype: f.dtype, lock: d.lock, readonly: false };
}

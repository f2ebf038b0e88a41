/**
 * `where()` over the column types beyond plain numbers: null rows of a nullable field (never match a
 * comparison; `isNull` is the bitmap), utf8 fields (equality and `in`, compared as bytes), and bool, date and
 * timestamp fields (the value is converted as a write would be, then compared as the stored number).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import { checkScalar } from './field-values.js';
import type { FieldInfo } from './schema.js';
import type { Column, StoreData } from './store-data.js';
import { adoptUtf8 } from './utf8-column.js';
import type { Utf8Data } from './utf8-data.js';
import { isValid } from './validity.js';
import { whereMask, type WhereOp } from './where.js';

function valuesOf(f: FieldInfo, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Set) return [...(value as Set<unknown>)];
  return throwType(`RecordStore.where: 'in' on field ${describe(f.name)} needs an array or Set of values, got ${describe(value)}`);
}

function utf8Mask(f: FieldInfo, d: StoreData, op: WhereOp, value: unknown): Uint8Array {
  const u = d.cols[f.index] as Utf8Data;
  const n = d.length;
  const col = adoptUtf8(u.offsets, u.bytes, d.valid[f.index]!, n);
  if (op === '==') return col.eq(checkScalar('utf8', f.dtype, false, value, `RecordStore.where field ${describe(f.name)}`) as string);
  if (op === '!=') {
    const m = col.eq(checkScalar('utf8', f.dtype, false, value, `RecordStore.where field ${describe(f.name)}`) as string);
    for (let i = 0; i < n; i++) m[i] = m[i]! === 0 && isValid(col.validity, i) ? 1 : 0;
    return m;
  }
  if (op === 'in') {
    const out = new Uint8Array(n);
    for (const v of valuesOf(f, value)) {
      const m = col.eq(checkScalar('utf8', f.dtype, false, v, `RecordStore.where field ${describe(f.name)}`) as string);
      for (let i = 0; i < n; i++) out[i] = out[i]! | m[i]!;
    }
    return out;
  }
  return throwType(`RecordStore.where: ${op} on utf8 field ${describe(f.name)}: utf8 fields compare with ==, !=, in, isNull, notNull`);
}

/** The mask of rows where `field op value` holds, for any scalar field kind. @internal */
export function typedWhereMask(f: FieldInfo, d: StoreData, op: WhereOp, value: unknown): Uint8Array {
  const n = d.length;
  const bm = d.valid[f.index]!;
  let mask: Uint8Array;
  if (op === 'isNull' || op === 'notNull') {
    mask = f.kind === 'utf8' ? new Uint8Array(n) : whereMask(f, d.cols[f.index] as Column, n, 'isNull', undefined);
    if (bm !== null) for (let i = 0; i < n; i++) if (!isValid(bm, i)) mask[i] = 1;
    if (op === 'notNull') for (let i = 0; i < n; i++) mask[i] = mask[i]! ^ 1;
    return mask;
  }
  if (f.kind === 'utf8') return utf8Mask(f, d, op, value);
  if (f.kind === 'bool' || f.kind === 'date' || f.kind === 'timestamp') {
    const where = `RecordStore.where field ${describe(f.name)}`;
    const conv = (v: unknown): unknown => checkScalar(f.kind, f.dtype, false, v, where);
    value = op === 'in' ? valuesOf(f, value).map(conv) : conv(value);
    f = { ...f, kind: 'number' };
  }
  mask = whereMask(f, d.cols[f.index] as Column, n, op, value);
  // pandas' nullable dtypes: a comparison with <NA> is <NA>, which a filter drops.
  if (bm !== null) for (let i = 0; i < n; i++) if (!isValid(bm, i)) mask[i] = 0;
  return mask;
}
